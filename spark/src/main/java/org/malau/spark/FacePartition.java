package org.malau.spark;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;
import org.malau.face.AlignStatus;
import org.malau.face.AlignedFace;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.model.CropReader;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;
import org.malau.model.ModelHeader;
import org.malau.model.NetworkConfig;

/**
 * One partition of the job on an executor: input rows (one column, the image's path or URI) to output rows
 * ({@link FaceRows}). The executor reads each image itself, from any file system Hadoop reaches. Images are aligned one by one and their faces predicted
 * in batches; at most one batch of crops is held at a time, so a partition of any length fits in memory. No
 * image problem fails the task: it becomes a row with its status and message.
 */
final class FacePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Files above this are not read into memory (the engine's own limit for one image file). */
    private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private final JobSettings settings;
    private final Broadcast<byte[]> model;
    private final String modelDigest;
    private final String modelSource;
    private final SerializableConfiguration hadoop;
    /** Where relative paths of a table are resolved (the table's folder), or null. */
    private final String base;
    private final JobTimes times;

    FacePartition(JobSettings settings, Broadcast<byte[]> model, String modelDigest, String modelSource,
        SerializableConfiguration hadoop, String base, JobTimes times) {
        this.settings = settings;
        this.times = times;
        this.model = model;
        this.modelDigest = modelDigest;
        this.modelSource = modelSource;
        this.hadoop = hadoop;
        this.base = base;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        TaskContext task = TaskContext.get();
        JobTimes.Clock clock = times.start();
        int threads = settings.torchThreads() > 0 ? settings.torchThreads() : task == null ? 1 : Math.max(1, task.cpus());
        ExecutorModels.tuneThreads(threads);
        clock.lap(JobTimes.Phase.NATIVES);
        MalModel net = ExecutorModels.borrow(modelDigest, modelSource, model.value(), times);
        clock.lap(JobTimes.Phase.MODEL);
        FaceAligner aligner = null;
        if (settings.alignAndPredict()) {
            aligner = ExecutorPool.borrow(settings, () -> {
                times.alignerMade();
                // Its own landmark network: the JVM's shared one serialises its calls, so the task slots would take turns.
                FaceAligner a = new FaceAligner(settings.alignOptions(), true);
                // A bad detector model fails the task here, on every executor alike, naming the file.
                a.prepareDetector();
                if (a.warning() != null) {
                    System.err.println("malau-spark: warning: " + a.warning());
                }
                return a;
            });
        }
        clock.lap(JobTimes.Phase.ALIGNER);
        FaceAligner borrowed = aligner;
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> {
                ExecutorModels.giveBack(modelDigest, net);
                if (borrowed != null) {
                    ExecutorPool.giveBack(settings, borrowed);
                }
            });
        }
        return new Output(input, net, aligner, clock);
    }

    /** The output rows, made a batch at a time as Spark asks for them. */
    private final class Output implements Iterator<Row> {
        private final Iterator<Row> input;
        private final MalModel net;
        private final FaceAligner aligner;
        private final FaceRows rows;
        private final NetworkConfig network;
        private final List<String> classes;
        private final Deque<Row> ready = new ArrayDeque<>();
        private final JobTimes.Clock clock;

        Output(Iterator<Row> input, MalModel net, FaceAligner aligner, JobTimes.Clock clock) {
            this.input = input;
            this.clock = clock;
            this.net = net;
            this.aligner = aligner;
            ModelHeader h = net.header();
            this.rows = new FaceRows(h);
            this.network = h.network();
            this.classes = h.expressionClasses();
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && input.hasNext()) {
                nextBatch();
            }
            if (ready.isEmpty()) {
                clock.finish();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        /** An output row to be: a finished status row, or a face waiting for its prediction. */
        private record Pending(Row done, String source, AlignedFace face, String status, String message) {
        }

        private void nextBatch() {
            // The time since the last batch was the Parquet writer's, consuming the rows.
            clock.skip();
            List<Pending> pending = new ArrayList<>();
            List<float[]> crops = new ArrayList<>();
            while (input.hasNext() && crops.size() < settings.batch()) {
                Row r = input.next();
                String source = r.getString(0);
                clock.lap(JobTimes.Phase.INPUT);
                byte[] bytes;
                try {
                    bytes = read(source);
                } catch (IOException e) {
                    pending.add(new Pending(rows.status(source, AlignStatus.UNREADABLE.name(), e.getMessage()), null, null, null, null));
                    continue;
                } finally {
                    clock.lap(JobTimes.Phase.READ);
                }
                if (aligner != null) {
                    ImageAlignment a = align(bytes, source);
                    clock.lap(JobTimes.Phase.ALIGN);
                    if (a.faces().isEmpty()) {
                        pending.add(new Pending(rows.status(source, a.status().name(), a.message()), null, null, null, null));
                    }
                    for (AlignedFace f : a.faces()) {
                        pending.add(new Pending(null, source, f, f.status().name(), a.message()));
                        crops.add(CropReader.fromImage(image(f), network.inputSize(), network.channels()));
                    }
                    clock.lap(JobTimes.Phase.CROP);
                } else {
                    try {
                        // As ./mal predict reads a crop file: the engine's own PNGs on the fast path, others by ImageIO.
                        crops.add(CropReader.read(bytes, source, network.inputSize(), network.channels()));
                        pending.add(new Pending(null, source, null, "OK", null));
                    } catch (IOException | RuntimeException e) {
                        pending.add(new Pending(rows.status(source, AlignStatus.UNREADABLE.name(), e.getMessage()), null, null, null,
                            null));
                    }
                    clock.lap(JobTimes.Phase.DECODE);
                }
            }
            List<FacePrediction> p = crops.isEmpty() ? List.of() : net.predict(crops, settings.batch());
            clock.lap(JobTimes.Phase.PREDICT);
            int k = 0;
            for (Pending q : pending) {
                ready.add(q.done != null ? q.done : rows.face(q.source, q.face, q.status, q.message, p.get(k++), classes));
            }
            clock.lap(JobTimes.Phase.ROWS);
        }

        /** The detector route on one image; like {@code ./mal align}, nothing an image does escapes as an exception. */
        private ImageAlignment align(byte[] bytes, String source) {
            try {
                return aligner.align(bytes, source);
            } catch (RuntimeException e) {
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                return new ImageAlignment(source, AlignStatus.UNREADABLE, source + ": " + why, 0, 0, List.of());
            }
        }
    }

    /**
     * The crop as the image that {@code ./mal predict} decodes from the PNG {@code ./mal align} writes: the same
     * bytes in the same layout (OpenCV's BGR interleaving is Java's TYPE_3BYTE_BGR), so that the network sees
     * exactly the same pixels without the PNG round trip.
     */
    static BufferedImage image(AlignedFace f) {
        BufferedImage img = new BufferedImage(f.size(), f.size(),
            f.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(f.pixels(), 0, data, 0, data.length);
        return img;
    }

    /** The bytes of an image path (relative ones below the table's folder), any file system Hadoop reads. */
    private byte[] read(String source) throws IOException {
        Path p = resolve(source, base);
        try {
            FileSystem fs = p.getFileSystem(hadoop.value());
            if (fs instanceof LocalFileSystem local) {
                // Local files without Hadoop's checksum layer, which looks for a .crc file beside each image (there is
                // none) and reads through its checker in small chunks: a fifth of a task's CPU time on small crops.
                fs = local.getRaw();
            }
            FileStatus st = fs.getFileStatus(p);
            if (st.isDirectory()) {
                throw new IOException(source + ": is a folder, not an image file");
            }
            if (st.getLen() == 0) {
                throw new IOException(source + ": empty file (0 bytes)");
            }
            if (st.getLen() > MAX_FILE_BYTES) {
                throw new IOException(source + ": file too large (" + st.getLen() + " bytes)");
            }
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (FileNotFoundException e) {
            throw new IOException(source + ": no such file (" + p + ")", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new IOException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** {@code source} as a path: absolute paths and URIs as they are, others below {@code base}. */
    static Path resolve(String source, String base) {
        Path p = new Path(source);
        if (base == null || p.isAbsolute() || p.toUri().getScheme() != null) {
            return p;
        }
        return new Path(new Path(base), source);
    }
}
