package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.looplab.model.HrmConfig;
import org.looplab.model.Latents;
import org.looplab.model.NoGrad;
import org.looplab.model.Readout;
import org.looplab.model.ReasoningModel;
import org.looplab.model.Scalar;

/**
 * The loss of one supervision step (TRM §2.4-2.5, HRM §3 "deep supervision" and "ACT"):
 * stable-max CE (per-puzzle mean, pad ignored, batch mean) + 0.5 · BCE(q_halt, "answer exactly right"); HRM adds
 * 0.5 · BCE(q_continue, Q-target), the target from an extra no-grad step on the new carry: sigmoid(next q_halt) at
 * the last step, else sigmoid(max(next q_halt, next q_continue)). No continue loss for TRM (its code's default,
 * no_ACT_continue). Halting at train time uses {@link Terms#haltMargin()}: TRM's halt logit, HRM's q_halt − q_continue.
 */
final class SupervisionLoss {
    private final ReasoningModel model;
    private final boolean qLearning; // HRM: halt when q_halt > q_continue, continue loss
    private final int maxSupervision; // N_sup

    SupervisionLoss(ReasoningModel model) {
        this.model = model;
        this.qLearning = model.config() instanceof HrmConfig;
        this.maxSupervision = model.config().supervisionSteps();
    }

    /** The loss arrays of one step; {@code cont} is null for TRM. Created in the caller's scope. */
    record Terms(NDArray total, NDArray answer, NDArray halt, NDArray cont, NDArray exact, NDArray haltMargin) {
        /** The values, read once the backward pass is done. */
        StepLoss values() {
            return new StepLoss(
                    total.getFloat(), answer.getFloat(), halt.getFloat(), cont == null ? Double.NaN : cont.getFloat());
        }
    }

    /**
     * Inside the gradient collector: the loss of {@code out} read from {@code next} against {@code target};
     * {@code stepsAfter} (per slot, counting this step) decides HRM's last-step Q-target.
     */
    Terms of(Latents next, Readout out, NDArray x, NDArray target, int[] stepsAfter) {
        NDArray answer = StablemaxCrossEntropy.loss(out.answerLogits(), target);
        NDArray exact = HaltLoss.exactlyRight(out.answerLogits(), target);
        NDArray halt = HaltLoss.bce(out.haltLogit(), exact);
        NDArray cont = null;
        NDArray qLoss = halt;
        if (qLearning) {
            cont = HaltLoss.bce(out.continueLogit(), continueTarget(next, x, stepsAfter, target.getManager()));
            qLoss = halt.add(cont);
        }
        NDArray margin = qLearning ? out.haltLogit().sub(out.continueLogit()) : out.haltLogit();
        return new Terms(
                answer.add(qLoss.mul(Scalar.like(qLoss, HaltLoss.WEIGHT))),
                answer,
                halt,
                cont,
                exact,
                margin.stopGradient());
    }

    /**
     * HRM's Q-learning target for q_continue: one more supervision step without gradient from the new carry on the
     * same puzzles. No replay buffer, no target network (as the HRM code).
     */
    private NDArray continueTarget(Latents next, NDArray x, int[] stepsAfter, NDManager arrays) {
        try (var off = NoGrad.open()) {
            Readout again = model.readout(model.supervisionStep(next.detached(), x.stopGradient()));
            boolean[] last = new boolean[stepsAfter.length];
            for (int s = 0; s < last.length; s++) last[s] = stepsAfter[s] >= maxSupervision;
            return qContinueTarget(again.haltLogit(), again.continueLogit(), arrays.create(last));
        }
    }

    /** sigmoid(nextHalt) where {@code last}, else sigmoid(max(nextHalt, nextContinue)); no gradient. */
    static NDArray qContinueTarget(NDArray nextHalt, NDArray nextContinue, NDArray last) {
        NDArray best = nextHalt.maximum(nextContinue);
        return Activation.sigmoid(NDArrays.where(last, nextHalt, best)).stopGradient();
    }
}
