package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one statistics home, on values small enough to work out by hand. */
class StatisticsTest {

    @Test
    void meanSampleSdAndMedian() {
        double[] v = {0.5, 0.7, 0.9};
        assertEquals(0.7, Statistics.mean(v), 1e-12);
        assertEquals(0.2, Statistics.sd(v), 1e-12); // deviations ±0.2, 0: sqrt(0.08 / 2)
        assertEquals(0, Statistics.sd(new double[] {0.4}), "one value: no spread to estimate");
        assertTrue(Double.isNaN(Statistics.mean(new double[0])));
        assertEquals(0.7, Statistics.median(new double[] {0.9, 0.5, 0.7}), 1e-12);
        assertEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}), 1e-12, "even count: mean of the middle two");
        assertEquals(3.5, Statistics.medianOfSorted(new int[] {1, 3, 4, 9}), 1e-12);
    }

    @Test
    void welchTFromSummaries() {
        // 0.7 ± 0.2 vs 0.1 ± 0, 3 each: se = 0.2 / √3 = 0.11547, t = 0.6 / 0.11547 = 5.196
        assertEquals(5.196, Statistics.welchT(0.7, 0.2, 3, 0.1, 0, 3), 1e-3);
        assertEquals(Double.NEGATIVE_INFINITY, Statistics.welchT(0, 0, 3, 0.2, 0, 3), "no spread, a gap");
        assertEquals(0, Statistics.welchT(0.3, 0, 3, 0.3, 0, 3), "no spread, no gap");
    }

    @Test
    void aSampleIsItsMeanSdAndSeedCount() {
        Sample s = Sample.of(java.util.List.of(0.8, 0.9, 1.0));
        assertEquals(new Sample(0.9, 0.1, 3).describe(), s.describe());
        assertEquals(3, s.seeds());
        assertEquals("no runs yet", Sample.of(java.util.List.of()).describe(), "a queued arm prints no NaN");
    }
}
