package org.looplab.bench;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row family of {@code make bench-scaling}: a task, n, T and batch, timed at every width of the table.
 *
 * @param side        Sudoku side: 6 or 9 in the lab's runs (4 allowed)
 * @param latentSteps n
 * @param recursions  T
 * @param batch       puzzles per training step
 */
public record ScalingCase(int side, int latentSteps, int recursions, int batch) {
    private static final Pattern NAME = Pattern.compile("sudoku(\\d+)-n(\\d+)-T(\\d+)-b(\\d+)");

    /**
     * The lab's training shapes (6×6 n1 T1 batch 32; 9×9 n2 T2 at batch 32 and 64; 9×9 n1 T1 batch 64, the shipped
     * 9×9 checkpoint's) and the fixed config of {@code make bench} (9×9 n6 T3 batch 64).
     */
    public static final List<ScalingCase> LAB = List.of(
            new ScalingCase(6, 1, 1, 32),
            new ScalingCase(9, 2, 2, 32),
            new ScalingCase(9, 2, 2, 64),
            new ScalingCase(9, 1, 1, 64),
            new ScalingCase(9, 6, 3, 64));

    public ScalingCase {
        new StepShape(side, 4, latentSteps, recursions); // the same checks, one place
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, was " + batch);
    }

    /** Reads {@code sudoku9-n2-T2-b32}; anything else fails, naming the value and the form. */
    public static ScalingCase parse(String name) {
        Matcher m = NAME.matcher(name.strip());
        if (!m.matches())
            throw new IllegalArgumentException(
                    "case '" + name + "' is not of the form sudoku<side>-n<n>-T<T>-b<batch>, e.g. sudoku9-n2-T2-b32");
        return new ScalingCase(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /** The model of this case at {@code hidden}. */
    public StepShape at(int hidden) {
        return new StepShape(side, hidden, latentSteps, recursions);
    }

    /** Whether {@code other} differs from this case in the batch only. */
    public boolean sameModel(ScalingCase other) {
        return side == other.side && latentSteps == other.latentSteps && recursions == other.recursions;
    }

    /** The name {@link #parse} reads. */
    public String name() {
        return String.format(Locale.ROOT, "sudoku%d-n%d-T%d-b%d", side, latentSteps, recursions, batch);
    }

    /** For tables: "9×9 n2 T2 b32". */
    public String label() {
        return String.format(Locale.ROOT, "%d×%d n%d T%d b%d", side, side, latentSteps, recursions, batch);
    }
}
