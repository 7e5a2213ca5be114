package org.malau.data.readers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.malau.data.FaceRecord;

/**
 * Records of one data set, read lazily so that a set of 100k frames needs memory for one label
 * file at a time, not for all records. Close it (try-with-resources) to release open files when
 * stopping early. Iteration throws {@link DatasetFormatException} for bad input and
 * {@link UncheckedIOException} when a file cannot be read.
 */
public abstract class RecordStream implements Iterator<FaceRecord>, AutoCloseable {
    private final ReadReport report = new ReadReport();
    private FaceRecord next;
    private boolean done;

    RecordStream() {
    }

    /** The next record, or null at the end. Skips are recorded in {@link #report()}. */
    abstract FaceRecord computeNext() throws IOException;

    /** Releases open files; called by {@link #close()} and at the end. */
    abstract void release() throws IOException;

    /** Skips and notes so far; complete once {@link #hasNext()} returned false. */
    public final ReadReport report() {
        return report;
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = computeNext();
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
            if (next == null) {
                done = true;
                closeQuietly();
            } else {
                report.recordYielded();
            }
        }
        return next != null;
    }

    @Override
    public final FaceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FaceRecord r = next;
        next = null;
        return r;
    }

    /** Reads all remaining records; only for sets that fit in memory. */
    public final List<FaceRecord> toList() {
        List<FaceRecord> out = new ArrayList<>();
        forEachRemaining(out::add);
        return out;
    }

    /** The remaining records as a sequential stream that closes this when closed. */
    public final Stream<FaceRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
            .onClose(this::closeQuietly);
    }

    @Override
    public final void close() {
        done = true;
        next = null;
        try {
            release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a failure the position in the data is unknown, so nothing more is yielded. */
    private void stop() {
        done = true;
        next = null;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            release();
        } catch (IOException | RuntimeException e) {
            // the original failure matters more than a failed close of a read-only file
        }
    }
}
