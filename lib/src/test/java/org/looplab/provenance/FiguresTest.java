package org.looplab.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void accuraciesReadAsPercentagesWithOneDecimal() {
        assertEquals("99.8%", Figures.percent(0.9976666666666667)); // notebook 03's example
        assertEquals("92.8%", Figures.percent(0.928030303030303));
        assertEquals("100.0%", Figures.percent(1.0));
        assertEquals("0.0%", Figures.percent(0.0));
        assertEquals("50.0%", Figures.percent(0.5));
    }

    @Test
    void nearlyAllOrNothingNeverRoundsToAllOrNothing() {
        // 2,999 of 3,000 right is not 100%, and 1 of 3,000 is not 0%
        assertEquals("99.97%", Figures.percent(2999 / 3000.0));
        assertEquals("0.03%", Figures.percent(1 / 3000.0));
        assertEquals("99.999%", Figures.percent(99_999 / 100_000.0));
    }

    @Test
    void missingValuesSaySo() {
        assertEquals("n/a", Figures.percent(Double.NaN));
    }

    @Test
    void otherValuesKeepFourSignificantDigits() {
        assertEquals("0.006693", Figures.significant(0.006692850962281227, 4));
        assertEquals("42.3", Figures.significant(42.29827880859375, 4));
        assertEquals("2037", Figures.significant(2037.0, 4));
        assertEquals("1.42", Figures.significant(1.4199999999999999, 4));
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertEquals("2,037", Figures.count(2037));
        assertEquals("512", Figures.count(512));
    }

    @Test
    void aHeldOutMeasurementReadsAsPercentagesNotAMap() {
        var h = new RunResults.HeldOut(
                2037, 500, 0.9976666666666667, 1.0, new RunResults.Adaptive(0.5, 0.928030303030303, 1.4166666));
        assertEquals(
                "exact 99.8%, cell 100.0% at step 2,037 on 500 puzzles; adaptive at 0.5: exact 92.8%, 1.42 steps on average",
                h.describe());
        assertEquals(
                "exact 50.0%, cell 75.0% at step 30", new RunResults.HeldOut(30, null, 0.5, 0.75, null).describe());
    }
}
