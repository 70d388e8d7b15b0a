package org.looplab.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.analysis.ShippedCheckpoints;
import org.looplab.claims.ClaimsBoard;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.MarkdownBlocks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code looplab docs [--check] [--root .] FILE...}: rewrites the generated blocks of Markdown pages (README, docs/)
 * from the commands their markers name, run on the committed data under {@code --root}. With {@code --check} it
 * writes nothing and fails, naming each page and block, when one is out of date.
 */
@Command(
        name = "docs",
        description = "Regenerate the marked blocks of Markdown pages from the commands that produce them.")
final class DocsCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", description = "the repository root (default ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--check", description = "write nothing; exit 1 naming every out-of-date block")
    boolean check;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown pages, e.g. README.md docs/*.md")
    List<Path> files;

    /** What a marker's command prints, computed in-process on the committed data under {@code root}. */
    static String output(String command, Path root) {
        return switch (command) {
            case "looplab claims --markdown" -> ClaimsBoard.markdown(ClaimsBoard.read(root.resolve("data/results")));
            case "looplab checkpoints --markdown" ->
                ShippedCheckpoints.markdown(ShippedCheckpoints.read(root.resolve("data/checkpoints")));
            default ->
                throw new IllegalArgumentException("no generator for a block made by \"" + command
                        + "\" (known: looplab claims --markdown, looplab checkpoints --markdown)");
        };
    }

    /** The pages' blocks that differ from their command's output now, as "FILE: block COMMAND". */
    static List<String> stale(List<Path> files, Path root) {
        List<String> stale = new ArrayList<>();
        for (Path f : files) {
            String page = read(f);
            List<MarkdownBlocks.Block> now =
                    MarkdownBlocks.blocks(MarkdownBlocks.regenerate(page, c -> output(c, root)));
            List<MarkdownBlocks.Block> was = MarkdownBlocks.blocks(page);
            for (int i = 0; i < was.size(); i++)
                if (!was.get(i).body().equals(now.get(i).body()))
                    stale.add(f + ": block \"" + was.get(i).command() + "\" is out of date");
        }
        return stale;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot read", e);
        }
    }

    @Override
    public Integer call() {
        if (check) {
            List<String> stale = stale(files, root);
            stale.forEach(s -> System.err.println(s + "; run: looplab docs FILE"));
            return stale.isEmpty() ? 0 : 1;
        }
        for (Path f : files) {
            String page = read(f);
            String updated = MarkdownBlocks.regenerate(page, c -> output(c, root));
            if (!updated.equals(page)) {
                AtomicFiles.writeString(f, updated);
                System.out.println(f + ": regenerated");
            }
        }
        return 0;
    }
}
