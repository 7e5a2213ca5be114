package org.malau.data.readers;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.malau.data.Expression;

/**
 * Settings for reading a data set. One class for every format so that a node with a format
 * drop-down can keep one set of settings; a setting that a format does not use is ignored by it
 * (each reader's javadoc lists the ones it reads). Immutable; build with {@link #builder()}.
 */
public final class ReaderOptions {
    private final int[] auCodes;
    private final String imagePattern;
    private final MissingImagePolicy missingImages;
    private final String partition;
    private final boolean keepNonExpressionLabels;
    private final boolean auIntensities;
    private final Map<Integer, Expression> expressionCodes;
    private final String pathColumn;
    private final String expressionColumn;
    private final String subjectColumn;

    private ReaderOptions(Builder b) {
        auCodes = b.auCodes == null ? null : b.auCodes.clone();
        imagePattern = b.imagePattern;
        missingImages = b.missingImages;
        partition = b.partition;
        keepNonExpressionLabels = b.keepNonExpressionLabels;
        auIntensities = b.auIntensities;
        expressionCodes = b.expressionCodes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.expressionCodes));
        pathColumn = b.pathColumn;
        expressionColumn = b.expressionColumn;
        subjectColumn = b.subjectColumn;
    }

    /** Every setting at its default: each format's own AU list and image layout, fail on a missing image. */
    public static ReaderOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** AU codes to read, in this order; null means the format's default list. */
    public int[] auCodes() {
        return auCodes == null ? null : auCodes.clone();
    }

    /** Image path template ({@link ImagePattern}); null means the format's default candidates. */
    public String imagePattern() {
        return imagePattern;
    }

    public MissingImagePolicy missingImages() {
        return missingImages;
    }

    /** Official partition to read (RAF-DB train/test, AffectNet training/validation, FER2013 Usage); null reads all. */
    public String partition() {
        return partition;
    }

    /** AffectNet: keep None/Uncertain/No-Face samples with an unknown expression instead of skipping them. */
    public boolean keepNonExpressionLabels() {
        return keepNonExpressionLabels;
    }

    /** Generic CSV: AU columns hold 0-5 intensities instead of 0/1 occurrence. */
    public boolean auIntensities() {
        return auIntensities;
    }

    /** Generic CSV: meaning of integer expression codes; null when the column holds names. */
    public Map<Integer, Expression> expressionCodes() {
        return expressionCodes;
    }

    /** Generic CSV column names; null means found by the usual names (see {@link GenericCsvReader}). */
    public String pathColumn() {
        return pathColumn;
    }

    public String expressionColumn() {
        return expressionColumn;
    }

    public String subjectColumn() {
        return subjectColumn;
    }

    @Override
    public String toString() {
        return "ReaderOptions[auCodes=" + Arrays.toString(auCodes) + ", imagePattern=" + imagePattern + ", missingImages="
            + missingImages + ", partition=" + partition + ", keepNonExpressionLabels=" + keepNonExpressionLabels
            + ", auIntensities=" + auIntensities + ", expressionCodes=" + expressionCodes + ", pathColumn=" + pathColumn
            + ", expressionColumn=" + expressionColumn + ", subjectColumn=" + subjectColumn + "]";
    }

    /** Collects settings; every one is optional. */
    public static final class Builder {
        private int[] auCodes;
        private String imagePattern;
        private MissingImagePolicy missingImages = MissingImagePolicy.FAIL;
        private String partition;
        private boolean keepNonExpressionLabels;
        private boolean auIntensities;
        private Map<Integer, Expression> expressionCodes;
        private String pathColumn;
        private String expressionColumn;
        private String subjectColumn;

        private Builder() {
        }

        public Builder auCodes(int... codes) {
            auCodes = codes == null ? null : codes.clone();
            return this;
        }

        public Builder imagePattern(String pattern) {
            imagePattern = blankToNull(pattern);
            return this;
        }

        public Builder missingImages(MissingImagePolicy policy) {
            missingImages = policy == null ? MissingImagePolicy.FAIL : policy;
            return this;
        }

        public Builder partition(String name) {
            partition = blankToNull(name);
            return this;
        }

        public Builder keepNonExpressionLabels(boolean keep) {
            keepNonExpressionLabels = keep;
            return this;
        }

        public Builder auIntensities(boolean intensities) {
            auIntensities = intensities;
            return this;
        }

        public Builder expressionCodes(Map<Integer, Expression> codes) {
            expressionCodes = codes;
            return this;
        }

        public Builder pathColumn(String name) {
            pathColumn = blankToNull(name);
            return this;
        }

        public Builder expressionColumn(String name) {
            expressionColumn = blankToNull(name);
            return this;
        }

        public Builder subjectColumn(String name) {
            subjectColumn = blankToNull(name);
            return this;
        }

        public ReaderOptions build() {
            return new ReaderOptions(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
