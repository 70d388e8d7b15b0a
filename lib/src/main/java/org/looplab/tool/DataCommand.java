package org.looplab.tool;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.looplab.Profile;
import org.looplab.data.ArcCanvas;
import org.looplab.data.ArcDataSets;
import org.looplab.data.ArcFilesConfig;
import org.looplab.data.ArcVersions;
import org.looplab.data.DataSetFolder;
import org.looplab.data.DataSetSpec;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.data.PuzzleTask;
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
                        "a named data set: sudoku4, sudoku6, sudoku9-hard, maze11, maze30-hard, the ladder sudoku9-mixed, sudoku6-hard, maze15, maze20, maze25, or the unique-path mazes maze9-unique, maze11-unique, maze15-unique, the hard 9×9 sudoku9-extreme, sudoku9-mixed-30k (sudoku9-mixed with 10× the training puzzles), the generated ARC-like arc-family (`looplab data list`; arc-agi-1 and arc-agi-2 come from build-arc)")
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
            description =
                    "Build an ARC data set from <in>/training and <in>/evaluation task files, with the reference "
                            + "split, augmentations and translation: a catalogue set (--task arc-agi-1 or arc-agi-2, into "
                            + "<out>/<task>[-<profile>]/, where train and eval find it) or an ad-hoc one (--name, into <out>/<name>/).")
    static final class BuildArc implements Callable<Integer> {
        @Option(
                names = "--task",
                description = "catalogue set: arc-agi-1 (files in <out>/arc) or arc-agi-2 (files in <out>/arc2)")
        String task;

        @Option(
                names = "--profile",
                description = "with --task: smoke, cpu or gpu (default: $LOOPLAB_PROFILE, else cpu)")
        String profile;

        @Option(
                names = "--in",
                description =
                        "folder with training/ and evaluation/ (default: the task's folder under --out, else data/arc)")
        Path in;

        // Not "arc": with the default --in data/arc and --out data that would be the input folder itself.
        @Option(names = "--name", description = "ad-hoc set name (default arc-set when no --task)")
        String name;

        @Option(
                names = "--augmentations",
                defaultValue = "8",
                description = "ad-hoc: extra versions per task (reference: 1000; default ${DEFAULT-VALUE})")
        int augmentations;

        @Option(
                names = "--translate",
                negatable = true,
                defaultValue = "true",
                fallbackValue = "true",
                description = "ad-hoc: random offsets of training grids in the canvas, as the reference (default on)")
        boolean translate;

        @Option(names = "--seed", defaultValue = "0", description = "ad-hoc: seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", defaultValue = "data", description = "parent folder (default ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() {
            Path folder;
            PuzzleSplits splits;
            if (task != null) {
                if (name != null) throw new IllegalArgumentException("give --task or --name, not both");
                PuzzleTask t = PuzzleTask.of(task);
                Profile p = profile == null ? Profile.fromEnv() : Profile.parse(profile);
                DataSetSpec spec = t.spec(p);
                if (!(spec.generator() instanceof ArcFilesConfig files))
                    throw new IllegalArgumentException(
                            task + ": not built from ARC task files (try: looplab data build " + task + ")");
                Path source = in != null ? in : out.resolve(files.layout().folder());
                folder = PuzzleDataSets.folder(out, t.id(), p);
                DataSetFolder.checkReplaceable(folder);
                splits = PuzzleDataSets.buildArcFiles(spec, source);
            } else {
                folder = out.resolve(name == null ? "arc-set" : name);
                DataSetFolder.checkReplaceable(folder);
                splits = ArcDataSets.build(
                                folder.getFileName().toString(),
                                in != null ? in : Path.of("data", "arc"),
                                new ArcDataSets.Options(ArcCanvas.REFERENCE, augmentations, translate),
                                seed)
                        .splits();
            }
            splits.write(folder);
            System.out.println("wrote " + folder + " (train " + splits.train().count() + ", test "
                    + splits.test().count() + ", "
                    + ArcVersions.of(splits).versions().size()
                    + " task versions, sha256 " + splits.sha256() + ")");
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
