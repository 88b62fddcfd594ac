package io.fileintegrity.provider.ostree.gvariant;

/** Alignment and framing-offset arithmetic shared by the decoder and the encoder. */
final class GVariantLayout {

    private GVariantLayout() {}

    static int align(int offset, int alignment) {
        return (offset + alignment - 1) & -alignment;
    }

    /** Width of each framing offset in a container of the given total size (GVariant spec). */
    static int offsetWidth(long containerSize) {
        if (containerSize == 0) {
            return 0;
        } else if (containerSize <= 0xFFL) {
            return 1;
        } else if (containerSize <= 0xFFFFL) {
            return 2;
        } else if (containerSize <= 0xFFFFFFFFL) {
            return 4;
        }
        return 8;
    }

    /** The smallest width that lets {@code bodySize} plus {@code count} offsets be addressed. */
    static int widthForBody(int bodySize, int count) {
        if (count == 0) {
            return 0;
        }
        for (int width : new int[] {1, 2, 4}) {
            long total = (long) bodySize + (long) count * width;
            if (total <= (1L << (8 * width)) - 1) {
                return width;
            }
        }
        return 8;
    }
}
