package org.malau.model;

/**
 * A batch of face crops, channels first (N, C, H, W), row-major, as float pixels already
 * normalised for the network. Library-neutral so that a second backend can take the same data.
 *
 * @param count number of images N
 * @param channels 1 for grey, 3 for colour (R, G, B)
 * @param height pixel rows H
 * @param width pixel columns W
 * @param data N*C*H*W values
 */
public record ImageTensor(int count, int channels, int height, int width, float[] data) {
    public ImageTensor {
        if (count < 0 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("bad image tensor shape " + count + "x" + channels + "x" + height + "x" + width);
        }
        if (data.length != (long) count * channels * height * width) {
            throw new IllegalArgumentException("image tensor " + count + "x" + channels + "x" + height + "x" + width
                + " needs " + (long) count * channels * height * width + " values, got " + data.length);
        }
    }

    /** Values per image, C*H*W. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as a new tensor. */
    public ImageTensor slice(int from, int to) {
        int s = imageSize();
        float[] d = new float[(to - from) * s];
        System.arraycopy(data, from * s, d, 0, d.length);
        return new ImageTensor(to - from, channels, height, width, d);
    }

    /** This tensor's images followed by {@code other}'s. */
    public ImageTensor concat(ImageTensor other) {
        if (other.channels != channels || other.height != height || other.width != width) {
            throw new IllegalArgumentException("cannot concatenate images of different shapes");
        }
        float[] d = new float[data.length + other.data.length];
        System.arraycopy(data, 0, d, 0, data.length);
        System.arraycopy(other.data, 0, d, data.length, other.data.length);
        return new ImageTensor(count + other.count, channels, height, width, d);
    }
}
