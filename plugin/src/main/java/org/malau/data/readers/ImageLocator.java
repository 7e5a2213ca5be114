package org.malau.data.readers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds each sample's image from one or more {@link ImagePattern}s and applies the
 * {@link MissingImagePolicy}. With several candidate patterns (a reader's defaults, when the user set
 * none) the first that matches an existing file is kept for the rest of that group (a BP4D sequence,
 * a DISFA subject), so that a release's padding is detected once, not guessed per frame; the
 * matching pattern is noted in the report so the choice is visible.
 */
final class ImageLocator {
    private final Path root;
    private final List<ImagePattern> candidates;
    private final MissingImagePolicy policy;
    private final ReadReport report;
    private final Map<String, ImagePattern> chosen = new HashMap<>();

    ImageLocator(Path root, List<ImagePattern> candidates, MissingImagePolicy policy, ReadReport report) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no image pattern");
        }
        this.root = root;
        this.candidates = List.copyOf(candidates);
        this.policy = policy;
        this.report = report;
    }

    /**
     * @param group samples that share one folder layout, e.g. {@code F001/T1}
     * @param labelFile and {@code line}: where the sample is labelled, for the error message
     * @return the image path, or null when it does not exist and the policy is {@link MissingImagePolicy#SKIP}
     * @throws DatasetFormatException when it does not exist and the policy is {@link MissingImagePolicy#FAIL}
     */
    Path locate(String group, Map<String, ?> values, Path labelFile, int line) {
        ImagePattern known = chosen.get(group);
        if (known != null || candidates.size() == 1) {
            Path p = resolve(known != null ? known : candidates.get(0), values);
            return Files.isRegularFile(p) ? p : missing(p, labelFile, line, "");
        }
        for (ImagePattern candidate : candidates) {
            Path p = resolve(candidate, values);
            if (Files.isRegularFile(p)) {
                chosen.put(group, candidate);
                report.note("images found with pattern " + candidate);
                return p;
            }
        }
        String tried = candidates.stream().map(c -> resolve(c, values).toString()).collect(Collectors.joining(", "));
        return missing(resolve(candidates.get(0), values), labelFile, line, " (also tried " + tried + ")");
    }

    private Path resolve(ImagePattern pattern, Map<String, ?> values) {
        return root.resolve(pattern.expand(values)).normalize();
    }

    private Path missing(Path image, Path labelFile, int line, String tried) {
        if (policy == MissingImagePolicy.FAIL) {
            throw DatasetFormatException.atLine(labelFile, line, "image not found: " + image + tried
                + "; set the image path pattern to where the images are, or choose to skip missing images");
        }
        report.missingImage(image);
        return null;
    }
}
