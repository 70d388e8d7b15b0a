package org.looplab.data;

import java.util.Random;
import org.looplab.provenance.Seeds;

/**
 * Seeded N×N maze generator. Corridors run through a lattice of cells at odd coordinates (a border of wall
 * all round; for even N the last inner row and column stay wall too). A randomized depth-first search carves a
 * spanning tree (one route between any two cells), then {@code loopFraction} of the remaining walls between
 * neighbouring lattice cells are opened, so mazes have alternative, longer routes and "shortest" matters.
 * Start is a random open cell, goal a random open cell at least {@code minPathLength} steps away (up to 8 starts
 * per maze, then a new maze) until the shortest path reaches
 * {@code minPathLength}; with {@code uniqueShortestPath} the goal is drawn only among cells that exactly one shortest
 * path reaches. Maze {@code index} of {@code seed} depends on nothing else (parallel, reproducible).
 */
public final class MazeGenerator {

    /** An input maze, its label (one shortest path marked) and the path length in steps. */
    public record Generated(Maze maze, Maze label, int pathLength, int tries) {}

    private final MazeGeneratorConfig config;

    public MazeGenerator(MazeGeneratorConfig config) {
        this.config = config;
    }

    public MazeGeneratorConfig config() {
        return config;
    }

    public Generated generate(long seed, long index) {
        for (int t = 0; t < config.maxTries(); t++) {
            Random random = Seeds.random(seed, "maze" + config.size() + "/" + index + "/" + t);
            byte[] corridors = carve(random);
            for (int s = 0; s < STARTS_PER_MAZE; s++) {
                Maze maze = placeStartAndGoal(corridors, random);
                if (maze == null) continue;
                int length = MazeSolver.shortestLength(maze)
                        .orElseThrow(() -> new IllegalStateException("generated maze without a path"));
                return new Generated(maze, MazeSolver.solve(maze), length, t + 1);
            }
        }
        throw new IllegalStateException(
                "no " + config.size() + "×" + config.size() + " maze with a path of >= " + config.minPathLength()
                        + " steps in " + config.maxTries() + " tries (seed " + seed + ", index " + index + ")");
    }

    private static final int STARTS_PER_MAZE = 8;

    private byte[] carve(Random random) {
        int n = config.size();
        int k = (n - 1) / 2; // lattice cells per side
        byte[] cells = new byte[n * n];
        java.util.Arrays.fill(cells, Maze.WALL);
        boolean[] visited = new boolean[k * k];
        int[] stack = new int[k * k];
        int top = 0;
        int first = random.nextInt(k * k);
        visited[first] = true;
        stack[top++] = first;
        open(cells, n, first / k, first % k);
        int[] options = new int[4];
        while (top > 0) {
            int cur = stack[top - 1];
            int i = cur / k;
            int j = cur % k;
            int count = 0;
            for (int d = 0; d < 4; d++) {
                int ni = i + MazeSolver.DR[d];
                int nj = j + MazeSolver.DC[d];
                if (ni >= 0 && nj >= 0 && ni < k && nj < k && !visited[ni * k + nj]) options[count++] = d;
            }
            if (count == 0) {
                top--;
                continue;
            }
            int d = options[random.nextInt(count)];
            int ni = i + MazeSolver.DR[d];
            int nj = j + MazeSolver.DC[d];
            cells[(2 * i + 1 + MazeSolver.DR[d]) * n + 2 * j + 1 + MazeSolver.DC[d]] = Maze.OPEN; // wall between
            open(cells, n, ni, nj);
            visited[ni * k + nj] = true;
            stack[top++] = ni * k + nj;
        }
        // Loops: walls between two lattice neighbours, in a fixed scan order so the draw sequence is reproducible.
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (j + 1 < k) knock(cells, (2 * i + 1) * n + 2 * j + 2, random);
                if (i + 1 < k) knock(cells, (2 * i + 2) * n + 2 * j + 1, random);
            }
        }
        return cells;
    }

    /**
     * A random open start, then a goal drawn uniformly from the open cells at least {@code minPathLength} steps
     * away; null when the start has none. Drawing the goal among far cells instead of rejecting random pairs keeps
     * 30×30 Maze-Hard generation fast (random pairs pass "> 110" about once in a hundred).
     */
    private Maze placeStartAndGoal(byte[] corridors, Random random) {
        int n = config.size();
        int openCount = 0;
        for (byte b : corridors) if (b == Maze.OPEN) openCount++;
        int s = random.nextInt(openCount);
        int start = -1;
        for (int c = 0, seen = 0; c < corridors.length; c++) {
            if (corridors[c] == Maze.OPEN && seen++ == s) {
                start = c;
                break;
            }
        }
        byte[] probe = corridors.clone();
        probe[start] = Maze.START;
        int other = start == 0 ? 1 : 0;
        byte keep = probe[other];
        probe[other] = Maze.GOAL; // a placeholder goal, only so the BFS sees a valid maze
        Maze probeMaze = new Maze(n, probe);
        int[] dist = MazeSolver.distancesFromStart(probeMaze);
        long[] ways = config.uniqueShortestPath() ? MazeSolver.shortestPathCounts(probeMaze) : null;
        probe[other] = keep;
        int far = 0;
        for (int c = 0; c < dist.length; c++) if (goalCandidate(corridors, dist, ways, c)) far++;
        if (far == 0) return null;
        int g = random.nextInt(far);
        for (int c = 0, seen = 0; c < dist.length; c++) {
            if (goalCandidate(corridors, dist, ways, c) && seen++ == g) {
                probe[c] = Maze.GOAL;
                return new Maze(n, probe);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Far enough from the start, and (for unique-path sets) reached by exactly one shortest path. */
    private boolean goalCandidate(byte[] corridors, int[] dist, long[] ways, int c) {
        return corridors[c] == Maze.OPEN && dist[c] >= config.minPathLength() && (ways == null || ways[c] == 1);
    }

    private void knock(byte[] cells, int wall, Random random) {
        // Always draw, open or not, so one change of loopFraction does not reshuffle every later draw.
        boolean hit = random.nextDouble() < config.loopFraction();
        if (hit && cells[wall] == Maze.WALL) cells[wall] = Maze.OPEN;
    }

    private static void open(byte[] cells, int n, int i, int j) {
        cells[(2 * i + 1) * n + 2 * j + 1] = Maze.OPEN;
    }
}
