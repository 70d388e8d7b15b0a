package org.looplab.data;

import java.util.Arrays;
import java.util.Optional;

/** Breadth-first search: the shortest start→goal path through non-wall cells (4-neighbour moves). */
public final class MazeSolver {
    private MazeSolver() {}

    /** Steps from start to every cell (-1 where unreachable). */
    public static int[] distancesFromStart(Maze maze) {
        return search(maze, null);
    }

    /**
     * How many shortest paths lead from start to each cell (0 where unreachable; saturating at
     * {@link Long#MAX_VALUE}). A maze's label is well defined only where the goal's count is 1: with ties, any
     * tie-break in {@link #solve} is arbitrary and does not turn with the maze under the dihedral augmentation.
     */
    public static long[] shortestPathCounts(Maze maze) {
        long[] counts = new long[maze.size() * maze.size()];
        search(maze, counts);
        return counts;
    }

    /** Number of distinct shortest start→goal paths (0 when the goal cannot be reached). */
    public static long shortestPathCount(Maze maze) {
        return shortestPathCounts(maze)[maze.goal()];
    }

    /**
     * Breadth-first search from start; fills {@code counts} (when given) with each cell's number of shortest paths.
     * Cells leave the queue in order of distance, so every predecessor of a cell (one step closer) has added its
     * count before the cell itself is expanded.
     */
    private static int[] search(Maze maze, long[] counts) {
        int n = maze.size();
        int[] dist = new int[n * n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n * n];
        int head = 0;
        int tail = 0;
        int start = maze.start();
        dist[start] = 0;
        if (counts != null) counts[start] = 1;
        queue[tail++] = start;
        while (head < tail) {
            int cell = queue[head++];
            int r = cell / n;
            int c = cell % n;
            for (int k = 0; k < 4; k++) {
                int nr = r + DR[k];
                int nc = c + DC[k];
                if (nr < 0 || nc < 0 || nr >= n || nc >= n) continue;
                int next = nr * n + nc;
                if (maze.get(next) == Maze.WALL) continue;
                if (dist[next] < 0) {
                    dist[next] = dist[cell] + 1;
                    queue[tail++] = next;
                }
                if (counts != null && dist[next] == dist[cell] + 1) {
                    long sum = counts[next] + counts[cell];
                    counts[next] = sum < 0 ? Long.MAX_VALUE : sum;
                }
            }
        }
        return dist;
    }

    static final int[] DR = {-1, 1, 0, 0};
    static final int[] DC = {0, 0, -1, 1};

    /** Number of steps of a shortest path, or empty when the goal cannot be reached. */
    public static Optional<Integer> shortestLength(Maze maze) {
        int d = distancesFromStart(maze)[maze.goal()];
        return d < 0 ? Optional.empty() : Optional.of(d);
    }

    /**
     * The label: the maze with {@link Maze#PATH} on the cells of one shortest path between start and goal
     * (ties broken by the fixed neighbour order up, down, left, right, walking back from the goal).
     *
     * @throws IllegalArgumentException when the goal cannot be reached
     */
    public static Maze solve(Maze maze) {
        int n = maze.size();
        int[] dist = distancesFromStart(maze);
        int cell = maze.goal();
        if (dist[cell] < 0) throw new IllegalArgumentException("maze has no path from start to goal");
        byte[] label = maze.withoutPath().cells();
        while (dist[cell] > 1) {
            int r = cell / n;
            int c = cell % n;
            for (int k = 0; k < 4; k++) {
                int nr = r + DR[k];
                int nc = c + DC[k];
                if (nr < 0 || nc < 0 || nr >= n || nc >= n) continue;
                int prev = nr * n + nc;
                if (dist[prev] == dist[cell] - 1) {
                    cell = prev;
                    break;
                }
            }
            label[cell] = Maze.PATH;
        }
        return new Maze(n, label);
    }
}
