package org.looplab.claims;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board for a terminal: one line per claim (claim, task, ours, verdict) within {@link #WIDTH} columns. Cells too
 * long are cut with "…"; the full rows are {@code looplab claims --wide} and {@code --markdown}. The task is read back
 * from the row's own text, where {@link ClaimsBoard} writes it: {@code TASK/test (sha256 …)} for a halting record,
 * else the first word of the last parenthesised group ({@code (sudoku4, 500 steps, …)}).
 */
public final class BoardLines {
    private BoardLines() {}

    public static final int WIDTH = 100;

    private static final int CLAIM = 34, TASK = 14, VERDICT = 12;
    private static final int OURS = WIDTH - CLAIM - TASK - VERDICT - 3; // three single-space gaps

    private static final Pattern TEST_SET = Pattern.compile("(\\S+)/test \\(sha256");
    private static final Pattern PAIRED = Pattern.compile("full-vs-1step-(\\S+?):");
    private static final Pattern SEEDS = Pattern.compile(" \\((\\d+|one) seeds?\\)");

    public static String of(List<ClaimRow> rows) {
        StringBuilder out = new StringBuilder(line("claim", "task", "ours (held-out exact)", "verdict"));
        for (ClaimRow r : rows)
            out.append(
                    line(r.claim(), task(r.ours()), ours(r.ours()), r.verdict().label()));
        return out.toString();
    }

    static String task(String ours) {
        Matcher m = TEST_SET.matcher(ours);
        if (m.find()) return m.group(1);
        m = PAIRED.matcher(ours);
        if (m.find()) return m.group(1);
        int open = ours.lastIndexOf(" (");
        if (open < 0 || !ours.endsWith(")")) return "";
        return ours.substring(open + 2).split("[ ,)]")[0];
    }

    /** The numbers without the parenthesised details (seed counts, task, budget) the wide board spells out. */
    static String ours(String ours) {
        String s = ours;
        int halting = s.indexOf("; bucket means");
        if (halting >= 0) s = s.substring(0, halting);
        int details = s.lastIndexOf(" (");
        if (details >= 0 && s.endsWith(")") && !s.startsWith("full vs")) s = s.substring(0, details);
        return SEEDS.matcher(s).replaceAll("");
    }

    private static String line(String claim, String task, String ours, String verdict) {
        return String.format(
                                Locale.ROOT,
                                "%-" + CLAIM + "s %-" + TASK + "s %-" + OURS + "s %s",
                                cut(claim, CLAIM),
                                cut(task, TASK),
                                cut(ours, OURS),
                                cut(verdict, VERDICT))
                        .stripTrailing()
                + "\n";
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
