package org.malau.data.synth;

import java.util.SplittableRandom;

import org.malau.data.Corruption;
import org.malau.data.Expression;

/**
 * Every random choice of one sample, drawn from the sample's own stream (seed, set, index), so a
 * sample is the same whichever thread renders it and whatever else is rendered.
 *
 * @param set the set
 * @param index index within the set
 * @param subjectNumber subject number (AU subjects first, then FE subjects)
 * @param expression the expression actually rendered
 * @param label the expression label written (differs from {@code expression} under label noise)
 * @param corruption label-quality ground truth
 * @param unrelated how an unrelated sample destroys the face
 * @param intensities integer AU intensity labels 0-5 in {@link SynthAus} order
 * @param render intensities actually drawn (labels plus within-grade variation)
 * @param pose face placement
 * @param nuisance recording conditions
 */
record SampleSpec(SynthSet set, int index, int subjectNumber, Expression expression, Expression label,
    Corruption corruption, Unrelated unrelated, int[] intensities, float[] render, Pose pose, Nuisance nuisance) {

    static SampleSpec draw(SynthConfig c, SynthSet set, int index) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(c.seed(), Seeds.SAMPLE, set.ordinal(), index));
        int subject = 1 + index / c.perSubject() + (set == SynthSet.FE ? c.auSubjects() : 0);
        Expression[] classes = Expression.BASIC7;
        Expression e = classes[r.nextInt(classes.length)];
        int[] labels = ExpressionSampler.sample(e, r);
        float[] render = ExpressionSampler.renderIntensities(labels, r);
        Pose pose = new Pose(u(r, -15f, 15f), u(r, 0.82f, 1.05f), u(r, -10f, 10f), u(r, -10f, 10f));
        // Indoor scenes are rarely saturated: blend a random colour halfway towards grey.
        int background = Identity.lerp(r.nextInt(0x1000000), 0x808080, 0.5f);
        int clutter = r.nextInt(7);
        long clutterSeed = r.nextLong();
        float angle = u(r, 0f, (float) (2 * Math.PI));
        float light = u(r, 0f, 0.35f);
        float blur = r.nextBoolean() ? 0f : u(r, 0.3f, 1.2f);
        float noise = u(r, 0f, 6f);
        Nuisance nuisance = new Nuisance(background, clutter, clutterSeed, angle, light, blur, noise, r.nextLong());
        if (!c.nuisance()) {
            pose = Pose.CENTRED;
            nuisance = Nuisance.NONE;
        }
        Corruption corruption = Corruption.NONE;
        Unrelated unrelated = Unrelated.NONE;
        Expression label = e;
        if (set == SynthSet.FE) {
            double u = r.nextDouble();
            if (u < c.feUnrelated()) {
                corruption = Corruption.UNRELATED;
                unrelated = Unrelated.values()[1 + r.nextInt(Unrelated.values().length - 1)];
                // Nothing in the image supports any class, so the label is arbitrary.
                label = classes[r.nextInt(classes.length)];
            } else if (u < c.feUnrelated() + c.feLabelNoise()) {
                corruption = Corruption.LABEL_NOISE;
                int k = r.nextInt(classes.length - 1);
                label = classes[k >= e.ordinal() ? k + 1 : k];
            }
        }
        return new SampleSpec(set, index, subject, e, label, corruption, unrelated, labels, render, pose, nuisance);
    }

    private static float u(SplittableRandom r, float lo, float hi) {
        return lo + (float) r.nextDouble() * (hi - lo);
    }
}
