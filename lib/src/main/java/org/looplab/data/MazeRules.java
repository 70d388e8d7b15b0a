package org.looplab.data;

import java.util.ArrayDeque;

/**
 * Judges a predicted label. Valid: the prediction equals the input except that some open cells are marked
 * {@link Maze#PATH}, and those cells connect start to goal (4-neighbour moves). Optimal: valid and the number of
 * marked cells is exactly the shortest length minus one. Then the marks are a shortest path with nothing extra,
 * because any start→goal walk through them needs at least that many. Several shortest paths may exist; any one
 * of them is correct, even though the exact-match metric compares with the label's.
 */
public final class MazeRules {
    private MazeRules() {}

    /** The verdict and, when not optimal, why. */
    public record Verdict(boolean valid, boolean optimal, String problem) {}

    public static Verdict check(Maze input, byte[] predicted) {
        int n = input.size();
        if (predicted.length != n * n)
            return new Verdict(false, false, "prediction has " + predicted.length + " cells, maze " + n * n);
        int marked = 0;
        for (int i = 0; i < predicted.length; i++) {
            int want = input.get(i);
            int got = predicted[i];
            if (got == Maze.PATH && want == Maze.OPEN) {
                marked++;
            } else if (got != want) {
                return new Verdict(
                        false,
                        false,
                        "row " + (i / n + 1) + ", column " + (i % n + 1) + " is " + got + ", input has " + want);
            }
        }
        boolean[] seen = new boolean[n * n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int start = input.start();
        int goal = input.goal();
        seen[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            if (cell == goal) break;
            for (int k = 0; k < 4; k++) {
                int r = cell / n + MazeSolver.DR[k];
                int c = cell % n + MazeSolver.DC[k];
                if (r < 0 || c < 0 || r >= n || c >= n) continue;
                int next = r * n + c;
                if (!seen[next] && (predicted[next] == Maze.PATH || next == goal)) {
                    seen[next] = true;
                    queue.add(next);
                }
            }
        }
        if (!seen[goal]) return new Verdict(false, false, "marked cells do not connect start to goal");
        int shortest = MazeSolver.shortestLength(input).orElseThrow();
        if (marked != shortest - 1) {
            return new Verdict(true, false, "path marks " + marked + " cells, a shortest path has " + (shortest - 1));
        }
        return new Verdict(true, true, "");
    }
}
