package io.fileintegrity.provider.ima.log;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Layout constants and the length-prefixed template data the template hash is computed over. */
final class TemplateData {

    /** Highest PCR index of a TPM (24 PCRs). */
    static final int MAX_PCR = 23;

    private TemplateData() {
    }

    /** Each field as a little-endian u32 length followed by its bytes. */
    static byte[] join(List<byte[]> fields) {
        int size = 0;
        for (byte[] field : fields) {
            size += 4 + field.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (byte[] field : fields) {
            int length = field.length;
            out.write(length);
            out.write(length >>> 8);
            out.write(length >>> 16);
            out.write(length >>> 24);
            out.writeBytes(field);
        }
        return out.toByteArray();
    }
}
