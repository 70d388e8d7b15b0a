package org.looplab.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.looplab.provenance.OlderForms;

/**
 * How {@link MazeGenerator} makes mazes.
 *
 * @param size          side N of the N×N grid (Maze-Hard: 30)
 * @param minPathLength keep only mazes whose shortest start→goal path has at least this many steps
 * @param loopFraction  share of the remaining inner walls between two corridors knocked down after the tree is
 *                      carved; above 0 a maze has several routes, so "optimal" is more than "valid"
 * @param maxTries      fresh attempts per maze before failing with an error
 * @param uniqueShortestPath draw the goal only among cells with exactly one shortest path from the start, so the
 *                      label (the path) is the one right answer and turns with the maze under augmentation. Off in
 *                      the first sets ({@code maze11}, {@code maze30-hard} and the 15–25 ladder), which keep their
 *                      bytes for the results made on them; left out of the JSON when off, so their recorded specs
 *                      read as before
 */
@OlderForms(MazeGeneratorConfig.Upgrade.class)
public record MazeGeneratorConfig(
        int size,
        int minPathLength,
        double loopFraction,
        int maxTries,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean uniqueShortestPath)
        implements GeneratorConfig {

    /** Specs written before the field existed (and every tie-allowing spec since) leave it out: ties allowed. */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (!stored.has("uniqueShortestPath")) stored.put("uniqueShortestPath", false);
            return stored;
        }
    }

    /** A generator that allows ties between shortest paths (the first maze sets). */
    public MazeGeneratorConfig(int size, int minPathLength, double loopFraction, int maxTries) {
        this(size, minPathLength, loopFraction, maxTries, false);
    }

    /** Maze-Hard keeps 30×30 mazes whose shortest path is longer than 110 steps. */
    public static final int MAZE_HARD_SIZE = 30;

    public static final int MAZE_HARD_MIN_EXCLUSIVE = 110;

    public MazeGeneratorConfig {
        if (size < 5 || size > 30) throw new IllegalArgumentException("maze size must be in 5..30, was " + size);
        if (minPathLength < 1) throw new IllegalArgumentException("minPathLength must be >= 1, was " + minPathLength);
        if (!(loopFraction >= 0 && loopFraction <= 1)) {
            throw new IllegalArgumentException("loopFraction must be in 0..1, was " + loopFraction);
        }
        if (maxTries < 1) throw new IllegalArgumentException("maxTries must be >= 1, was " + maxTries);
    }

    /**
     * The Maze-Hard filter scaled to an N×N grid: path length > 110·N²/900, i.e. the same threshold per cell as
     * Maze-Hard's "> 110 on 30×30" (9×9: >= 10, 11×11: >= 15, 15×15: >= 28, 30×30: >= 111).
     */
    public static int hardMinPathLength(int size) {
        return MAZE_HARD_MIN_EXCLUSIVE * size * size / (MAZE_HARD_SIZE * MAZE_HARD_SIZE) + 1;
    }

    /** A hard maze of side {@code size}: the scaled Maze-Hard threshold, a few loops; ties between paths allowed. */
    public static MazeGeneratorConfig hard(int size) {
        return new MazeGeneratorConfig(size, hardMinPathLength(size), 0.1, 1000);
    }

    /** As {@link #hard}, with exactly one shortest path per maze: exact match then means "found the optimum". */
    public static MazeGeneratorConfig hardUnique(int size) {
        return new MazeGeneratorConfig(size, hardMinPathLength(size), 0.1, 1000, true);
    }
}
