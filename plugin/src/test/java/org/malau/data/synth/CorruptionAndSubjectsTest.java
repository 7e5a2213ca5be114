package org.malau.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.malau.data.Corruption;
import org.malau.data.Expression;

/** Corruption rates, subject-disjoint sets, fixed identities and the AU-expression correlation. */
class CorruptionAndSubjectsTest {
    private static final double NOISE = 0.15;
    private static final double UNRELATED = 0.08;

    private final SynthConfig config = SynthConfig.builder().seed(21).auSubjects(30).feSubjects(100).perSubject(40)
        .feLabelNoise(NOISE).feUnrelated(UNRELATED).build();

    @Test
    void corruptionRatesWithinBinomialTolerance() {
        int n = config.faces(SynthSet.FE);
        int noise = 0;
        int unrelated = 0;
        int[] kinds = new int[Unrelated.values().length];
        for (int i = 0; i < n; i++) {
            SampleSpec s = SampleSpec.draw(config, SynthSet.FE, i);
            if (s.corruption() == Corruption.LABEL_NOISE) {
                noise++;
                assertNotEquals(s.expression(), s.label(), "label noise must change the label");
            } else if (s.corruption() == Corruption.UNRELATED) {
                unrelated++;
                assertNotEquals(Unrelated.NONE, s.unrelated());
                kinds[s.unrelated().ordinal()]++;
            } else {
                assertEquals(Corruption.NONE, s.corruption());
                assertEquals(s.expression(), s.label());
                assertEquals(Unrelated.NONE, s.unrelated());
            }
        }
        assertWithin(noise, n, NOISE, "label_noise");
        assertWithin(unrelated, n, UNRELATED, "unrelated");
        for (Unrelated u : List.of(Unrelated.OCCLUSION, Unrelated.EXTREME_BLUR, Unrelated.NO_FACE)) {
            assertTrue(kinds[u.ordinal()] > 0, "no unrelated sample of kind " + u);
        }
        for (int i = 0; i < config.faces(SynthSet.AU); i++) {
            assertEquals(Corruption.NONE, SampleSpec.draw(config, SynthSet.AU, i).corruption(), "the AU set is clean");
        }
    }

    /** Four standard deviations of the binomial count: fails by chance about once in 16,000 runs of a new seed. */
    private static void assertWithin(int count, int n, double p, String what) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(count - n * p) <= 4 * sd, what + ": " + count + " of " + n + ", expected " + n * p + " +- " + 4 * sd);
    }

    @Test
    void setsHaveDisjointSubjectsAndFacesNameTheirSubject() {
        SynthGenerator g = new SynthGenerator(config);
        Set<String> au = new HashSet<>(g.subjects(SynthSet.AU));
        Set<String> fe = new HashSet<>(g.subjects(SynthSet.FE));
        assertEquals(config.auSubjects(), au.size());
        assertEquals(config.feSubjects(), fe.size());
        assertTrue(au.stream().noneMatch(fe::contains), "AU and FE subjects overlap");
        for (SynthSet set : SynthSet.values()) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < g.size(set); i++) {
                String subject = SynthGenerator.subjectId(SampleSpec.draw(config, set, i).subjectNumber());
                assertTrue((set == SynthSet.AU ? au : fe).contains(subject), subject + " is not a subject of " + set);
                seen.add(subject);
            }
            assertEquals(set == SynthSet.AU ? au : fe, seen, "every subject contributes faces");
        }
    }

    @Test
    void identityIsFixedPerSubjectAndDiffersBetweenSubjectsAndSeeds() {
        Identity a = Identity.of(21, "s0001");
        assertEquals(a, Identity.of(21, "s0001"));
        assertNotEquals(a, Identity.of(21, "s0002"));
        assertNotEquals(a, Identity.of(22, "s0001"));
        SynthGenerator g = new SynthGenerator(config);
        assertEquals(g.identity("s0003"), Identity.of(config.seed(), "s0003"));
        SynthFace f1 = g.face(SynthSet.AU, 2 * config.perSubject());
        SynthFace f2 = g.face(SynthSet.AU, 2 * config.perSubject() + 1);
        assertEquals("s0003", f1.subject());
        assertEquals(f1.subject(), f2.subject());
    }

    @Test
    void facesOfOneSubjectLookLikeOnePerson() {
        // Without nuisance only the expression varies, so hair, skin and clothes must repeat exactly.
        SynthConfig clean = SynthConfig.builder().seed(21).auSubjects(3).feSubjects(0).perSubject(4).nuisance(false).build();
        SynthGenerator g = new SynthGenerator(clean);
        double same = sharedPixels(g.face(SynthSet.AU, 0), g.face(SynthSet.AU, 3));
        double other = Math.max(sharedPixels(g.face(SynthSet.AU, 0), g.face(SynthSet.AU, 4)),
            sharedPixels(g.face(SynthSet.AU, 0), g.face(SynthSet.AU, 8)));
        assertTrue(same > 0.8, "faces of one subject share only " + same + " of their pixels");
        assertTrue(other < 0.6, "faces of different subjects share " + other + " of their pixels");
    }

    private static double sharedPixels(SynthFace a, SynthFace b) {
        int n = a.image().getWidth();
        int equal = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                equal += a.image().getRGB(x, y) == b.image().getRGB(x, y) ? 1 : 0;
            }
        }
        return equal / (double) (n * n);
    }

    @Test
    void auLabelsCorrelateWithButAreNotDeterminedByTheExpression() {
        int happy = 0;
        int happyWith12 = 0;
        int other = 0;
        int otherWith12 = 0;
        for (int i = 0; i < config.faces(SynthSet.AU); i++) {
            SampleSpec s = SampleSpec.draw(config, SynthSet.AU, i);
            boolean au12 = s.intensities()[SynthAus.index(12)] >= 2;
            if (s.expression() == Expression.HAPPINESS) {
                happy++;
                happyWith12 += au12 ? 1 : 0;
            } else {
                other++;
                otherWith12 += au12 ? 1 : 0;
            }
        }
        double pHappy = happyWith12 / (double) happy;
        double pOther = otherWith12 / (double) other;
        assertTrue(pHappy > 0.6 && pHappy < 0.98, "P(AU12 | happiness) = " + pHappy);
        assertTrue(pOther > 0.0 && pOther < 0.1, "P(AU12 | other expressions) = " + pOther);
    }

    @Test
    void auSetHasAuLabelsAndFeSetHasNone() {
        SynthGenerator g = new SynthGenerator(SynthConfig.builder().seed(2).auSubjects(1).feSubjects(1).perSubject(2).size(48)
            .build());
        SynthFace au = g.face(SynthSet.AU, 1);
        assertNotNull(au.au());
        assertEquals(SynthAus.COUNT, au.au().size());
        assertNotNull(au.expression());
        assertNull(g.face(SynthSet.FE, 1).au());
    }
}
