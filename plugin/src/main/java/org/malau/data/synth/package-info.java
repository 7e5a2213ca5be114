/**
 * Procedurally rendered, FACS-labelled synthetic faces, so the extension brings its own AU data
 * (no data set with human AU labels may be redistributed).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * SynthGenerator gen = new SynthGenerator(SynthConfig.builder().seed(1).build());
 * SynthFace f = gen.face(SynthSet.AU, 0);          // in memory: f.image(), f.record(), f.landmarks()
 * List<FaceRecord> all = gen.write(dir, 0, null);  // dir/au/*.png, dir/au.csv, dir/fe/*.png, dir/fe.csv
 * List<FaceRecord> back = SynthCsv.read(dir.resolve("au.csv"));
 * }</pre>
 * Every face is a pure function of (seed, set, index): the output is byte-identical for any
 * thread count. Subjects' appearance ({@link org.malau.data.synth.Identity}) depends only on
 * (seed, subject id); the AU set uses subjects {@code s0001..sN}, the FE set the next M ids.
 *
 * <h2>Appearance</h2>
 * 18 AUs ({@link org.malau.data.synth.SynthAus}) move landmarks and draw furrows as FACS describes
 * them, linearly in intensity: AU1 inner brow up with central forehead wrinkles, AU2 outer brow up
 * with lateral wrinkles, AU4 brows down and together with vertical glabella furrows, AU5 upper lid
 * up, AU6 lower lid and cheek up with crow's feet and infraorbital furrow, AU7 lids tightened
 * with a lower-lid bulge, AU9 nose wrinkles and raised, flared wings, AU10 upper lip up with a
 * deeper nasolabial fold, AU12 lip corners up and out, AU14 dimples, AU15 corners down, AU16
 * lower lip down, AU17 chin boss up with an arched lip line and chin texture, AU20 lips stretched,
 * AU23 lips thinned and narrowed with a sharp margin, AU24 lips pressed with bulges, AU25 lips
 * parted, AU26 jaw dropped. Expressions come from FACS prototypes with random intensities and
 * random missing and extra AUs ({@link org.malau.data.synth.ExpressionSampler}). Occurrence is
 * intensity &gt;= 2, as in BP4D and DISFA.
 *
 * <h2>Landmarks: 68 points, iBUG 300-W order, 0-based</h2>
 * <pre>
 *  0-16  jaw line from the subject's right (image left) over the chin (8) to the left
 * 17-21  subject's right brow, outer to inner      22-26  left brow, inner to outer
 * 27-30  nose bridge, top to tip (30 = nose tip)   31-35  nostril base, image left to right
 * 36-41  subject's right eye (image left): 36 outer corner, 37-38 upper lid, 39 inner corner, 40-41 lower lid
 * 42-47  left eye: 42 inner corner, 43-44 upper lid, 45 outer corner, 46-47 lower lid
 * 48-59  outer lip: 48 right mouth corner (image left), 49-53 upper lip, 54 left corner, 55-59 lower lip
 * 60-67  inner lip: 60 right inner corner, 61-63 upper, 64 left inner corner, 65-67 lower
 * </pre>
 * Coordinates are pixels of the written image after roll, scale and translation: origin at the
 * top-left corner, pixel (c, r) covers [c, c+1) x [r, r+1). Eye centres (CSV columns
 * {@code eye_imgleft_*}, {@code eye_imgright_*}) are the mean of the six points of each eye and lie on
 * the pupil. Samples whose image shows no face have no landmarks. The CSV layout is documented in
 * {@link org.malau.data.synth.SynthCsv}.
 */
package org.malau.data.synth;
