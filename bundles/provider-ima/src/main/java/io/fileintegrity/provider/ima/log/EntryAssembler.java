package io.fileintegrity.provider.ima.log;

import io.fileintegrity.provider.ima.template.TemplateField;
import io.fileintegrity.provider.ima.template.TemplateFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Turns the raw fields of an entry (as the binary list stores them) into an {@link ImaEntry}. */
final class EntryAssembler {

    /** {@code IMA_EVENT_NAME_LEN_MAX}: the legacy name field is hashed zero-padded to this plus one. */
    static final int LEGACY_NAME_MAX = 255;
    private static final byte[] NONE = new byte[0];

    private final String source;

    EntryAssembler(String source) {
        this.source = source;
    }

    /**
     * Builds the entry.
     *
     * @param rawFields each field's bytes; for the legacy template the 20-byte digest and the name
     *     without NUL
     * @param templateData the length-prefixed template data (ignored for the legacy template)
     */
    ImaEntry assemble(long number, int pcr, byte[] templateHash, TemplateFormat format, List<byte[]> rawFields,
            byte[] templateData) throws MeasurementListException {
        byte[] hashed = format.isLegacy() ? legacyHashedData(number, rawFields) : templateData;
        int digestAt = format.indexOf(TemplateField.D, TemplateField.D_NG, TemplateField.D_NGV2);
        String algorithm = "";
        byte[] digest = NONE;
        if (digestAt >= 0) {
            byte[] raw = rawFields.get(digestAt);
            int separator = format.fields().get(digestAt) == TemplateField.D ? -1 : prefixEnd(raw);
            if (separator < 0) {
                algorithm = raw.length == 16 ? "md5" : "sha1";
                digest = raw;
            } else {
                String prefix = new String(raw, 0, separator, StandardCharsets.US_ASCII);
                algorithm = prefix.substring(prefix.lastIndexOf(':') + 1);
                digest = Arrays.copyOfRange(raw, separator + 2, raw.length);
            }
        }
        return new ImaEntry(number, pcr, templateHash, format, algorithm, digest,
                name(format, rawFields), field(format, rawFields, TemplateField.SIG),
                field(format, rawFields, TemplateField.BUF), hashed);
    }

    private byte[] legacyHashedData(long number, List<byte[]> rawFields) throws MeasurementListException {
        byte[] digest = rawFields.get(0);
        byte[] name = rawFields.get(1);
        if (digest.length != 20) {
            throw new MeasurementListException(source, number,
                    "template ima needs a 20-byte digest, found " + digest.length + " bytes");
        }
        if (name.length > LEGACY_NAME_MAX) {
            throw new MeasurementListException(source, number,
                    "template ima name length " + name.length + " beyond the limit of " + LEGACY_NAME_MAX);
        }
        byte[] hashed = new byte[20 + LEGACY_NAME_MAX + 1];
        System.arraycopy(digest, 0, hashed, 0, 20);
        System.arraycopy(name, 0, hashed, 20, name.length);
        return hashed;
    }

    /** Index of the ':' of the first ":\0" in a d-ng field, or -1 when it has no algorithm prefix. */
    private static int prefixEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length && i <= 64; i++) {
            if (raw[i] == ':' && raw[i + 1] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String name(TemplateFormat format, List<byte[]> rawFields) {
        int at = format.indexOf(TemplateField.N, TemplateField.N_NG);
        if (at < 0) {
            return "";
        }
        byte[] raw = rawFields.get(at);
        int length = raw.length > 0 && raw[raw.length - 1] == 0 ? raw.length - 1 : raw.length;
        return new String(raw, 0, length, StandardCharsets.UTF_8);
    }

    private static byte[] field(TemplateFormat format, List<byte[]> rawFields, TemplateField kind) {
        int at = format.indexOf(kind);
        return at < 0 ? NONE : rawFields.get(at);
    }
}
