package org.looplab.train;

/**
 * How {@link AdamW} turns its moments into a weight update. The TRM paper writes "AdamW"; its code (and HRM's) uses
 * AdamATan2 (Everett et al. 2024, "Scaling Exponents Across Parameterizations and Optimizers", §4), which replaces
 * Adam's {@code m̂ / (√v̂ + ε)} by {@code atan2(m̂, √v̂)}: the same ratio where it is small, bounded by π/2 where
 * it is not, and no ε. The lab's default is AdamW because an independent reimplementation reproduces the paper's
 * numbers with it; ADAM_ATAN2 exists to test whether the rule explains a gap (attention's slow start: docs/journal.md).
 */
public enum UpdateRule {
    /** {@code w ← w − lr_t · m / (√v + ε)}, DJL's formula (bias corrections folded into lr_t), ε = 1e-8. */
    ADAMW,
    /** {@code w ← w − lr · atan2(m / (1 − β1^t), √v / √(1 − β2^t))}, the adam-atan2 kernel's formula, a = b = 1. */
    ADAM_ATAN2
}
