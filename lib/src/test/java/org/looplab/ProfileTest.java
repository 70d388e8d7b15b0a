package org.looplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void unsetMeansCpu() {
        assertEquals(Profile.CPU, Profile.fromEnv(Map.of()));
        assertEquals(Profile.CPU, Profile.fromEnv(Map.of(Profile.ENV, " ")));
    }

    @Test
    void parsesAnyCase() {
        assertEquals(Profile.SMOKE, Profile.fromEnv(Map.of(Profile.ENV, "smoke")));
        assertEquals(Profile.GPU, Profile.fromEnv(Map.of(Profile.ENV, "GPU")));
        assertEquals("cpu", Profile.CPU.id());
    }

    @Test
    void unknownProfileNamesTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("laptop"));
        assertTrue(e.getMessage().contains("'laptop'"), e.getMessage());
        assertTrue(e.getMessage().contains(Profile.ENV), e.getMessage());
    }
}
