package org.looplab.data;

import java.util.Arrays;
import java.util.Optional;

/** Breadth-first search: the shortest start→goal path through non-wall cells (4-neighbour moves). */
public final class MazeSolver {
    private MazeSolver() {}

    /** Steps from start to every cell (-1 where unreachable). */
    public static int[] distancesFromStart(Maze maze) {
        int n = maze.size();
        int[] dist = new int[n * n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n * n];
        int head = 0;
        int tail = 0;
        int start = maze.start();
        dist[start] = 0;
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
                if (dist[next] >= 0 || maze.get(next) == Maze.WALL) continue;
                dist[next] = dist[cell] + 1;
                queue[tail++] = next;
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
