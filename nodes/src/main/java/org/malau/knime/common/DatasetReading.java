package org.malau.knime.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.malau.data.FaceRecord;
import org.malau.data.readers.DatasetFormat;
import org.malau.data.readers.DatasetFormatException;
import org.malau.data.readers.DatasetReaders;
import org.malau.data.readers.ReadReport;
import org.malau.data.readers.ReaderOptions;
import org.malau.data.readers.RecordStream;

/**
 * Reads a data set through the engine's readers with KNIME's cancel checks, and turns the engine's
 * exceptions into ones whose message alone tells the user what to fix (KNIME shows only the message).
 */
public final class DatasetReading {
    /** How often the reading phase updates its message; per record would flood the progress bar. */
    private static final int MESSAGE_EVERY = 500;

    private DatasetReading() {
    }

    /**
     * Records and the reader's report, complete because the stream was read to its end.
     *
     * @param records in the data set's order
     * @param report what was skipped and noted
     */
    public record Result(List<FaceRecord> records, ReadReport report) {
    }

    /**
     * Reads every record, checking for cancel after each one. Records hold paths or small pixel
     * arrays, so even FER2013's 36k faces fit in memory; reading first gives the row count that the
     * writing phase needs for its progress fraction.
     *
     * @throws InvalidSettingsException when an option does not fit the format (e.g. a partition it does not have)
     * @throws IOException when the data set cannot be read or does not have the expected layout; the
     *             message names the file and line
     */
    public static Result readAll(final DatasetFormat format, final Path location, final ReaderOptions options,
        final ExecutionMonitor exec) throws CanceledExecutionException, InvalidSettingsException, IOException {
        final List<FaceRecord> records = new ArrayList<>();
        try (RecordStream stream = DatasetReaders.open(format, location, options)) {
            while (stream.hasNext()) {
                records.add(stream.next());
                exec.checkCanceled();
                if (records.size() % MESSAGE_EVERY == 0) {
                    exec.setMessage("Read labels of " + records.size() + " faces");
                }
            }
            return new Result(records, stream.report());
        } catch (DatasetFormatException e) {
            throw new IOException(format.displayName() + " data set: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IOException("Cannot read the " + format.displayName() + " data set at " + location + ": "
                + e.getCause().getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(format.displayName() + ": " + e.getMessage(), e);
        }
    }

    /** The report's sentences plus the caller's own, one per line; null when there is nothing to say. */
    public static String warning(final ReadReport report, final List<String> more) {
        final List<String> lines = new ArrayList<>(report.warnings());
        lines.addAll(more);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
