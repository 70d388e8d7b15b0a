package org.looplab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.looplab.model.Mixer;

/**
 * The table of {@code make bench-scaling} from measured {@link StepReport}s: per case, width and mixer, both sides'
 * step, their ratio, DJL's share of the matmul ceiling and each side's peak RSS; then how the step grows with width
 * and with batch. Pure arithmetic on given reports, so it is tested on made-up numbers; nothing here is timed.
 */
public final class ScalingTable {
    private ScalingTable() {}

    /**
     * One timed row: a case at one width, with both sides' reports and the ratio and ceiling arithmetic of
     * {@code make bench}'s table ({@link StepBenchTable.SpeedRow}).
     */
    public record Row(ScalingCase scalingCase, int hidden, StepBenchTable.SpeedRow speed) {
        public Row {
            if (speed.djl().batch() != scalingCase.batch())
                throw new IllegalArgumentException(
                        "djl report has batch " + speed.djl().batch() + ", the case " + scalingCase.batch());
        }

        /**
         * @param pytorch       null when the PyTorch reference did not run
         * @param stepFlop      matmul FLOPs of one step ({@link StepBenchmark#stepFlops(StepShape, Mixer, int)})
         * @param ceilingGflops the best float32 matmul rate measured in this table (0: none)
         */
        public Row(
                ScalingCase scalingCase,
                int hidden,
                StepReport djl,
                StepReport pytorch,
                double stepFlop,
                double ceilingGflops) {
            this(scalingCase, hidden, new StepBenchTable.SpeedRow(djl, pytorch, stepFlop, ceilingGflops));
        }

        public StepReport djl() {
            return speed.djl();
        }

        /** Null when the PyTorch reference did not run. */
        public StepReport pytorch() {
            return speed.pytorch();
        }

        public double stepFlop() {
            return speed.stepFlop();
        }

        public Mixer mixer() {
            return speed.mixer();
        }

        /** PyTorch ms ÷ DJL ms (above 1: DJL is faster); NaN without PyTorch. */
        public double ratio() {
            return speed.speedup();
        }

        /** DJL's matmul FLOP rate over the step as a share of the ceiling; NaN without a ceiling. */
        public double ceilingShare() {
            return speed.ceilingFraction();
        }

        /** Null without PyTorch. */
        public Boolean paramsMatch() {
            return speed.paramsMatch();
        }

        /** The same row against another ceiling (a table's best is known only once every run is in). */
        public Row withCeiling(double gflops) {
            return new Row(scalingCase, hidden, djl(), pytorch(), stepFlop(), gflops);
        }
    }

    /** One line per row, in the order given. */
    public static String table(List<Row> rows) {
        String head = "%-16s  %6s  %-9s  %-21s  %8s  %10s  %7s  %7s  %-20s%n";
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                head,
                "case",
                "hidden",
                "mixer",
                "params DJL|PyTorch",
                "DJL ms",
                "PyTorch ms",
                "PT÷DJL",
                "of ceil",
                "peak RSS MB DJL|PT"));
        for (Row r : rows) {
            StepReport d = r.djl(), p = r.pytorch();
            out.append(String.format(
                    Locale.ROOT,
                    head,
                    r.scalingCase().label(),
                    r.hidden(),
                    r.mixer(),
                    p == null ? d.params() + " | —" : d.params() + (r.paramsMatch() ? " = " : " ≠ ") + p.params(),
                    String.format(Locale.ROOT, "%.0f", d.medianMs()),
                    p == null ? "—" : String.format(Locale.ROOT, "%.0f", p.medianMs()),
                    p == null ? "—" : String.format(Locale.ROOT, "%.2f×", r.ratio()),
                    Double.isNaN(r.ceilingShare()) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * r.ceilingShare()),
                    String.format(Locale.ROOT, "%.0f | %s", d.peakRssMb(), p == null ? "—" : mb(p.peakRssMb()))));
        }
        return out.toString();
    }

    /**
     * How a step's time grows from each width to the next of the same case and mixer: the time ratio, its exponent
     * (time ∝ width^e between the two widths) and the matmul FLOPs' ratio beside it. A line per case, mixer and side.
     */
    public static String widthGrowth(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (List<Row> family : families(rows)) {
            for (String side : List.of("djl", "pytorch")) {
                ToDoubleFunction<Row> ms = side.equals("djl") ? r -> r.djl().medianMs() : ScalingTable::pytorchMs;
                List<String> steps = new ArrayList<>();
                for (int i = 1; i < family.size(); i++) {
                    Row a = family.get(i - 1), b = family.get(i);
                    double time = ms.applyAsDouble(b) / ms.applyAsDouble(a);
                    if (Double.isNaN(time)) continue;
                    steps.add(String.format(
                            Locale.ROOT,
                            "%d→%d ×%.2f (width^%.2f; FLOPs ×%.2f)",
                            a.hidden(),
                            b.hidden(),
                            time,
                            exponent(time, b.hidden() / (double) a.hidden()),
                            b.stepFlop() / a.stepFlop()));
                }
                if (steps.isEmpty()) continue;
                Row first = family.get(0);
                out.append(String.format(
                        Locale.ROOT,
                        "  %-16s %-9s %-7s %s%n",
                        first.scalingCase().label(),
                        first.mixer(),
                        side.equals("djl") ? "DJL" : "PyTorch",
                        String.join(", ", steps)));
            }
        }
        return out.toString();
    }

    /**
     * How a step's time grows with the batch: every pair of rows of the same model (task, n, T, width, mixer) at two
     * batches, smaller first, each side's time ratio beside the ratio of the batches.
     */
    public static String batchGrowth(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row a : rows) {
            for (Row b : rows) {
                ScalingCase ca = a.scalingCase(), cb = b.scalingCase();
                if (!ca.sameModel(cb) || ca.batch() >= cb.batch() || a.hidden() != b.hidden() || a.mixer() != b.mixer())
                    continue;
                double pt = pytorchMs(b) / pytorchMs(a);
                out.append(String.format(
                        Locale.ROOT,
                        "  %d×%d n%d T%d hidden %d %-9s batch %d→%d (×%.2f): DJL ×%.2f, PyTorch %s%n",
                        ca.side(),
                        ca.side(),
                        ca.latentSteps(),
                        ca.recursions(),
                        a.hidden(),
                        a.mixer(),
                        ca.batch(),
                        cb.batch(),
                        cb.batch() / (double) ca.batch(),
                        b.djl().medianMs() / a.djl().medianMs(),
                        Double.isNaN(pt) ? "—" : String.format(Locale.ROOT, "×%.2f", pt)));
            }
        }
        return out.toString();
    }

    /** t = w^e between two widths: e = ln(time ratio) ÷ ln(width ratio). */
    static double exponent(double timeRatio, double widthRatio) {
        return Math.log(timeRatio) / Math.log(widthRatio);
    }

    /** The rows of each case and mixer, narrowest first; families in the order first seen. */
    private static List<List<Row>> families(List<Row> rows) {
        List<List<Row>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Row> family = out.stream()
                    .filter(f -> f.get(0).scalingCase().equals(r.scalingCase())
                            && f.get(0).mixer() == r.mixer())
                    .findFirst()
                    .orElse(null);
            if (family == null) out.add(family = new ArrayList<>());
            family.add(r);
        }
        out.forEach(f -> f.sort((a, b) -> Integer.compare(a.hidden(), b.hidden())));
        return out;
    }

    private static double pytorchMs(Row r) {
        return r.pytorch() == null ? Double.NaN : r.pytorch().medianMs();
    }

    private static String mb(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
