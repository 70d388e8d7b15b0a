package org.looplab.tool;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar lib/target/looplab.jar <command>}: the scripted face of the lab. Each command parses its
 * arguments and makes one lib call; the work lives in the domain packages.
 */
// scope INHERIT: every subcommand (eval, halting, trace, ...) takes --help too, not only the top level.
@Command(
        name = "looplab",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = InfoCommand.Version.class,
        description = "LoopLab: small recursive reasoning models (TRM, HRM) on grid puzzles.",
        subcommands = {
            InfoCommand.class,
            SudokuCommand.class,
            DataCommand.class,
            ModelCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            HaltingCommand.class,
            TraceCommand.class,
            ServeCommand.class,
            SolveCommand.class,
            SweepCommand.class,
            ClaimsCommand.class,
            CheckpointsCommand.class,
            DocsCommand.class,
            CompareCommand.class,
            LineageCommand.class
        })
public final class LoopLabCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new LoopLabCli());
        // Bad input is reported as one clear line, not a stack trace; the exit code says it failed.
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("looplab: " + ErrorLine.of(ex));
            return 2;
        });
        // A mistyped option or value: one line saying what, one saying where the usage is (not 14-38 lines of it).
        cli.setParameterExceptionHandler((ex, given) -> {
            CommandLine where = ex.getCommandLine();
            where.getErr().println("looplab: " + ErrorLine.of(ex));
            where.getErr().println("see: " + where.getCommandSpec().qualifiedName() + " --help");
            return 2;
        });
        return cli.execute(args);
    }
}
