package org.looplab.train;

/**
 * What one supervision step measured (means over the batch).
 *
 * @param halted       slots whose puzzle halted this step
 * @param haltedRight  of those, answered exactly right
 * @param haltedSteps  supervision steps those puzzles used, summed
 * @param skipped      the update was skipped because a gradient was not finite
 */
public record StepResult(
        double loss,
        double answerLoss,
        double haltLoss,
        double continueLoss,
        double exact,
        int halted,
        int haltedRight,
        int haltedSteps,
        boolean skipped) {

    StepResult(StepLoss l, double exact, int halted, int haltedRight, int haltedSteps, boolean skipped) {
        this(l.total(), l.answer(), l.halt(), l.cont(), exact, halted, haltedRight, haltedSteps, skipped);
    }
}
