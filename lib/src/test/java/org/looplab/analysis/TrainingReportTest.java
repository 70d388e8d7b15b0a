package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingReportTest {

    @Test
    void accuracyColumnsHoldPercentagesToTwoDecimals() {
        // 2,993 of 3,000 puzzles: 99.7666…% is shown as 99.77 under a "(%)" header, not 0.9976666666666667
        assertEquals(99.77, TrainingReport.percent(2993 / 3000.0));
        assertEquals(100.0, TrainingReport.percent(1.0));
        assertEquals(0.0, TrainingReport.percent(0.0));
        assertEquals(92.8, TrainingReport.percent(0.928030303030303));
    }
}
