package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecursionDepthTest {

    @Test
    void parsesNCommaTAndQuotesWhatItCannotRead() {
        assertEquals(new RecursionDepth(2, 3), RecursionDepth.parse(" 2, 3 "));
        for (String bad : new String[] {"2", "2,3,4", "two,3", "0,1", "1,-1"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> RecursionDepth.parse(bad));
            assertTrue(e.getMessage().contains(bad) || e.getMessage().contains(">= 1"), e.getMessage());
        }
        TrmConfig deep = new RecursionDepth(1, 1).applyTo(TrmConfig.TINY_MLP);
        assertEquals(new RecursionDepth(1, 1), RecursionDepth.of(deep));
        assertEquals(TrmConfig.TINY_MLP.hiddenSize(), deep.hiddenSize(), "only n and T change");
    }
}
