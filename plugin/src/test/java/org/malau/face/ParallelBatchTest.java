package org.malau.face;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_core;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.testing.SharedData;

class ParallelBatchTest {

    @Test
    void parallelRunGivesTheSequentialResultsInInputOrder(@TempDir Path tmp) throws IOException, InterruptedException {
        List<BatchItem> items = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.data("faces"))) {
            s.filter(ImageList::isImageName).sorted().forEach(p -> items.add(BatchItem.detect(p)));
        }
        items.add(3, BatchItem.detect(Files.write(tmp.resolve("empty.jpg"), new byte[0])));
        items.add(BatchItem.detect(tmp.resolve("missing.png")));
        AlignOptions options = AlignOptions.defaults().withSelection(FaceSelection.ALL);
        int openCvThreads = opencv_core.getNumThreads();

        List<ImageAlignment> sequential = new ArrayList<>();
        BatchResult one = ParallelBatch.run(options, items, 1, sequential::add);
        List<ImageAlignment> parallel = new ArrayList<>();
        BatchResult two = ParallelBatch.run(options, items, 2, parallel::add);

        assertEquals(openCvThreads, opencv_core.getNumThreads(), "OpenCV thread count restored");
        assertEquals(one.counts(), two.counts());
        assertEquals(items.size(), parallel.size());
        for (int i = 0; i < items.size(); i++) {
            ImageAlignment a = sequential.get(i);
            ImageAlignment b = parallel.get(i);
            assertEquals(items.get(i).image().toString(), b.source());
            assertEquals(a.status(), b.status(), a.source());
            assertEquals(a.faces().size(), b.faces().size(), a.source());
            for (int k = 0; k < a.faces().size(); k++) {
                SimilarityTransformTest.assertClose(a.faces().get(k).eyes().left(), b.faces().get(k).eyes().left(), 1e-9);
            }
        }
    }
}
