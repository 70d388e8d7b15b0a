package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.looplab.model.Backprop;
import org.looplab.model.TrmConfig;

/**
 * The committed experiment plans ({@code experiments/claim-*.json}) parse, expand, and are what the claims
 * scoreboard needs: at least 3 seeds, grids named as {@code claims.ClaimsBoard} reads them, equal compute where the
 * depth claim says so. Nothing trains here.
 */
class ExperimentSpecsTest {
    private static final Path EXPERIMENTS = Path.of("../experiments"); // tests run in lib/

    private static List<Path> claimSpecs() throws Exception {
        try (Stream<Path> s = Files.list(EXPERIMENTS)) {
            return s.filter(p -> p.getFileName().toString().startsWith("claim-"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyClaimSpecExpandsWithAtLeastThreeSeeds() throws Exception {
        List<Path> specs = claimSpecs();
        assertEquals(5, specs.size(), specs.toString());
        for (Path f : specs) {
            SweepSpec spec = SweepSpec.read(f);
            assertTrue(spec.seeds().size() >= 3, f + ": seeds " + spec.seeds());
            assertTrue(!spec.cells().isEmpty(), f.toString());
            assertEquals(org.looplab.Profile.CPU, spec.profile(), f.toString());
        }
    }

    /** Compute per step ~ forward T(n+1) net calls + backward (about twice the forward) of the last n+1: (n+1)(T+2). */
    @Test
    void theDepthClaimRunsAtEqualCompute() throws Exception {
        List<SweepCell> cells =
                SweepSpec.read(EXPERIMENTS.resolve("claim-depth.json")).cells();
        double first = -1;
        for (SweepCell c : cells) {
            TrmConfig t = (TrmConfig) c.config();
            double units = (double) (t.latentSteps() + 1)
                    * (t.recursions() + 2)
                    * c.train().maxSteps();
            if (first < 0) first = units;
            assertEquals(first, units, first * 0.001, c.toString());
        }
        assertTrue(cells.stream().allMatch(c -> c.grids().contains("depth-compute")));
    }

    /**
     * The depth claim at equal optimiser steps, long enough for the shallow arm to converge: every arm 5,333 steps,
     * so its shallowest arm is claim-depth's (1, 1) arm, cell for cell (same keys: the runs carry over).
     */
    @Test
    void theDepthStepsClaimSharesItsShallowArmWithTheComputeClaim() throws Exception {
        List<SweepCell> steps =
                SweepSpec.read(EXPERIMENTS.resolve("claim-depth-steps.json")).cells();
        assertTrue(steps.stream()
                .allMatch(c -> c.grids().contains("depth") && c.train().maxSteps() == 5333));
        java.util.Set<String> compute = new java.util.HashSet<>();
        for (SweepCell c :
                SweepSpec.read(EXPERIMENTS.resolve("claim-depth.json")).cells())
            compute.add(c.folderName(c.hash("cpu", "d")));
        long shared = steps.stream()
                .filter(c -> compute.contains(c.folderName(c.hash("cpu", "d"))))
                .count();
        assertEquals(3, shared, "the three (n 1, T 1) seeds");
    }

    @Test
    void theUnrollAndEmaArmsDifferOnlyWhereTheyShould() throws Exception {
        List<SweepCell> cells =
                SweepSpec.read(EXPERIMENTS.resolve("claim-unroll-ema.json")).cells();
        assertTrue(cells.stream()
                .filter(c -> c.grids().contains("unroll-1step"))
                .allMatch(c -> ((TrmConfig) c.config()).backprop() == Backprop.ONE_STEP));
        assertTrue(cells.stream()
                .filter(c -> c.grids().contains("ema-off"))
                .allMatch(c -> c.train().emaDecay() < 1e-3));
        // The full-unroll arm with the default EMA is one run per seed, shared by both comparisons.
        int seeds = SweepSpec.read(EXPERIMENTS.resolve("claim-unroll-ema.json"))
                .seeds()
                .size();
        assertEquals(5, seeds, "seeds 0-2, then 3 and 4 added as fixed in advance");
        assertEquals(
                seeds,
                cells.stream()
                        .filter(c -> c.grids().containsAll(List.of("unroll-full", "ema-on")))
                        .count());
    }
}
