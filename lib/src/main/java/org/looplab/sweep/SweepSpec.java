package org.looplab.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Backprop;
import org.looplab.model.Mixer;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.Json;
import org.looplab.train.ModelFamily;
import org.looplab.train.TrainConfig;

/**
 * What {@code looplab sweep --spec FILE.json} runs: grids of model configs, each cell trained once per seed for a
 * fixed number of steps and evaluated on held-out puzzles. The file is read strictly: an unknown key or a bad
 * value is an error that names the file and the field.
 *
 * @param name        the sweep's name (default output folder {@code data/results/NAME})
 * @param profile     smoke, cpu or gpu: sizes the data sets and the recipe every override starts from
 * @param seeds       one run per seed and config (at least 3 for a result worth reading)
 * @param testPuzzles held-out puzzles in each run's final evaluation (0 or left out = the whole test split)
 * @param train       overrides of the profile's recipe for every grid
 * @param grids       the factorial blocks; a name may repeat (one grid split by task, when each task needs its own
 *                    step budget), and the results table groups by name
 */
public record SweepSpec(
        String name,
        Profile profile,
        List<Long> seeds,
        Integer testPuzzles,
        TrainOverrides train,
        List<SweepGrid> grids) {

    public SweepSpec {
        if (name == null || !name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-'; was " + name);
        if (profile == null) throw new IllegalArgumentException("profile must be smoke, cpu or gpu; was missing");
        if (seeds == null || seeds.isEmpty()) throw new IllegalArgumentException("seeds must list at least one seed");
        if (seeds.stream().distinct().count() != seeds.size())
            throw new IllegalArgumentException("seeds must not repeat, were " + seeds);
        if (testPuzzles == null) testPuzzles = 0;
        if (testPuzzles < 0) throw new IllegalArgumentException("testPuzzles must be >= 0, was " + testPuzzles);
        if (grids == null || grids.isEmpty()) throw new IllegalArgumentException("grids must list at least one grid");
        seeds = List.copyOf(seeds);
        grids = List.copyOf(grids);
    }

    public static SweepSpec read(Path file) {
        // Leaving out a factor or an override means "the profile's default", so missing fields are allowed here.
        return Json.readOptionalFields(file, SweepSpec.class);
    }

    /**
     * Every cell of every grid, in spec order. A config that several grids produce appears once, listing all of
     * them, so the shared baseline of a one-factor-at-a-time design trains once per seed.
     */
    public List<SweepCell> cells() {
        Profile p = profile;
        Map<String, SweepCell> byKey = new LinkedHashMap<>();
        for (SweepGrid g : grids) {
            TrainOverrides overrides = (train == null ? TrainOverrides.NONE : train).then(g.train());
            for (String task : g.tasks())
                for (String modelName : g.models()) {
                    ModelFamily family = ModelFamily.of(modelName);
                    PuzzleTask t = PuzzleTask.of(task);
                    ModelConfig base = family.config(p, t);
                    TrainConfig recipe = overrides.applyTo(TrainConfig.of(p, t), "grid " + g.name());
                    for (ModelConfig mc : variants(g, family, base))
                        for (long seed : seeds) {
                            SweepCell cell = new SweepCell(task, family.id(), seed, mc, recipe, List.of(g.name()));
                            String key = Json.write(List.of(task, family.id(), seed, mc, recipe));
                            SweepCell old = byKey.get(key);
                            byKey.put(
                                    key,
                                    old == null ? cell : old.grids().contains(g.name()) ? old : old.alsoIn(g.name()));
                        }
                }
        }
        return new ArrayList<>(byKey.values());
    }

    private static List<ModelConfig> variants(SweepGrid g, ModelFamily family, ModelConfig base) {
        boolean varies = g.latentSteps() != null
                || g.recursions() != null
                || g.hiddenSize() != null
                || g.supervisionSteps() != null
                || g.backprop() != null
                || g.heads() != null;
        if (!(base instanceof TrmConfig t)) {
            if (varies)
                throw new IllegalArgumentException("grid " + g.name()
                        + ": n, T, width, N_sup, backprop and heads can be swept for TRM models only, not "
                        + family.id());
            return List.of(base);
        }
        if (g.heads() != null && t.mixer() != Mixer.ATTENTION)
            throw new IllegalArgumentException("grid " + g.name() + ": heads are an attention factor; " + family.id()
                    + " mixes tokens with an MLP (list it in a grid of its own)");
        List<ModelConfig> out = new ArrayList<>();
        for (int n : orDefault(g.latentSteps(), t.latentSteps()))
            for (int tt : orDefault(g.recursions(), t.recursions()))
                for (int w : orDefault(g.hiddenSize(), t.hiddenSize()))
                    for (int h : orDefault(g.heads(), t.heads())) {
                        if (w % h != 0)
                            throw new IllegalArgumentException(
                                    "grid " + g.name() + ": hiddenSize " + w + " is not a multiple of " + h + " heads");
                        for (int nSup : orDefault(g.supervisionSteps(), t.supervisionSteps()))
                            for (Backprop b : g.backprop() == null ? List.of(t.backprop()) : g.backprop())
                                out.add(t.withRecursion(n, tt)
                                        .withSize(w, h)
                                        .withSupervisionSteps(nSup)
                                        .with(b));
                    }
        return out;
    }

    private static List<Integer> orDefault(List<Integer> values, int fallback) {
        return values == null ? List.of(fallback) : values;
    }
}
