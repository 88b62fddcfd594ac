package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PCR values from a text file in one of these shapes (PCR 10, and PCR 0-9 for boot_aggregate):
 * <ul>
 *   <li>{@code tpm2_pcrread} output: a bank line {@code sha256:} followed by {@code 10: 0x<HEX>} lines;</li>
 *   <li>one value per line, {@code <bank>:10 <hex>} or {@code <bank> 10 <hex>};</li>
 *   <li>{@code <index> <HEX>} lines (the captures of make-ima-log.sh, {@code pcrs-<bank>.txt}): the bank
 *       comes from the file name or else from the value's length.</li>
 * </ul>
 * Blank lines and {@code #} comments are ignored.
 */
public final class PcrFileReader {

    private static final Pattern BANK_HEADER = Pattern.compile("\\s*([a-z0-9_-]+)\\s*:\\s*");
    private static final Pattern VALUE = Pattern.compile(
            "\\s*(?:([a-z][a-z0-9_-]*)\\s*[: ]\\s*)?(\\d{1,2})\\s*[: ]\\s*(?:0x)?([0-9A-Fa-f]+)\\s*");
    private static final Pattern FILE_BANK = Pattern.compile("pcrs?-([a-z0-9]+)(?:\\.txt)?");

    private PcrFileReader() {
    }

    /** Reads PCR 10 of every bank in the file. */
    public static PcrValues read(Path file) throws PcrReadException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PcrReadException(file + ": cannot read PCR values: " + e.getMessage());
        }
        Matcher named = FILE_BANK.matcher(file.getFileName().toString());
        Optional<HashAlgorithm> fileBank = named.matches() ? HashAlgorithm.byKernelName(named.group(1)) : Optional.empty();
        return parse(file.toString(), text, fileBank);
    }

    /** Parses PCR values; {@code defaultBank} applies to lines that name no bank. */
    public static PcrValues parse(String source, String text, Optional<HashAlgorithm> defaultBank)
            throws PcrReadException {
        Map<HashAlgorithm, Map<Integer, byte[]>> values = new LinkedHashMap<>();
        Optional<HashAlgorithm> section = defaultBank;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher header = BANK_HEADER.matcher(line);
            if (header.matches()) {
                section = Optional.of(bank(source, i + 1, header.group(1)));
                continue;
            }
            Matcher value = VALUE.matcher(line);
            if (!value.matches()) {
                throw new PcrReadException(source + ":" + (i + 1) + ": not a PCR value line: '" + shorten(line) + "'");
            }
            value(source, i + 1, value, section, values);
        }
        Map<HashAlgorithm, byte[]> pcr10 = new LinkedHashMap<>();
        Map<HashAlgorithm, List<byte[]>> boot = new LinkedHashMap<>();
        values.forEach((bank, pcrs) -> {
            if (pcrs.containsKey(PcrReplay.IMA_PCR)) {
                pcr10.put(bank, pcrs.get(PcrReplay.IMA_PCR));
            }
            boot.put(bank, bootPcrs(pcrs));
        });
        if (pcr10.isEmpty()) {
            throw new PcrReadException(source + ": no value for PCR 10");
        }
        return new PcrValues(source, pcr10, boot);
    }

    /** PCR 0, 1, ... as far as they are all present, up to 9. */
    static List<byte[]> bootPcrs(Map<Integer, byte[]> pcrs) {
        List<byte[]> boot = new ArrayList<>();
        for (int i = 0; i < 10 && pcrs.containsKey(i); i++) {
            boot.add(pcrs.get(i));
        }
        return boot;
    }

    /** Reads one value line into {@code values}. */
    private static void value(String source, int line, Matcher value, Optional<HashAlgorithm> section,
            Map<HashAlgorithm, Map<Integer, byte[]>> values) throws PcrReadException {
        String where = source + ":" + line + ": ";
        byte[] bytes = Hex.decode(value.group(3)).orElseThrow(() -> new PcrReadException(
                where + value.group(3).length() + " hex digits are not a whole number of bytes"));
        HashAlgorithm bank = value.group(1) != null ? bank(source, line, value.group(1))
                : section.or(() -> HashAlgorithm.forTemplateHashSize(bytes.length)).orElseThrow(
                        () -> new PcrReadException(where + "cannot tell the bank of a " + bytes.length + "-byte value"));
        if (bytes.length != bank.size()) {
            throw new PcrReadException(where + "a " + bank + " PCR has " + bank.size() + " bytes, this value has "
                    + bytes.length);
        }
        values.computeIfAbsent(bank, b -> new TreeMap<>()).put(Integer.parseInt(value.group(2)), bytes);
    }

    private static HashAlgorithm bank(String source, int line, String name) throws PcrReadException {
        Optional<HashAlgorithm> bank = HashAlgorithm.byKernelName(name.replace("_", ""))
                .filter(HashAlgorithm.PCR_BANKS::contains);
        if (bank.isEmpty()) {
            throw new PcrReadException(source + ":" + line + ": unknown PCR bank '" + shorten(name)
                    + "' (known: sha1, sha256, sha384, sha512)");
        }
        return bank.get();
    }

    private static String shorten(String text) {
        return io.fileintegrity.provider.ima.template.TemplateFieldText.shorten(text);
    }
}
