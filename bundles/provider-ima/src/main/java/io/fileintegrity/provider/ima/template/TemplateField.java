package io.fileintegrity.provider.ima.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * A template field of the kernel ({@code ima_template.c}, {@code supported_fields}) and how the text
 * list shows it ({@code ima_template_lib.c}).
 */
public enum TemplateField {
    /** SHA-1 or MD5 digest, no algorithm prefix (template {@code ima}). */
    D("d", TextForm.PLAIN_DIGEST),
    /** {@code <algo> ':' '\0' <digest>}. */
    D_NG("d-ng", TextForm.ALGORITHM_DIGEST),
    /** {@code <type> ':' <algo> ':' '\0' <digest>} (fs-verity aware). */
    D_NGV2("d-ngv2", TextForm.ALGORITHM_DIGEST),
    /** Event name, at most 255 characters. */
    N("n", TextForm.STRING),
    /** Event name with a NUL, no length limit. */
    N_NG("n-ng", TextForm.STRING),
    /** The {@code security.ima} signature. */
    SIG("sig", TextForm.HEX),
    /** A measured buffer (key, kexec command line, critical data). */
    BUF("buf", TextForm.HEX),
    /** The digest covered by an appended signature. */
    D_MODSIG("d-modsig", TextForm.ALGORITHM_DIGEST),
    /** An appended (PKCS#7) signature. */
    MODSIG("modsig", TextForm.HEX),
    /** A portable EVM signature. */
    EVMSIG("evmsig", TextForm.HEX),
    /** Names of the xattrs, joined with '|'. */
    XATTRNAMES("xattrnames", TextForm.STRING),
    /** Lengths of the xattrs. */
    XATTRLENGTHS("xattrlengths", TextForm.HEX),
    /** Values of the xattrs. */
    XATTRVALUES("xattrvalues", TextForm.HEX),
    /** Inode owner. */
    IUID("iuid", TextForm.NUMBER),
    /** Inode group. */
    IGID("igid", TextForm.NUMBER),
    /** Inode mode. */
    IMODE("imode", TextForm.NUMBER);

    /** How a field appears in the text list. */
    public enum TextForm {
        /** Hex without prefix. */
        PLAIN_DIGEST,
        /** {@code algo:hex}. */
        ALGORITHM_DIGEST,
        /** The raw string (spaces already replaced by '_' by the kernel). */
        STRING,
        /** Lower-case hex. */
        HEX,
        /** Unsigned decimal. */
        NUMBER
    }

    private final String id;
    private final TextForm textForm;

    TemplateField(String id, TextForm textForm) {
        this.id = id;
        this.textForm = textForm;
    }

    /** The kernel's field id, e.g. {@code d-ng}. */
    public String id() {
        return id;
    }

    public TextForm textForm() {
        return textForm;
    }

    /** The field with this kernel id. */
    public static Optional<TemplateField> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
