package org.malau.data.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Minimal PNG writer (8-bit RGB, one fixed filter, fixed zlib settings, no metadata chunks). Owning
 * the encoder makes the bytes a function of the pixels alone, which the determinism promise needs,
 * and it is several times faster than the general-purpose ImageIO writer.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /**
     * Huffman coding only: after the Sub filter, sensor noise leaves few repeats for LZ77 to find,
     * so skipping the match search is both faster and, on these images, smaller.
     */
    private static final int LEVEL = 1;
    /** PNG "Sub" filter: cheap and good on smooth synthetic images. */
    private static final int FILTER_SUB = 1;

    private PngEncoder() {
    }

    /** PNG bytes of an image, tuned for speed on noisy faces; only the RGB channels are written. */
    public static byte[] encode(BufferedImage img) {
        return encode(img, false);
    }

    /** PNG bytes with full LZ77 compression, for clean figures that are kept in a repository. */
    public static byte[] encodeCompact(BufferedImage img) {
        return encode(img, true);
    }

    private static byte[] encode(BufferedImage img, boolean compact) {
        int w = img.getWidth();
        int h = img.getHeight();
        // The renderer's images are packed RGB ints; reading them directly saves a copy per face.
        int[] rgb = img.getType() == BufferedImage.TYPE_INT_RGB && img.getRaster().getDataBuffer() instanceof DataBufferInt d
            && d.getNumBanks() == 1 && d.getData().length == w * h ? d.getData() : img.getRGB(0, 0, w, h, null, 0, w);
        byte[] raw = new byte[h * (1 + 3 * w)];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raw[o++] = FILTER_SUB;
            int pr = 0;
            int pg = 0;
            int pb = 0;
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x];
                int r = (p >> 16) & 255;
                int g = (p >> 8) & 255;
                int b = p & 255;
                raw[o++] = (byte) (r - pr);
                raw[o++] = (byte) (g - pg);
                raw[o++] = (byte) (b - pb);
                pr = r;
                pg = g;
                pb = b;
            }
        }
        Deflater deflater = new Deflater(compact ? Deflater.BEST_COMPRESSION : LEVEL);
        if (!compact) {
            deflater.setStrategy(Deflater.HUFFMAN_ONLY);
        }
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 2 + 64);
        byte[] buf = new byte[16384];
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            z.write(buf, 0, n);
        }
        deflater.end();
        byte[] idat = z.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.length + 64);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
