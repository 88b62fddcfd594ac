package io.fileintegrity.provider.ima.template;

import io.fileintegrity.provider.ima.digest.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Converts a field's text form (as in {@code ascii_runtime_measurements}) back into the bytes the
 * kernel stored, so that the template data, and with it the template hash, can be rebuilt from a
 * text line. Exact for every field, since the kernel never writes a space inside one.
 */
public final class TemplateFieldText {

    private TemplateFieldText() {
    }

    /**
     * The stored bytes of a field.
     *
     * @param field the field kind
     * @param text the field's text, as raw bytes of the line
     * @param legacy whether the entry uses the legacy {@code ima} template (its name has no NUL)
     * @throws IllegalArgumentException naming the field and what is wrong with its text
     */
    public static byte[] toRaw(TemplateField field, byte[] text, boolean legacy) {
        String ascii = new String(text, StandardCharsets.ISO_8859_1);
        return switch (field.textForm()) {
            case PLAIN_DIGEST, HEX -> hex(field, ascii);
            case ALGORITHM_DIGEST -> algorithmDigest(field, ascii);
            case STRING -> legacy || text.length == 0 ? text : withNul(text);
            case NUMBER -> number(field, ascii);
        };
    }

    private static byte[] hex(TemplateField field, String text) {
        return Hex.decode(text).orElseThrow(
                () -> new IllegalArgumentException("field " + field.id() + " is not hex: '" + shorten(text) + "'"));
    }

    private static byte[] algorithmDigest(TemplateField field, String text) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        int colon = text.lastIndexOf(':');
        byte[] digest = hex(field, text.substring(colon + 1));
        if (colon < 0) {
            return digest;
        }
        if (colon == 0) {
            throw new IllegalArgumentException("field " + field.id() + " has an empty algorithm name");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(colon + 2 + digest.length);
        out.writeBytes(text.substring(0, colon).getBytes(StandardCharsets.ISO_8859_1));
        out.write(':');
        out.write(0);
        out.writeBytes(digest);
        return out.toByteArray();
    }

    private static byte[] withNul(byte[] text) {
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    /** {@code iuid}/{@code igid} are u32, {@code imode} u16, stored little-endian (x86, arm64). */
    private static byte[] number(TemplateField field, String text) {
        long value;
        try {
            value = text.matches("[0-9]{1,10}") ? Long.parseLong(text) : -1;
        } catch (NumberFormatException e) {
            value = -1;
        }
        int size = field == TemplateField.IMODE ? 2 : 4;
        if (value < 0 || value >= 1L << (8 * size)) {
            throw new IllegalArgumentException("field " + field.id() + " is not a " + (8 * size)
                    + "-bit number: '" + shorten(text) + "'");
        }
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** The text cut to 40 characters with anything unprintable shown as '?', for messages. */
    public static String shorten(String text) {
        String cut = text.length() <= 40 ? text : text.substring(0, 40) + "...";
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
