package io.fileintegrity.provider.ima.template;

import static io.fileintegrity.provider.ima.template.TemplateField.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template: its name as the list shows it and its fields in order. Built-in templates come from
 * {@code ima_template.c}; a custom template ({@code ima_template_fmt=}) is named by its format string,
 * e.g. {@code d-ng|n-ng}.
 *
 * @param name the template name in the list
 * @param fields the fields in order
 */
public record TemplateFormat(String name, List<TemplateField> fields) {

    /** The legacy template: no length prefixes, name padded to 256 bytes for the template hash. */
    public static final String LEGACY_IMA = "ima";

    private static final Map<String, List<TemplateField>> BUILT_IN = Map.of(
            LEGACY_IMA, List.of(D, N),
            "ima-ng", List.of(D_NG, N_NG),
            "ima-sig", List.of(D_NG, N_NG, SIG),
            "ima-ngv2", List.of(D_NGV2, N_NG),
            "ima-sigv2", List.of(D_NGV2, N_NG, SIG),
            "ima-buf", List.of(D_NG, N_NG, BUF),
            "ima-modsig", List.of(D_NG, N_NG, SIG, D_MODSIG, MODSIG),
            "evm-sig", List.of(D_NG, N_NG, EVMSIG, XATTRNAMES, XATTRLENGTHS, XATTRVALUES, IUID, IGID, IMODE));

    public TemplateFormat {
        fields = List.copyOf(fields);
    }

    /** The template of this name: a built-in one, or a custom format string of known fields. */
    public static Optional<TemplateFormat> named(String name) {
        List<TemplateField> builtIn = BUILT_IN.get(name);
        if (builtIn != null) {
            return Optional.of(new TemplateFormat(name, builtIn));
        }
        if (name.isEmpty() || name.startsWith("|") || name.endsWith("|")) {
            return Optional.empty();
        }
        List<TemplateField> custom = new ArrayList<>();
        for (String id : name.split("\\|")) {
            Optional<TemplateField> field = TemplateField.byId(id);
            if (field.isEmpty()) {
                return Optional.empty();
            }
            custom.add(field.get());
        }
        return Optional.of(new TemplateFormat(name, custom));
    }

    /** Whether this is the legacy {@code ima} template with its special binary and hash layout. */
    public boolean isLegacy() {
        return LEGACY_IMA.equals(name);
    }

    /** Position of the first field of one of the kinds, or -1. */
    public int indexOf(TemplateField... kinds) {
        for (int i = 0; i < fields.size(); i++) {
            for (TemplateField kind : kinds) {
                if (fields.get(i) == kind) {
                    return i;
                }
            }
        }
        return -1;
    }
}
