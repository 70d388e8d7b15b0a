package org.looplab.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.claims.ClaimRow;
import org.looplab.claims.ClaimsBoard;
import org.looplab.viz.TextTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code looplab claims [--results DIR] [--markdown]}: the claims scoreboard from committed results. */
@Command(
        name = "claims",
        description = "The deck's and paper's claims against our committed results, with computed verdicts.")
final class ClaimsCommand implements Callable<Integer> {
    @Option(
            names = "--results",
            defaultValue = "data/results",
            description = "committed results folder (default ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--markdown", description = "print a Markdown table (the README's) instead of a text table")
    boolean markdown;

    @Override
    public Integer call() {
        List<ClaimRow> rows = ClaimsBoard.read(results);
        System.out.print(markdown ? ClaimsBoard.markdown(rows) : TextTables.of(ClaimsBoard.table(rows)) + "\n");
        return 0;
    }
}
