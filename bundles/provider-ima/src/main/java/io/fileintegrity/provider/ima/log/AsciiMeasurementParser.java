package io.fileintegrity.provider.ima.log;

import io.fileintegrity.provider.ima.digest.Hex;
import io.fileintegrity.provider.ima.template.TemplateFieldText;
import io.fileintegrity.provider.ima.template.TemplateFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code ascii_runtime_measurements}: {@code <pcr> <template-hash> <template> <field>...}, one
 * line per entry, one space before each field even when it is empty. The template data is rebuilt
 * from the fields (little-endian lengths, as x86 and arm64 kernels hash them).
 */
public final class AsciiMeasurementParser implements MeasurementReader {

    /** Longest line accepted; longer ones are an error, so memory stays bounded. */
    public static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final String source;
    private final EntryAssembler assembler;
    private long number;
    private long position;

    /**
     * @param in the list, positioned at the start of entry {@code firstNumber}
     * @param source the list's name for messages
     * @param firstNumber the number of the first entry to read (1 at the start of the list)
     * @param startPosition the byte offset {@code in} starts at
     */
    public AsciiMeasurementParser(InputStream in, String source, long firstNumber, long startPosition) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.source = source;
        this.assembler = new EntryAssembler(source);
        this.number = firstNumber - 1;
        this.position = startPosition;
    }

    public AsciiMeasurementParser(InputStream in, String source) {
        this(in, source, 1, 0);
    }

    @Override
    public ImaEntry next() throws MeasurementListException, IOException {
        byte[] line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.length == 0);
        number++;
        return parse(line);
    }

    /** The next line without its newline, or null at the end; blank lines are returned empty. */
    private byte[] readLine() throws IOException, MeasurementListException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (line.size() == MAX_LINE) {
                throw new MeasurementListException(source, number + 1, "line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
            b = in.read();
        }
        position += line.size() + (b == '\n' ? 1 : 0);
        return line.toByteArray();
    }

    private ImaEntry parse(byte[] line) throws MeasurementListException {
        int start = 0;
        while (start < line.length && line[start] == ' ') {
            start++; // the PCR is printed with %2d
        }
        List<byte[]> tokens = split(line, start);
        if (tokens.size() < 3) {
            throw error("expected '<pcr> <template-hash> <template> <fields>', found "
                    + tokens.size() + " words");
        }
        int pcr = pcr(ascii(tokens.get(0)));
        byte[] templateHash = templateHash(ascii(tokens.get(1)));
        String templateName = ascii(tokens.get(2));
        TemplateFormat format = TemplateFormat.named(templateName)
                .orElseThrow(() -> error("unknown template '" + TemplateFieldText.shorten(templateName) + "'"));
        List<byte[]> texts = tokens.subList(3, tokens.size());
        if (texts.size() != format.fields().size()) {
            throw error("template " + format.name() + " has " + format.fields().size() + " fields, the line has "
                    + texts.size());
        }
        List<byte[]> raw = new ArrayList<>(texts.size());
        try {
            for (int i = 0; i < texts.size(); i++) {
                raw.add(TemplateFieldText.toRaw(format.fields().get(i), texts.get(i), format.isLegacy()));
            }
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        return assembler.assemble(number, pcr, templateHash, format, raw, TemplateData.join(raw));
    }

    private static List<byte[]> split(byte[] line, int start) {
        List<byte[]> tokens = new ArrayList<>();
        int from = start;
        for (int i = start; i <= line.length; i++) {
            if (i == line.length || line[i] == ' ') {
                tokens.add(Arrays.copyOfRange(line, from, i));
                from = i + 1;
            }
        }
        return tokens;
    }

    private int pcr(String text) throws MeasurementListException {
        if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) > TemplateData.MAX_PCR) {
            throw error("PCR index '" + TemplateFieldText.shorten(text) + "' is not a number 0.."
                    + TemplateData.MAX_PCR);
        }
        return Integer.parseInt(text);
    }

    private byte[] templateHash(String text) throws MeasurementListException {
        Optional<byte[]> hash = Hex.decode(text);
        if (hash.isEmpty()) {
            throw error("template hash '" + TemplateFieldText.shorten(text) + "' is not hex");
        }
        int size = hash.get().length;
        if (size != 20 && size != 32 && size != 48 && size != 64) {
            throw error("template hash has " + text.length() + " hex digits, expected 40, 64, 96 or 128");
        }
        return hash.get();
    }

    private static String ascii(byte[] token) {
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    private MeasurementListException error(String reason) {
        return new MeasurementListException(source, number, reason);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
