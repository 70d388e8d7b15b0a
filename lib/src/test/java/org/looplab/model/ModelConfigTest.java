package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.provenance.Json;

class ModelConfigTest {

    @Test
    void everyPresetRoundTripsThroughJsonWithItsKind() {
        for (Preset p : Preset.values()) {
            String json = Json.write(p.config());
            assertTrue(json.contains("\"kind\""), json);
            assertEquals(p.config(), Json.read(json, ModelConfig.class, p.id()), p.id());
        }
    }

    @Test
    void unknownKeyIsNamedInTheError() {
        String json = Json.write(TrmConfig.TINY_MLP).replace("\"layers\"", "\"layerz\" : 3, \"layers\"");
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read(json, ModelConfig.class, "cfg.json"));
        assertTrue(e.getMessage().contains("layerz"), e.getMessage());
        assertTrue(e.getMessage().contains("cfg.json"), e.getMessage());
    }

    @Test
    void invalidValueNamesTheField() {
        String json = Json.write(TrmConfig.TINY_MLP).replace("\"latentSteps\" : 2", "\"latentSteps\" : 0");
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read(json, ModelConfig.class, "cfg.json"));
        assertTrue(e.getMessage().contains("latentSteps (n)"), e.getMessage());
        var h = assertThrows(IllegalArgumentException.class, () -> HrmConfig.PAPER.withCycles(0, 2));
        assertTrue(h.getMessage().contains("highCycles (N)"), h.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> TrmConfig.PAPER_MLP.withSize(100, 3));
        assertTrue(d.getMessage().startsWith("heads"), d.getMessage());
    }

    @Test
    void theAblationSwapsTheMixerAndNothingElse() {
        TrmConfig att = TrmConfig.SMALL_MLP.with(Mixer.ATTENTION);
        assertEquals(Mixer.ATTENTION, att.mixer());
        assertEquals(TrmConfig.SMALL_MLP, att.with(Mixer.MLP));
        // The paper pair differs in the mixer and in RoPE, which only attention reads.
        assertEquals(
                TrmConfig.PAPER_ATTENTION,
                TrmConfig.PAPER_MLP.with(Mixer.ATTENTION).with(PositionEncoding.ROPE));
    }

    @Test
    void computeDepthMatchesTrmTable1() {
        assertEquals(42, TrmConfig.PAPER_MLP.computeDepth()); // T(n+1)·layers = 3·7·2
        assertEquals(12, TrmConfig.PAPER_MLP.withRecursion(2, 2).computeDepth()); // "w/ T=2, n=2"
        assertEquals(24, HrmConfig.PAPER.computeDepth()); // 2·(2·4 + 4)
        assertEquals(8, DirectConfig.PAPER.computeDepth());
    }

    @Test
    void swigluInnerSizeFollowsTheReferenceRounding() {
        assertEquals(1536, SwiGlu.innerSize(512, 4)); // round(1365.3) = 1365 -> 1536
        assertEquals(512, SwiGlu.innerSize(97, 4)); // token mixer on Sudoku
        assertEquals(2560, SwiGlu.innerSize(916, 4)); // token mixer on 30×30
        assertEquals(512, SwiGlu.innerSize(128, 4));
    }

    @Test
    void presetsByNameAndProfile() {
        assertEquals(TrmConfig.PAPER_ATTENTION, Preset.of("trm-att-paper").config());
        var e = assertThrows(IllegalArgumentException.class, () -> Preset.of("trm-huge"));
        assertTrue(e.getMessage().contains("trm-huge") && e.getMessage().contains("hrm-paper"), e.getMessage());
        assertEquals(TrmConfig.TINY_MLP, TrmConfig.of(Profile.SMOKE));
        assertEquals(HrmConfig.PAPER, HrmConfig.of(Profile.GPU));
        assertEquals(TaskShape.sudoku9(), TaskShape.of("sudoku9"));
        assertEquals(new TaskShape(6, 16, 1), TaskShape.of("sudoku4"));
        assertThrows(IllegalArgumentException.class, () -> TaskShape.of("chess"));
    }
}
