package org.malau.face;

/** Structural checks on JPEG bytes that libjpeg itself only reports as warnings. */
final class JpegScan {
    private JpegScan() {
    }

    /** Offset of the first start-of-scan marker, or -1 if the file ends before any image data. */
    static int startOfScan(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            if (marker == 0xDA) {
                int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                // A scan header followed by at least some entropy-coded data.
                return i + 2 + len < b.length ? i : -1;
            }
            if (marker == 0xD9) {
                return -1;
            }
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        return -1;
    }

    /** Whether an end-of-image marker follows {@code from}; searched from the end since it is normally last. */
    static boolean hasEndMarker(byte[] b, int from) {
        for (int i = b.length - 2; i > from; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }
}
