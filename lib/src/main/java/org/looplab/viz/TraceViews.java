package org.looplab.viz;

import java.util.Locale;
import org.looplab.model.RecursionTrace;
import org.looplab.model.TraceStep;

/** HTML pictures of a {@link RecursionTrace}: one small grid per supervision step, with halt and latent bars. */
public final class TraceViews {
    private TraceViews() {}

    /**
     * One column per step for puzzle {@code sample}: the predicted grid ({@code side} cells wide; tokens shown as
     * token−1, blank and pad as "·", the Sudoku encoding), the halt probability, |Δz|, and 16 bars of mean |z|
     * per channel group (heights relative to the largest bar of the whole trace).
     */
    public static String steps(RecursionTrace trace, int sample, int side) {
        float maxBar = 1e-12f;
        for (TraceStep s : trace.steps()) for (float v : s.latentGroups()[sample]) maxBar = Math.max(maxBar, v);
        StringBuilder h = new StringBuilder("<table style=\"border-collapse:collapse\"><tr>");
        for (TraceStep s : trace.steps()) {
            h.append("<td style=\"padding:4px;vertical-align:top;text-align:center;font-size:11px\">")
                    .append("<b>k=")
                    .append(s.step())
                    .append("</b>")
                    .append(grid(s.prediction()[sample], side))
                    .append(String.format(
                            Locale.ROOT,
                            "halt %.3f<br>|Δz| %.2f<br>",
                            s.haltProbability()[sample],
                            s.latentChange()[sample]))
                    .append(bars(s.latentGroups()[sample], maxBar))
                    .append("</td>");
        }
        return h.append("</tr></table>").toString();
    }

    private static String grid(int[] cells, int side) {
        StringBuilder g =
                new StringBuilder("<table style=\"border-collapse:collapse;margin:2px auto;font-family:monospace\">");
        for (int r = 0; r * side < cells.length; r++) {
            g.append("<tr>");
            for (int c = 0; c < side && r * side + c < cells.length; c++) {
                int t = cells[r * side + c];
                g.append("<td style=\"border:1px solid #bbb;width:12px;height:12px;padding:0\">")
                        .append(t > 1 ? String.valueOf(t - 1) : "·")
                        .append("</td>");
            }
            g.append("</tr>");
        }
        return g.append("</table>").toString();
    }

    private static String bars(float[] groups, float max) {
        StringBuilder b = new StringBuilder(
                "<div style=\"display:flex;align-items:flex-end;height:30px;gap:1px;justify-content:center\">");
        for (float v : groups)
            b.append(String.format(
                    Locale.ROOT,
                    "<div style=\"width:3px;height:%dpx;background:#4a7\"></div>",
                    Math.max(1, Math.round(30 * v / max))));
        return b.append("</div>").toString();
    }
}
