package org.looplab.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.claims.BoardLines;
import org.looplab.claims.ClaimRow;
import org.looplab.claims.ClaimsBoard;
import org.looplab.viz.TextTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code looplab claims [--results DIR] [--markdown | --wide]}: the claims scoreboard from committed results. By
 * default one line per claim that fits a 100-column terminal; the full rows as Markdown or as a wide text table.
 */
@Command(
        name = "claims",
        description = "The deck's and paper's claims against our committed results, with computed verdicts.")
final class ClaimsCommand implements Callable<Integer> {
    @Option(
            names = "--results",
            defaultValue = "data/results",
            description = "committed results folder (default ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--markdown", description = "print the full board as a Markdown table (the README's)")
    boolean markdown;

    @Option(names = "--wide", description = "print the full board as a text table (paper, reasons: ~250 columns)")
    boolean wide;

    @Override
    public Integer call() {
        if (markdown && wide) throw new IllegalArgumentException("give --markdown or --wide, not both");
        List<ClaimRow> rows = ClaimsBoard.read(results);
        if (markdown) System.out.print(ClaimsBoard.markdown(rows));
        else if (wide) System.out.print(TextTables.of(ClaimsBoard.table(rows)) + "\n");
        else System.out.print(BoardLines.of(rows));
        return 0;
    }
}
