package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW with decoupled weight decay, owned here rather than DJL's {@code Optimizer.adamW()} because DJL keeps the
 * moments private: a checkpoint must hold them for a resumed run to continue exactly (see {@link TrainerState}).
 *
 * <p>The formula is DJL 0.36's (its native {@code adamUpdate} with {@code adamw = true}), step {@code t} 1-based:
 * <pre>
 *   lr  = schedule(t),  lr_t = lr · sqrt(1 − β2^t) / (1 − β1^t)
 *   w  ← w − w · lr · wd                       (decoupled decay, before the moments)
 *   m  ← β1 · m + (1 − β1) · g
 *   v  ← β2 · v + (1 − β2) · g²
 *   w  ← w − lr_t · m / (sqrt(v) + ε)
 * </pre>
 * With {@link UpdateRule#ADAM_ATAN2} the last line is the adam-atan2 kernel's (TRM and HRM code), ε-free and bounded:
 * <pre>
 *   w  ← w − lr · atan2(m / (1 − β1^t), sqrt(v) / sqrt(1 − β2^t))
 * </pre>
 * All updates are in place; each parameter's temporaries are closed by a scope. The moments live in their own
 * manager, created with the optimiser (not lazily), so no step scope can close them.
 */
public final class AdamW implements AutoCloseable {
    private static final float EPSILON = 1e-8f;
    private final LearningRateSchedule schedule;
    private final float beta1, beta2, weightDecay;
    private final UpdateRule rule;
    private final NDManager manager;
    private final List<String> names = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>(), variances = new ArrayList<>();
    private long updates;

    public AdamW(
            NDList parameters,
            LearningRateSchedule schedule,
            float beta1,
            float beta2,
            float weightDecay,
            NDManager parent) {
        this(parameters, schedule, beta1, beta2, weightDecay, UpdateRule.ADAMW, parent);
    }

    public AdamW(
            NDList parameters,
            LearningRateSchedule schedule,
            float beta1,
            float beta2,
            float weightDecay,
            UpdateRule rule,
            NDManager parent) {
        this.schedule = schedule;
        this.rule = rule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.manager = parent.newSubManager();
        for (NDArray p : parameters) {
            if (p.getName() == null) throw new IllegalArgumentException("AdamW needs named parameters");
            names.add(p.getName());
            means.add(zerosOf(p));
            variances.add(zerosOf(p));
        }
    }

    private NDArray zerosOf(NDArray p) {
        NDArray z = manager.zeros(p.getShape(), p.getDataType());
        NDScope.unregister(z); // owned by this optimiser, whatever scope is open
        return z;
    }

    /** One update of every parameter from its gradient (the caller zeroes the gradients after). */
    public void update(NDList parameters) {
        check(parameters.size());
        long t = ++updates;
        float lr = schedule.at(Math.toIntExact(t));
        float lrT = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float correct1 = (float) (1 / (1 - Math.pow(beta1, t))), correct2 = (float) Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i);
            try (NDScope local = new NDScope()) {
                NDArray g = w.getGradient(); // a new wrapper per call: the scope closes it
                NDArray m = means.get(i), v = variances.get(i);
                w.subi(w.mul(lr).muli(weightDecay));
                m.muli(beta1).addi(g.mul(1 - beta1));
                v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
                if (rule == UpdateRule.ADAMW) w.subi(m.mul(lrT).divi(v.sqrt().addi(EPSILON)));
                else w.subi(m.mul(correct1).atan2(v.sqrt().divi(correct2)).muli(lr));
            }
        }
    }

    /** Updates done so far ({@code t} of the last one). */
    public long updates() {
        return updates;
    }

    /** The rate of the last update (0 before the first). */
    public float rate() {
        return updates == 0 ? 0 : schedule.at(Math.toIntExact(updates));
    }

    /** The moments, named {@code adam_m/NAME} and {@code adam_v/NAME} (owned by this optimiser: do not close). */
    public NDList moments() {
        NDList out = new NDList();
        for (int i = 0; i < names.size(); i++) {
            means.get(i).setName("adam_m/" + names.get(i));
            variances.get(i).setName("adam_v/" + names.get(i));
            out.add(means.get(i));
            out.add(variances.get(i));
        }
        return out;
    }

    /** Puts back moments saved by {@link #moments()} and the update count that goes with them. */
    public void restore(NDList saved, long updatesDone, String source) {
        for (int i = 0; i < names.size(); i++) {
            copyNamed(saved, "adam_m/" + names.get(i), means.get(i), source);
            copyNamed(saved, "adam_v/" + names.get(i), variances.get(i), source);
        }
        this.updates = updatesDone;
    }

    static void copyNamed(NDList saved, String name, NDArray into, String source) {
        NDArray a = saved.get(name);
        if (a == null) throw new IllegalArgumentException(source + ": no array named '" + name + "'");
        if (!a.getShape().equals(into.getShape()))
            throw new IllegalArgumentException(
                    source + ": '" + name + "' has shape " + a.getShape() + ", expected " + into.getShape());
        InPlaceCopy.copy(a, into);
    }

    private void check(int n) {
        if (n != names.size())
            throw new IllegalArgumentException("AdamW holds " + names.size() + " parameters, got " + n);
    }

    @Override
    public void close() {
        manager.close();
    }
}
