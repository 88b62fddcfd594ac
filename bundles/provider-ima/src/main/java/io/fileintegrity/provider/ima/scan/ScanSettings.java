package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.api.ScanContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The provider's parameters ({@code ScanOptions.parameters}), resolved against the host root.
 *
 * @param list the list to read, or empty to try {@link ListSource#DEFAULT_LISTS}
 * @param forceBinary the list's kind when {@code ima.format} says it, else empty (told by the name)
 * @param tpm the TPM's sysfs directory, or empty when {@code ima.tpm=none}
 * @param failOnViolations {@code ima.violations=fail}
 */
record ScanSettings(Optional<Path> list, Optional<Boolean> forceBinary, Optional<Path> tpm, boolean failOnViolations) {

    static final String LIST = "ima.list";
    static final String FORMAT = "ima.format";
    static final String TPM = "ima.tpm";
    static final String VIOLATIONS = "ima.violations";

    /** Reads the parameters; throws {@link IllegalArgumentException} naming a bad one. */
    static ScanSettings of(ScanContext context) {
        Path root = context.hostRoot();
        var options = context.options();
        Optional<Path> list = Optional.ofNullable(options.parameters().get(LIST)).map(p -> underRoot(root, p));
        String format = options.parameter(FORMAT, "auto");
        Optional<Boolean> binary = switch (format) {
            case "auto" -> Optional.empty();
            case "binary" -> Optional.of(true);
            case "ascii" -> Optional.of(false);
            default -> throw new IllegalArgumentException(FORMAT + "=" + format + ": expected auto, binary or ascii");
        };
        String tpm = options.parameter(TPM, "sys/class/tpm/tpm0");
        String violations = options.parameter(VIOLATIONS, "ignore");
        if (!violations.equals("ignore") && !violations.equals("fail")) {
            throw new IllegalArgumentException(VIOLATIONS + "=" + violations + ": expected ignore or fail");
        }
        return new ScanSettings(list, binary, tpm.equals("none") ? Optional.empty() : Optional.of(underRoot(root, tpm)),
                violations.equals("fail"));
    }

    private static Path underRoot(Path root, String path) {
        return root.resolve(path.replaceFirst("^/+", ""));
    }
}
