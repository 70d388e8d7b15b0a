package org.looplab.tool;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.looplab.Profile;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code looplab data build|list}: the named default data sets. */
@Command(
        name = "data",
        description = "Build the lab's named data sets.",
        subcommands = {
            DataCommand.Build.class,
            DataCommand.BuildArc.class,
            DataCommand.ListSets.class,
            DataCommand.Check.class
        })
final class DataCommand {

    @Command(
            name = "build",
            description =
                    "Build a named data set into <out>/<name>/ (cpu profile) or <out>/<name>-<profile>/, atomically. "
                            + "Replaces only a folder that LoopLab's data build wrote and that holds nothing else.")
    static final class Build implements Callable<Integer> {
        @Parameters(
                paramLabel = "NAME",
                description =
                        "a named data set: sudoku4, sudoku6, sudoku9-hard, maze11, maze30-hard, the ladder sudoku9-mixed, sudoku6-hard, maze15, maze20, maze25, or the unique-path mazes maze9-unique, maze11-unique, maze15-unique (`looplab data list`)")
        String name;

        @Option(names = "--out", defaultValue = "data", description = "parent folder (default ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--profile", description = "smoke, cpu or gpu (default: $LOOPLAB_PROFILE, else cpu)")
        String profile;

        @Override
        public Integer call() {
            Profile p = profile == null ? Profile.fromEnv() : Profile.parse(profile);
            Path folder = PuzzleDataSets.folder(out, name, p);
            PuzzleSplits splits = DataSetFolder.build(name, p, out);
            System.out.println("wrote " + folder + " (" + p.id() + ": train "
                    + splits.train().count() + ", test " + splits.test().count() + ", sha256 " + splits.sha256() + ")");
            return 0;
        }
    }

    @Command(
            name = "build-arc",
            description = "Build an ARC data set from <in>/training and <in>/evaluation task files "
                    + "into <out>/<name>/, with the reference split and augmentations.")
    static final class BuildArc implements Callable<Integer> {
        @Option(
                names = "--in",
                defaultValue = "data/arc",
                description = "folder with training/ and evaluation/ (default ${DEFAULT-VALUE})")
        Path in;

        // Not "arc": with the default --in data/arc and --out data that would be the input folder itself.
        @Option(names = "--name", defaultValue = "arc-set", description = "data set name (default ${DEFAULT-VALUE})")
        String name;

        @Option(
                names = "--augmentations",
                defaultValue = "8",
                description = "extra versions per task (reference: 1000; default ${DEFAULT-VALUE})")
        int augmentations;

        @Option(names = "--seed", defaultValue = "0")
        long seed;

        @Option(names = "--out", defaultValue = "data", description = "parent folder (default ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() {
            Path folder = out.resolve(name);
            DataSetFolder.checkReplaceable(folder);
            var built = org.looplab.data.ArcDataSets.build(name, in, augmentations, seed);
            built.splits().write(folder);
            System.out.println("wrote " + folder + " (train "
                    + built.splits().train().count() + ", test "
                    + built.splits().test().count() + ", " + built.versions().size() + " task versions, sha256 "
                    + built.splits().sha256() + ")");
            return 0;
        }
    }

    @Command(
            name = "check",
            description = "Load a data set folder, verifying its hashes (LoopLab's own, or a TRM/HRM build "
                    + "script's folder with train/dataset.json), and print its counts.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FOLDER")
        Path folder;

        @Override
        public Integer call() {
            boolean trm =
                    java.nio.file.Files.isRegularFile(folder.resolve("train").resolve("dataset.json"));
            PuzzleSplits splits = trm ? org.looplab.data.TrmDataSets.read(folder) : PuzzleSplits.load(folder);
            System.out.println(folder + ": " + splits.manifest().puzzle() + ", vocab "
                    + splits.manifest().vocab() + ", seqLen "
                    + splits.manifest().seqLen() + ", train " + splits.train().count() + ", test "
                    + splits.test().count()
                    + ", sha256 " + splits.sha256());
            return 0;
        }
    }

    @Command(name = "list", description = "List the named data sets.")
    static final class ListSets implements Callable<Integer> {
        @Override
        public Integer call() {
            PuzzleDataSets.NAMES.forEach(System.out::println);
            return 0;
        }
    }
}
