package nl.trede.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement of two model sets, on hand-counted cases. */
class ShadowAgreementTest {

    @Test
    void kendallsTauCountsConcordantAndDiscordantPairs() {
        assertEquals(1.0, ShadowAgreement.kendallTau(List.of("A", "B", "C"), List.of("A", "B", "C")));
        assertEquals(-1.0, ShadowAgreement.kendallTau(List.of("A", "B", "C"), List.of("C", "B", "A")));
        // A B C D against B A C D: one of six pairs swapped, (5 - 1) / 6.
        assertEquals(4 / 6.0, ShadowAgreement.kendallTau(List.of("A", "B", "C", "D"), List.of("B", "A", "C", "D")), 1e-12);
        // Only the options both rank count: B and C, in the same order.
        assertEquals(1.0, ShadowAgreement.kendallTau(List.of("A", "B", "C"), List.of("D", "B", "C")));
        assertTrue(Double.isNaN(ShadowAgreement.kendallTau(List.of("A", "B"), List.of("A", "C"))));
    }

    @Test
    void theSummaryTablesCategoriesAndAveragesTheAdvice() {
        ShadowAgreement agreement = new ShadowAgreement();
        agreement.add(new ShadowAgreement.Pair(1, 1, 0.50, 0.55, List.of(
                new ShadowAgreement.Rankings(12, List.of("A", "B", "C"), List.of("A", "B", "C")))));
        agreement.add(new ShadowAgreement.Pair(2, 1, 0.30, 0.45, List.of(
                new ShadowAgreement.Rankings(12, List.of("A", "B", "C"), List.of("B", "A", "C")))));
        agreement.add(new ShadowAgreement.Pair(4, 3, 0.05, 0.10, List.of(
                new ShadowAgreement.Rankings(12, List.of("A", "B", "C"), List.of("C", "B", "A")))));
        ShadowAgreement.Summary summary = agreement.summary();
        assertEquals(3, summary.clients());
        assertEquals(1 / 3.0, summary.categoryAgreement(), 1e-12);
        assertArrayEquals(new long[] {1, 0, 0, 0}, summary.table()[0]);
        assertArrayEquals(new long[] {1, 0, 0, 0}, summary.table()[1]);
        assertArrayEquals(new long[] {0, 0, 0, 0}, summary.table()[2]);
        assertArrayEquals(new long[] {0, 0, 1, 0}, summary.table()[3]);
        assertEquals((0.05 + 0.15 + 0.05) / 3, summary.meanProbabilityDifference(), 1e-12);
        ShadowAgreement.HorizonAgreement at12 = summary.advice().get(0);
        assertEquals(12, at12.horizonMonths());
        assertEquals(3, at12.compared());
        assertEquals(1 / 3.0, at12.topAgreement(), 1e-12);
        // taus 1, 1/3 and -1
        assertEquals((1 + 1 / 3.0 - 1) / 3, at12.meanKendallTau(), 1e-12);
    }

    @Test
    void withoutClientsNothingIsAShare() {
        ShadowAgreement.Summary summary = new ShadowAgreement().summary();
        assertEquals(0, summary.clients());
        assertTrue(Double.isNaN(summary.categoryAgreement()));
        assertTrue(summary.advice().isEmpty());
    }
}
