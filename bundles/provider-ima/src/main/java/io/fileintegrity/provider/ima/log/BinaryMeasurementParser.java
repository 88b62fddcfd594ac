package io.fileintegrity.provider.ima.log;

import io.fileintegrity.provider.ima.template.TemplateFieldText;
import io.fileintegrity.provider.ima.template.TemplateFormat;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code binary_runtime_measurements}: per entry a u32 PCR, the template hash, a u32 name length,
 * the template name, then (for every template but {@code ima}) a u32 data length and the template data
 * made of u32-length-prefixed fields. Integers are in the kernel's native order: little-endian on
 * x86_64 and arm64, or always with {@code ima_canonical_fmt}.
 */
public final class BinaryMeasurementParser implements MeasurementReader {

    /** Longest template name accepted (format strings of custom templates included). */
    public static final int MAX_TEMPLATE_NAME = 255;
    /** Largest template data accepted; larger is an error, so memory stays bounded. */
    public static final int MAX_TEMPLATE_DATA = 1 << 20;

    private final BinaryListInput in;
    private final String source;
    private final int templateHashSize;
    private final EntryAssembler assembler;
    private long number;

    /**
     * @param in the list, positioned at the start of entry {@code firstNumber}
     * @param source the list's name for messages
     * @param templateHashSize 20 for the legacy list, the bank's digest size for a per-bank list
     * @param order the kernel's byte order
     * @param firstNumber number of the first entry read (1 at the start of the list)
     * @param startPosition the byte offset {@code in} starts at
     */
    public BinaryMeasurementParser(InputStream in, String source, int templateHashSize, ByteOrder order,
            long firstNumber, long startPosition) {
        this.in = new BinaryListInput(in, order, startPosition);
        this.source = source;
        this.templateHashSize = templateHashSize;
        this.assembler = new EntryAssembler(source);
        this.number = firstNumber - 1;
    }

    /** A parser for a legacy little-endian list from its start. */
    public BinaryMeasurementParser(InputStream in, String source) {
        this(in, source, 20, ByteOrder.LITTLE_ENDIAN, 1, 0);
    }

    @Override
    public ImaEntry next() throws MeasurementListException, IOException {
        if (in.atEnd()) {
            return null;
        }
        number++;
        try {
            return readEntry();
        } catch (EOFException e) {
            throw error("list truncated: " + e.getMessage());
        }
    }

    private ImaEntry readEntry() throws IOException, MeasurementListException {
        long pcr = in.u32("PCR index");
        if (pcr > TemplateData.MAX_PCR) {
            throw error("PCR index " + pcr + " out of range 0.." + TemplateData.MAX_PCR
                    + " (not a binary measurement list, or the wrong byte order)");
        }
        byte[] templateHash = in.bytes(templateHashSize, "template hash");
        long nameLength = in.u32("template name length");
        if (nameLength == 0 || nameLength > MAX_TEMPLATE_NAME) {
            throw error("template name length " + nameLength + " beyond the limit of 1.." + MAX_TEMPLATE_NAME);
        }
        String name = new String(in.bytes((int) nameLength, "template name"), StandardCharsets.ISO_8859_1);
        TemplateFormat format = TemplateFormat.named(name)
                .orElseThrow(() -> error("unknown template '" + TemplateFieldText.shorten(name) + "'"));
        if (format.isLegacy()) {
            byte[] digest = in.bytes(20, "ima digest");
            long length = in.u32("ima name length");
            if (length > EntryAssembler.LEGACY_NAME_MAX) {
                throw error("template ima name length " + length + " beyond the limit of "
                        + EntryAssembler.LEGACY_NAME_MAX);
            }
            byte[] eventName = in.bytes((int) length, "ima name");
            return assembler.assemble(number, (int) pcr, templateHash, format, List.of(digest, eventName), null);
        }
        long dataLength = in.u32("template data length");
        if (dataLength > MAX_TEMPLATE_DATA) {
            throw error("template data length " + dataLength + " beyond the limit of " + MAX_TEMPLATE_DATA);
        }
        byte[] data = in.bytes((int) dataLength, "template data");
        return assembler.assemble(number, (int) pcr, templateHash, format, splitFields(format, data), data);
    }

    private List<byte[]> splitFields(TemplateFormat format, byte[] data) throws MeasurementListException {
        List<byte[]> fields = new ArrayList<>(format.fields().size());
        int at = 0;
        for (var field : format.fields()) {
            if (data.length - at < 4) {
                throw error("template data ends before the length of field " + field.id());
            }
            long length = in.order() == ByteOrder.LITTLE_ENDIAN
                    ? (data[at] & 0xffL) | (data[at + 1] & 0xffL) << 8 | (data[at + 2] & 0xffL) << 16
                            | (data[at + 3] & 0xffL) << 24
                    : (data[at + 3] & 0xffL) | (data[at + 2] & 0xffL) << 8 | (data[at + 1] & 0xffL) << 16
                            | (data[at] & 0xffL) << 24;
            at += 4;
            if (length > data.length - at) {
                throw error("field " + field.id() + " length " + length + " beyond the template data ("
                        + (data.length - at) + " bytes left)");
            }
            fields.add(Arrays.copyOfRange(data, at, at + (int) length));
            at += (int) length;
        }
        if (at != data.length) {
            throw error((data.length - at) + " bytes after the last field of template " + format.name());
        }
        return fields;
    }

    private MeasurementListException error(String reason) {
        return new MeasurementListException(source, number, reason);
    }

    @Override
    public long position() {
        return in.position();
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
