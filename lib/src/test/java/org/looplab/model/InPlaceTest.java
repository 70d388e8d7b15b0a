package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

/**
 * Without a graph the blocks write their element-wise steps in place ({@link InPlace}); with grad mode on they do not.
 * Both must compute the same numbers to the bit: two supervision steps and the readout of both mixers, each way.
 */
class InPlaceTest {
    private static final long[][] PUZZLES = {
        {2, 1, 4, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 5, 1, 2},
        {1, 3, 1, 1, 4, 1, 1, 1, 1, 1, 2, 1, 1, 1, 5, 1}
    };

    @Test
    void theInPlaceFormComputesWhatTheRecordedFormComputesToTheBit() {
        for (TrmConfig cfg : new TrmConfig[] {TrmConfig.TINY_MLP, TrmConfig.TINY_ATTENTION}) {
            try (var m = TinyRecursiveModel.create(cfg, TaskShape.sudoku(4), 7, DataType.FLOAT32)) {
                float[][] recorded = withGradMode(true, m);
                float[][] inPlace = withGradMode(false, m);
                for (int i = 0; i < recorded.length; i++)
                    assertArrayEquals(recorded[i], inPlace[i], cfg.mixer() + ", output " + i);
            }
        }
    }

    /** Two supervision steps and the readout, with libtorch's grad mode set as given on this thread. */
    private static float[][] withGradMode(boolean recording, ReasoningModel m) {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(recording);
        try (NDScope scope = new NDScope();
                NDManager inputs = m.manager().newSubManager()) {
            if (recording) assertTrue(NoGrad.isRecording());
            else assertFalse(NoGrad.isRecording());
            NDArray x = m.embed(inputs.create(PUZZLES), inputs.create(new long[PUZZLES.length]));
            Latents s = m.supervisionStep(m.supervisionStep(m.initialLatents(PUZZLES.length), x), x);
            Readout r = m.readout(s);
            return new float[][] {
                s.answer().toFloatArray(),
                s.reasoning().toFloatArray(),
                r.answerLogits().toFloatArray(),
                r.haltLogit().toType(DataType.FLOAT32, false).toFloatArray()
            };
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
