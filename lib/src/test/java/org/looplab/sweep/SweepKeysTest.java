package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.provenance.ContentHash;

/**
 * A sweep's cache keys must never change for a committed spec: a finished cell is found by its key, and a changed key
 * retrains it (hours) or orphans its result. The keys hash the resolved model and training configs, so this also
 * pins the catalogue's recipes and model sizes per task. The data set's hash is fixed here (a real one needs the set
 * built); the expected values were computed by the code of commit d5b4b71, before the recipes were rewritten by name.
 * claim-depth, claim-halting and claim-mixer were resized from measured step times on 2026-11-29, before any cell of
 * their earlier versions had run; their values were pinned again then. claim-halting grew by three cells later (see
 * below). A changed value here means a spec or a recipe
 * changed: say so in the commit, never just paste the new value.
 */
class SweepKeysTest {
    private static final Path EXPERIMENTS = Path.of("../experiments"); // tests run in lib/
    private static final String DATA = "0".repeat(64);

    private static List<String> keys(String spec) {
        SweepSpec s = SweepSpec.read(EXPERIMENTS.resolve(spec));
        List<String> out = new ArrayList<>();
        for (SweepCell c : s.cells()) out.add(c.hash(s.profile().id(), DATA));
        return out;
    }

    private static String digest(List<String> keys) {
        return ContentHash.of(String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFewKeysReadably() {
        List<String> ablation = keys("ablation-cpu.json");
        assertEquals("3da82fc794a1e8779e7affc6f6d5d7f48c3bc2076f5161f554750f68aa56ae86", ablation.get(0)); // sudoku4
        assertEquals("0dea5272a9bf48ab57ba2e1e036c24a83c87e9cc75f99422d71e48b6368eef2c", ablation.get(11)); // sudoku6
        assertEquals("226b08effd744358b701a6af029b29a04ce33cc77730bdbd809180082bc6ec4f", ablation.get(12)); // maze11
        List<String> halting = keys("claim-halting.json");
        assertEquals(
                "7bead3c14a686ffcabd00493022a252e7aef1e9f0f79af6da649d0d11a9b6a2a", halting.get(0)); // sudoku6 n1T1
    }

    @Test
    void everyKeyOfEveryCommittedSpec() {
        String[][] expected = {
            {"ablation-cpu.json", "39", "99f4fa9f1732c534c5d78dc04b8fd1327b10467789752c9f73d60ee990e03bf7"},
            {"ablation-gpu.json", "54", "b389c96c1efc243f1a761a068c7f057ab4b432b0c0bd65761bb14fbc7e8714f4"},
            {"ablation-smoke.json", "8", "e894806626c75bb14b2485763d1566d005e841018bed841b67be3026854d8891"},
            {"claim-depth.json", "12", "71ef02a5d58652678e40077f6bb86b0f2b94a36bc87be32d547ee80f6c1145c7"},
            {"claim-depth-steps.json", "9", "d287434af945c385b0e830481589b7a4d88d4ba94d45244c68f6b1d253d65ca2"},
            {"claim-halting.json", "9", "73bfc379015986b6186dc6ead71f3b0502f702b6e1cc7215a45ee2e286a8a69c"},
            {"claim-mixer.json", "18", "4fe4490fc04dd74176f39053e662c0a6404a88fdadebdb4a5ad2982f5122a8f2"},
            {"claim-unroll-ema.json", "15", "b6cb9f9eab480fc177c3343b0588017a7a8fe76b3a1dc23c0da4088418f1ae3f"},
            {"pilot-attention-recipe.json", "6", "24c60b8f06f694777ac786b7f1d0f1f4060833e18a976a14a9dc7d3e5d8ad0a0"},
            {"pilot-attention-heads.json", "9", "55e25cf3a3e7e9fdcddc7f08a4aad9ee016b4513b4bdfcb9df072ad874a2134c"},
            {"pilot-optimiser.json", "12", "92167e60b25f2b81c3c9fbdafc2e4b3b56fe99d3db5c85dc6cda367e49ffd703"}
        };
        // claim-halting gained the 9×9 mixer grid (attention against the halting grid's own MLP runs) on 2026-12-07:
        // its first six cells, every one trained before, keep their keys.
        assertEquals(
                "0f409306bee89889196bd8b7b86a2c8d7804dab45644b83d2e251aa8bf448283",
                digest(keys("claim-halting.json").subList(0, 6)));
        for (String[] e : expected) {
            List<String> k = keys(e[0]);
            assertEquals(Integer.parseInt(e[1]), k.size(), e[0] + ": cells");
            assertEquals(e[2], digest(k), e[0] + ": the digest of its cells' keys");
        }
    }
}
