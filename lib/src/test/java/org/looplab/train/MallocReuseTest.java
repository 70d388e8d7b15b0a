package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MallocReuseTest {
    @Test
    void glibcAcceptsTheSettingsOnceAndForAll() {
        Assumptions.assumeTrue(Platform.isLinux(), "glibc's mallopt: Linux only");
        Assumptions.assumeTrue(System.getProperty("looplab.malloc") == null, "turned off for this run");
        boolean first = MallocReuse.apply();
        assertTrue(first, "mallopt refused the mmap or trim threshold");
        assertEquals(first, MallocReuse.apply(), "a second call gives the first result");
    }
}
