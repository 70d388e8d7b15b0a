package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.looplab.model.Mixer;
import org.looplab.model.ReasoningModel;
import org.looplab.provenance.Json;

/**
 * {@code bench/trm_step.py} builds the Java model at every size of {@code make bench-scaling}: each width of the
 * table on each of the lab's cases, both mixers, counted without training (one Python process for all of them).
 */
class ScalingPortTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("../bench/trm_step.py"); // tests run in bench/
    private static final int[] WIDTHS = {32, 64, 128, 256, 512};

    @Test
    void theScriptCountsOurParametersAtEverySizeOfTheTable() throws IOException, InterruptedException {
        String problem = TrainBench.pytorchProblem(PYTHON, SCRIPT);
        Assumptions.assumeTrue(problem == null, "PyTorch reference not runnable: " + problem);
        // n and T repeat the same net and add no parameter, so Python counts each task, width and mixer once
        Map<String, Long> java = new LinkedHashMap<>();
        for (ScalingCase c : ScalingCase.LAB)
            for (int h : WIDTHS)
                for (Mixer m : Mixer.values()) {
                    StepShape shape = c.at(h);
                    String spec = shape.taskName() + ":" + h + ":" + m.name().toLowerCase(Locale.ROOT);
                    try (ReasoningModel ours = shape.trm(m).build(shape.task(), 0)) {
                        Long before = java.put(spec, ours.parameterCount());
                        if (before != null)
                            assertEquals(before, ours.parameterCount(), spec + ": n and T changed the count");
                    }
                }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(), "--count-params"));
        cmd.addAll(java.keySet());
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "trm_step.py --count-params did not finish");
        assertEquals(0, p.exitValue(), "trm_step.py --count-params: " + out);
        JsonNode counts = Json.mapper().readTree(out).get("counts");
        assertEquals(java.size(), counts.size(), out);
        for (JsonNode c : counts) {
            String spec = c.get("task").asText() + ":" + c.get("hidden").asInt() + ":"
                    + c.get("mixer").asText();
            assertEquals(java.get(spec), c.get("params").asLong(), spec + " parameter count, Java against PyTorch");
        }
        // the bench's fixed config, as docs/benchmarks.md states it
        assertEquals(527_362L, java.get("sudoku9:128:attention"));
        assertEquals(694_274L, java.get("sudoku9:128:mlp"));
    }
}
