package org.malau.data.readers;

import java.util.List;
import java.util.Set;

/** Turns the image pattern option into the candidate list an {@link ImageLocator} tries. */
final class ImagePatterns {
    private ImagePatterns() {
    }

    /** The user's pattern alone when set (so a wrong setting fails loudly), else the format's defaults. */
    static List<ImagePattern> of(String userPattern, List<String> defaults, Set<String> placeholders) {
        if (userPattern != null) {
            return List.of(ImagePattern.of(userPattern, placeholders));
        }
        return defaults.stream().map(d -> ImagePattern.of(d, placeholders)).toList();
    }
}
