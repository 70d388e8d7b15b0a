package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * EMA of the weights (decay 0.999 in TRM): evaluation and checkpoints use the average, which the TRM paper's
 * ablation credits with 79.9 → 87.4 on Sudoku-Extreme. The copies live in their own manager, outside any step
 * scope, and are updated outside the gradient collector.
 */
public final class ExponentialMovingAverage implements AutoCloseable {
    private final float decay;
    private final NDManager manager;
    private final List<NDArray> averages = new ArrayList<>();

    public ExponentialMovingAverage(List<NDArray> parameters, float decay, NDManager parent) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("EMA decay must be in (0, 1), was " + decay);
        this.decay = decay;
        this.manager = parent.newSubManager();
        for (NDArray p : parameters) {
            NDArray copy = p.duplicate(); // a clone: no autograd history, no requiresGrad
            copy.attach(manager);
            averages.add(copy);
        }
    }

    /** {@code ema ← decay · ema + (1 − decay) · p}, in place. */
    public void update(List<NDArray> parameters) {
        check(parameters);
        for (int i = 0; i < averages.size(); i++) {
            // both temporaries closed: an unclosed stopGradient() would leak one array per parameter per step
            try (NDArray detached = parameters.get(i).stopGradient();
                    NDArray scaled = detached.mul(1 - decay)) {
                averages.get(i).muli(decay).addi(scaled);
            }
        }
    }

    /** Replaces the averages by {@code values} (resuming from a checkpoint). */
    public void load(List<NDArray> values) {
        check(values);
        for (int i = 0; i < averages.size(); i++) InPlaceCopy.copy(values.get(i), averages.get(i));
    }

    /** The averaged values, in parameter order (owned by this object). */
    public List<NDArray> averages() {
        return List.copyOf(averages);
    }

    /** Copies the averages into {@code parameters} (for evaluation or saving); the caller keeps the live ones if needed. */
    public void copyInto(List<NDArray> parameters) {
        check(parameters);
        for (int i = 0; i < averages.size(); i++) InPlaceCopy.copy(averages.get(i), parameters.get(i));
    }

    private void check(List<NDArray> parameters) {
        if (parameters.size() != averages.size()) {
            throw new IllegalArgumentException("EMA holds " + averages.size() + " arrays, got " + parameters.size());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
