package org.looplab.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line text progress bar with rate and ETA for the command line ({@code \r}-redrawn), e.g.
 * {@code [#########-----------]  45% 1200/2650 steps  3.1 steps/s  ETA 7m48s  loss 0.412}.
 */
public final class ProgressBar {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();

    public ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(1, total);
        this.unit = unit;
    }

    /** Redraws the bar for {@code done} units, with a free-text suffix (latest loss, accuracy...). */
    public void update(long done, String suffix) {
        out.print("\r" + line(done, (System.nanoTime() - startNanos) / 1e9, suffix));
        out.flush();
    }

    /** Ends the line. */
    public void finish() {
        out.println();
    }

    /** The text of the bar after {@code seconds} of work; separate from printing so it can be tested. */
    String line(long done, double seconds, String suffix) {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? format(Duration.ofSeconds((long) Math.ceil((total - done) / rate))) : "?";
        return String.format(
                        Locale.ROOT,
                        "[%s%s] %3d%% %d/%d %s  %.1f %s/s  ETA %s  %s",
                        "#".repeat(filled),
                        "-".repeat(WIDTH - filled),
                        Math.round(fraction * 100),
                        done,
                        total,
                        unit,
                        rate,
                        unit,
                        eta,
                        suffix == null ? "" : suffix)
                .stripTrailing();
    }

    static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
