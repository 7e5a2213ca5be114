package org.malau.demo;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.malau.experiment.ExperimentConfig;
import org.malau.eval.WeightSummary;
import org.malau.model.FacePrediction;
import org.malau.train.Strategy;

/**
 * The demo report as one self-contained HTML page: figures and faces are embedded as PNG data URIs
 * and nothing is loaded from elsewhere, so the file can be mailed or archived alone. A small script
 * counts images the browser could not decode and says so at the top of the page (and in
 * {@code data-images-broken} on the body, which the rendering test reads).
 */
public final class ReportHtml {
    /** Faces shown in the grid of held-out faces. */
    static final int GRID_FACES = 18;
    private static final int FACE_SCALE = 2;

    private ReportHtml() {
    }

    /** The page for {@code r}. */
    public static String of(DemoResults r) {
        StringBuilder h = new StringBuilder(1 << 20);
        ExperimentConfig c = r.settings().experiment();
        List<String> names = r.strategies().stream().map(StrategyResult::strategy).toList();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>MAL demo report, seed ").append(r.settings().seed()).append("</title>\n")
            .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>MAL demo: action units learned with expression data</h1>\n");
        h.append("<p class=\"lead\">").append(esc(String.join(", ", names))).append(" trained on the same ")
            .append(r.auTrainFaces()).append(" AU-labelled faces (").append(c.auTrainSubjects()).append(" subjects) and ")
            .append(r.feFaces()).append(" expression-labelled faces (").append(c.feSubjects()).append(" subjects, ")
            .append(pct(r.feCorrupted() / (double) Math.max(1, r.feFaces()))).append(" corrupted on purpose) with seed ")
            .append(r.settings().seed()).append(", ").append(budget(c)).append(", then scored on ")
            .append(r.testFaces().size()).append(" faces of ").append(c.auTestSubjects()).append(" held-out subjects.</p>\n");
        summary(h, r);
        for (StrategyResult s : r.strategies()) {
            if (s.weightSentence() != null) {
                h.append("<p class=\"lead\">").append(esc(s.weightSentence())).append("</p>\n");
            }
        }
        h.append("<p class=\"note\">One seed: differences of a few F1 points between strategies can be chance. The comparison")
            .append(" the method is judged by runs the same setting over five seeds (<code>bench/run PaperClaimBench</code>,")
            .append(" results in <code>bench/RESULTS.md</code>).</p>\n");

        h.append("<h2>1. Action unit detection</h2>\n");
        h.append("<p>F1 of each AU on the held-out subjects, with per-AU thresholds tuned on the meta split (subjects held out from")
            .append(" the AU training set); <i>mean</i> is the average over the AUs. Missing bars: the AU has no positive in the")
            .append(" test faces and none was predicted. Black lines: the F1 of calling every AU present on every face, the floor")
            .append(" a detector has to beat.</p>\n");
        img(h, ReportFigures.auF1(r), "Per-AU F1 of " + String.join(", ", names));

        h.append("<h2>2. Expression-sample weights</h2>\n");
        h.append("<p>Of the expression-labelled training faces, ").append(pct(c.feLabelNoise())).append(" carry a wrong expression")
            .append(" label (<i>label noise</i>) and ").append(pct(c.feUnrelated())).append(" show no usable face (<i>unrelated</i>:")
            .append(" heavy occlusion, extreme blur or no face); together the <i>corrupted</i> samples. A strategy that learns")
            .append(" per-sample weights should give them less weight than the clean ones. AUC: the chance that a random clean")
            .append(" sample weighs more than a random corrupted one (1 = perfect separation, 0.5 = none). Each sample's weight")
            .append(" is the one it was trained with: its mean over the epochs in which it was drawn.</p>\n");
        for (StrategyResult s : r.strategies()) {
            if (s.weights().isEmpty()) {
                h.append("<p class=\"muted\"><b>").append(esc(s.strategy())).append("</b> trains without expression samples:")
                    .append(" no weights.</p>\n");
            } else if (!s.weights().varies(WeightSummary.Weight.USED)) {
                h.append("<p class=\"muted\"><b>").append(esc(s.strategy())).append("</b> gives every expression sample the same")
                    .append(" weight (").append(num(s.weights().samples().get(0).used()))
                    .append("), so its AUC is 0.5 by construction.</p>\n");
            } else {
                h.append("<h3>").append(esc(s.strategy())).append("</h3>\n");
                img(h, ReportFigures.weights(s), "Expression-sample weights of " + s.strategy());
            }
        }

        h.append("<h2>3. Training</h2>\n");
        h.append("<p>Per epoch (one pass over the AU training faces): the mean AU loss of the training batches, and the")
            .append(" AU F1 and expression accuracy on the meta split. Each model keeps the parameters of its epoch with the")
            .append(" best meta-split F1.</p>\n");
        img(h, ReportFigures.trainingCurves(r), "Training curves");

        faces(h, r);
        settings(h, r);
        h.append("<script>\n").append(IMAGE_CHECK).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, DemoResults r) {
        double best = r.strategies().stream().mapToDouble(StrategyResult::averageF1).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        h.append("<table class=\"summary\">\n<tr><th>strategy</th><th>mean AU F1</th><th>expression accuracy</th>")
            .append("<th>weight AUC<br><span class=\"muted\">clean vs corrupted</span></th><th>training time</th></tr>\n");
        for (StrategyResult s : r.strategies()) {
            boolean top = s.averageF1() == best;
            h.append("<tr><td><span class=\"swatch\" style=\"background:").append(hex(ReportFigures.colour(s.strategy())))
                .append("\"></span>").append(esc(s.strategy())).append("</td><td").append(top ? " class=\"best\"" : "").append(">")
                .append(num(s.averageF1())).append("</td><td>").append(num(s.feAccuracy())).append("</td><td>")
                .append(num(s.weightAuc())).append("</td><td>").append(duration(s.trainSeconds())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append("<p>For reference, calling every AU present on every held-out face gives a mean AU F1 of ")
            .append(num(r.everyAuPresentAverageF1())).append(".</p>\n");
        h.append("<p class=\"muted\">Expression accuracy: on the held-out faces, whose expression labels are clean; chance is")
            .append(" about 1/").append(Math.max(1, r.expressionClasses().size())).append(". A dash: not defined (au-only has no")
            .append(" expression task).</p>\n");
    }

    private static void faces(StringBuilder h, DemoResults r) {
        StrategyResult shown = r.strategy(Strategy.MAL.id());
        if (shown == null) {
            shown = r.strategies().stream().max(Comparator.comparingDouble(s -> Double.isNaN(s.averageF1()) ? -1 : s.averageF1()))
                .orElseThrow();
        }
        h.append("<h2>4. Held-out faces and the AUs ").append(esc(shown.strategy())).append(" predicts</h2>\n");
        h.append("<p>Aligned crops as the network sees them (eyes on fixed positions). <span class=\"hit\">AU</span> predicted")
            .append(" and present, <span class=\"miss\">AU</span> present but missed, <span class=\"false\">AU</span> predicted")
            .append(" but absent. Below: the expression drawn and the one predicted.</p>\n<div class=\"faces\">\n");
        int n = r.testFaces().size();
        Set<Integer> picked = new LinkedHashSet<>();
        for (int k = 0; k < Math.min(GRID_FACES, n); k++) {
            picked.add(GRID_FACES >= n ? k : (int) Math.round(k * (n - 1) / (double) (GRID_FACES - 1)));
        }
        for (int i : picked) {
            DemoResults.TestFace f = r.testFaces().get(i);
            FacePrediction p = shown.testPredictions().get(i);
            h.append("<figure>");
            img(h, ReportFigures.face(f, FACE_SCALE), "held-out face " + f.id());
            h.append("<figcaption><div class=\"aus\">");
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < r.auCodes().length; j++) {
                boolean truth = f.au() != null && f.au()[j] == 1;
                boolean predicted = p.auPresent()[j] == 1;
                if (truth || predicted) {
                    String cls = truth && predicted ? "hit" : truth ? "miss" : "false";
                    parts.add("<span class=\"" + cls + "\">" + r.auCodes()[j] + "</span>");
                }
            }
            h.append(parts.isEmpty() ? "<span class=\"muted\">no AU</span>" : String.join(" ", parts)).append("</div>");
            String truthX = f.expression() == null ? "?" : f.expression().label();
            String predX = shown.hasExpressionTask() ? r.expressionClasses().get(p.expression()) : null;
            h.append("<div class=\"expr\">").append(esc(truthX));
            if (predX != null) {
                h.append(" &rarr; <span class=\"").append(predX.equals(truthX) ? "hit" : "false").append("\">").append(esc(predX))
                    .append("</span>");
            }
            h.append("</div><div class=\"id\">").append(esc(f.id())).append("</div></figcaption></figure>\n");
        }
        h.append("</div>\n");
    }

    /** How long each strategy trained, in words. */
    static String budget(ExperimentConfig c) {
        return c.earlyStopping()
            ? "each trained until its meta-split AU F1 had not improved for " + c.patience() + " epochs (at most "
                + c.maxIterations() + " iterations), keeping its best epoch"
            : c.maxIterations() + " iterations each";
    }

    private static void settings(StringBuilder h, DemoResults r) {
        ExperimentConfig c = r.settings().experiment();
        h.append("<h2>5. Settings</h2>\n<table class=\"settings\">\n");
        row(h, "seed (data and training)", Long.toString(r.settings().seed()));
        row(h, "profile", r.settings().profile());
        row(h, "strategies", String.join(", ", c.strategies()));
        row(h, "training budget", budget(c));
        for (StrategyResult s : r.strategies()) {
            row(h, "iterations run, " + s.strategy(), s.trainingSettings().getOrDefault("iterations", "?") + " (best epoch "
                + s.trainingSettings().getOrDefault("bestEpoch", "?") + ")");
        }
        row(h, "AU training set", c.auTrainSubjects() + " subjects, " + r.auTrainFaces() + " faces (the meta split is taken from them)");
        row(h, "AU test set", c.auTestSubjects() + " held-out subjects, " + r.testFaces().size() + " faces");
        row(h, "expression set", c.feSubjects() + " subjects, " + r.feFaces() + " faces: label noise " + pct(c.feLabelNoise())
            + ", unrelated " + pct(c.feUnrelated()) + " (" + r.feCorrupted() + " corrupted)");
        row(h, "faces per subject", Integer.toString(c.perSubject()));
        row(h, "alignment", "landmark route: the faces' known eye centres onto the template, " + c.cropSize() + "x" + c.cropSize()
            + " grey");
        row(h, "data time", duration(r.dataSeconds()));
        row(h, "training time", duration(r.trainSeconds()));
        row(h, "reproduce", "<code>./mal demo" + ("quick".equals(r.settings().profile()) ? " --quick" : "") + " --seed "
            + r.settings().seed() + " --strategies " + String.join(",", c.strategies()) + "</code>", true);
        h.append("</table>\n");
        // Training settings as the model files record them, one column per strategy.
        Set<String> keys = new LinkedHashSet<>();
        r.strategies().forEach(s -> keys.addAll(s.trainingSettings().keySet()));
        h.append("<details><summary>Training settings per strategy (as recorded in each model)</summary>\n")
            .append("<table class=\"settings\">\n<tr><th></th>");
        r.strategies().forEach(s -> h.append("<th>").append(esc(s.strategy())).append("</th>"));
        h.append("</tr>\n");
        for (String k : keys) {
            h.append("<tr><td>").append(esc(k)).append("</td>");
            for (StrategyResult s : r.strategies()) {
                Object v = s.trainingSettings().get(k);
                h.append("<td>").append(v == null ? "" : esc(String.valueOf(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</details>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        row(h, name, esc(value), true);
    }

    private static void row(StringBuilder h, String name, String html, boolean escaped) {
        h.append("<tr><td>").append(esc(name)).append("</td><td>").append(html).append("</td></tr>\n");
    }

    private static void img(StringBuilder h, ReportFigures.Figure f, String alt) {
        h.append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png())).append("\" width=\"")
            .append(f.width()).append("\" height=\"").append(f.height()).append("\" alt=\"").append(esc(alt)).append("\">\n");
    }

    /** Text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    private static String hex(java.awt.Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
    }

    private static final String STYLE = String.join("\n",
        "body { font-family: system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif; max-width: 1140px;",
        "  margin: 24px auto; padding: 0 16px; color: #212121; line-height: 1.45; }",
        "h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }",
        "h3 { margin-bottom: 0.2em; }",
        "img { max-width: 100%; height: auto; display: block; }",
        ".lead { font-size: 1.05em; } .note { background: #fff8e1; padding: 8px 12px; border-left: 4px solid #f9a825; }",
        ".muted { color: #757575; } .warn { background: #ffebee; color: #b71c1c; padding: 8px; font-weight: bold; }",
        "table { border-collapse: collapse; } td, th { padding: 4px 12px; border-bottom: 1px solid #e0e0e0; text-align: left; }",
        "table.summary { font-size: 1.1em; margin: 12px 0; } table.summary td:not(:first-child) { text-align: right;",
        "  font-variant-numeric: tabular-nums; } .best { font-weight: bold; }",
        ".swatch { display: inline-block; width: 12px; height: 12px; margin-right: 8px; }",
        "table.settings td:first-child { color: #616161; }",
        ".faces { display: grid; grid-template-columns: repeat(auto-fill, minmax(112px, 1fr)); gap: 12px; }",
        "figure { margin: 0; } figure img { width: 96px; height: 96px; image-rendering: auto; }",
        "figcaption { font-size: 0.8em; } .aus span { font-weight: bold; } .id { color: #9e9e9e; font-size: 0.85em; }",
        ".hit { color: #2e7d32; } .miss { color: #9e9e9e; text-decoration: line-through; } .false { color: #c62828; }",
        "code { background: #f5f5f5; padding: 1px 4px; }",
        "");

    private static final String IMAGE_CHECK = String.join("\n",
        "window.addEventListener('load', function () {",
        "  var images = document.images, broken = 0;",
        "  for (var i = 0; i < images.length; i++) {",
        "    if (!images[i].complete || images[i].naturalWidth === 0) { broken++; }",
        "  }",
        "  document.body.setAttribute('data-images', String(images.length));",
        "  document.body.setAttribute('data-images-broken', String(broken));",
        "  if (broken > 0) {",
        "    var p = document.createElement('p');",
        "    p.className = 'warn';",
        "    p.textContent = broken + ' of ' + images.length + ' images of this report could not be shown.';",
        "    document.body.insertBefore(p, document.body.firstChild);",
        "  }",
        "});",
        "");
}
