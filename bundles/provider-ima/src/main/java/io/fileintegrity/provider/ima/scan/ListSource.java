package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.AsciiMeasurementParser;
import io.fileintegrity.provider.ima.log.BinaryMeasurementParser;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measurement list file and how to read it: binary or text, the template-hash width (20 bytes, or
 * the bank's size for the per-bank lists {@code *_runtime_measurements_<bank>} of newer kernels).
 *
 * @param file the list
 * @param name the list's name in messages and findings (the path as the host sees it)
 * @param binary whether it is the binary list
 * @param templateHashSize bytes of each template hash in a binary list
 */
public record ListSource(Path file, String name, boolean binary, int templateHashSize) {

    /** Where the lists are, relative to the host root, in the order they are tried (binary first). */
    public static final List<String> DEFAULT_LISTS = List.of(
            "sys/kernel/security/ima/binary_runtime_measurements",
            "sys/kernel/security/integrity/ima/binary_runtime_measurements",
            "sys/kernel/security/ima/ascii_runtime_measurements",
            "sys/kernel/security/integrity/ima/ascii_runtime_measurements");

    private static final Pattern PER_BANK = Pattern.compile(".*_runtime_measurements_([a-z0-9]+)");

    /** A list file, its kind told by its name ({@code binary} in it means binary, unless forced). */
    public static ListSource of(Path file, Optional<Boolean> forceBinary) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        boolean binary = forceBinary.orElse(name.contains("binary"));
        Matcher bank = PER_BANK.matcher(name);
        int size = bank.matches() ? HashAlgorithm.byKernelName(bank.group(1)).map(HashAlgorithm::size).orElse(20) : 20;
        return new ListSource(file, file.toString(), binary, size);
    }

    /** This list under another name. */
    public ListSource named(String value) {
        return new ListSource(file, value, binary, templateHashSize);
    }

    /** The first default list that exists under the host root. */
    public static Optional<ListSource> find(Path hostRoot) {
        return DEFAULT_LISTS.stream().map(hostRoot::resolve).filter(Files::isRegularFile).findFirst()
                .map(f -> of(f, Optional.empty()));
    }

    /** A reader over the stream, which starts at entry {@code firstNumber} and byte {@code position}. */
    public MeasurementReader reader(InputStream in, long firstNumber, long position) {
        return binary
                ? new BinaryMeasurementParser(in, name, templateHashSize, ByteOrder.LITTLE_ENDIAN, firstNumber, position)
                : new AsciiMeasurementParser(in, name, firstNumber, position);
    }

    /** Opens the list and reads it from its start. */
    public MeasurementReader open() throws IOException {
        return reader(Files.newInputStream(file), 1, 0);
    }
}
