package org.looplab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -cp 'lib/target/notebook-classpath/*:bench/target/looplab-bench.jar' org.looplab.bench.McpBench}: MCP
 * throughput of {@code looplab serve}. It starts the server as a child process, as a desktop agent would, completes
 * the MCP handshake, and then writes {@code --calls} {@code solve_sudoku} requests to its stdin as fast as it can
 * without waiting for any answer, while a reader takes the replies. It prints calls per second (first request written
 * to last reply read), p50/p99 latency (a request's line written to its reply read), how many answers were verified,
 * a digest of all answers (equal digests: the same answers), and what the server used: the cores it may use, its CPU
 * time over the wall time, and its peak thread count (Linux /proc; "n/a" elsewhere).
 */
@Command(
        name = "McpBench",
        mixinStandardHelpOptions = true,
        description = "Concurrent solve_sudoku calls to looplab serve over MCP (stdio).")
public final class McpBench implements Callable<Integer> {
    @Option(
            names = "--calls",
            defaultValue = "10000",
            description = "calls in flight at once (default ${DEFAULT-VALUE})")
    int calls;

    @Option(
            names = "--checkpoint",
            defaultValue = "data/checkpoints/trm-att-sudoku4",
            description = "the model the server loads (default ${DEFAULT-VALUE})")
    Path checkpoint;

    @Option(names = "--side", defaultValue = "4", description = "Sudoku side of the puzzles (default ${DEFAULT-VALUE})")
    int side;

    @Option(
            names = "--distinct",
            defaultValue = "1000",
            description = "distinct generated puzzles, sent round robin (default ${DEFAULT-VALUE})")
    int distinct;

    @Option(
            names = "--server-classpath",
            description = "class path the server runs from (default: this JVM's, i.e. this checkout's lib)")
    String serverClasspath;

    @Option(names = "--java-option", description = "a JVM option for the server (repeatable; default -Xmx1g)")
    List<String> javaOptions = new ArrayList<>(List.of("-Xmx1g"));

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(new CommandLine(new McpBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(checkpoint)) throw new IllegalArgumentException("no checkpoint folder " + checkpoint);
        List<String> puzzles = puzzles();
        System.out.println("machine: " + BenchMachine.describe());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        cmd.addAll(List.of(
                "-cp",
                serverClasspath != null ? serverClasspath : System.getProperty("java.class.path"),
                "org.looplab.tool.LoopLabCli",
                "serve",
                "--checkpoint",
                checkpoint.toAbsolutePath().toString()));
        Path stderr = Files.createTempFile("mcp-bench-server", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
        pb.environment().put("DJL_OFFLINE", "true");
        Process server = pb.start();
        try {
            Replies replies = new Replies(server, calls + 1);
            OutputStream in = server.getOutputStream();
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-bench\",\"version\":\"1\"}}}");
            replies.await(1, 300, stderr);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            // Warm-up outside the clock: the first calls pay for JIT compilation and libtorch's first kernels.
            int warmup = Math.min(64, puzzles.size());
            for (int i = 0; i < warmup; i++) send(in, request(-1 - i, puzzles.get(i)));
            replies.awaitWarmup(warmup, 1800, stderr); // generous: a busy machine is slow, not broken

            ServerUse before = ServerUse.of(server.pid());
            long start = System.nanoTime();
            for (int i = 1; i <= calls; i++) {
                replies.sentAt[i] = System.nanoTime();
                in.write((request(i, puzzles.get((i - 1) % puzzles.size())) + "\n").getBytes(StandardCharsets.UTF_8));
                if (i % 64 == 0) in.flush();
            }
            in.flush();
            replies.await(calls + 1, 3600, stderr);
            double seconds = (replies.last - start) / 1e9;
            ServerUse after = ServerUse.of(server.pid());
            in.close();
            server.waitFor(60, TimeUnit.SECONDS);

            double[] ms = new double[calls];
            for (int i = 1; i <= calls; i++) ms[i - 1] = (replies.answeredAt[i] - replies.sentAt[i]) / 1e6;
            Arrays.sort(ms);
            double cpu = after.cpuSeconds() - before.cpuSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "MCP solve_sudoku: %d calls in flight at once, %s (%dx%d, %d distinct puzzles)%n",
                    calls,
                    checkpoint.getFileName(),
                    side,
                    side,
                    puzzles.size());
            System.out.printf(Locale.ROOT, "  calls/s        %.1f (%.2f s)%n", calls / seconds, seconds);
            System.out.printf(
                    Locale.ROOT,
                    "  latency ms     p50 %.0f, p99 %.0f, max %.0f%n",
                    ms[rank(ms.length, 0.50)],
                    ms[rank(ms.length, 0.99)],
                    ms[ms.length - 1]);
            System.out.printf(
                    Locale.ROOT,
                    "  answers        %d verified of %d, %d errors; digest %s%n",
                    replies.verified.get(),
                    calls,
                    replies.errors.get(),
                    replies.digest());
            System.out.printf(
                    Locale.ROOT,
                    "  server         %d cores available, %s cores used (CPU time / wall time), %s threads at peak%n",
                    Runtime.getRuntime().availableProcessors(),
                    Double.isNaN(cpu) ? "n/a" : String.format(Locale.ROOT, "%.2f", cpu / seconds),
                    replies.peakThreads < 0 ? "n/a" : String.valueOf(replies.peakThreads));
            return replies.errors.get() == 0 ? 0 : 1;
        } finally {
            server.destroy();
        }
    }

    /** The nearest-rank percentile's index (as SolverBenchmark; kept here so this file also runs on its own). */
    private static int rank(int n, double q) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(q * n) - 1));
    }

    private List<String> puzzles() {
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(side));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(distinct, calls); i++)
            out.add(gen.generate(1, i).puzzle().text());
        return out;
    }

    private static String request(long id, String puzzle) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"solve_sudoku\","
                + "\"arguments\":{\"puzzle\":\"" + puzzle + "\"}}}";
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The server's CPU time so far (utime + stime from /proc, at 100 ticks a second); NaN off Linux. */
    private record ServerUse(double cpuSeconds) {
        static ServerUse of(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new ServerUse((Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
            } catch (IOException | RuntimeException e) {
                return new ServerUse(Double.NaN);
            }
        }
    }

    /** Reads the server's replies on a thread of its own, noting when each numbered call was answered. */
    private static final class Replies {
        final long[] sentAt;
        final long[] answeredAt;
        final String[] answers;
        final AtomicInteger verified = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger warmed = new AtomicInteger();
        final CountDownLatch initialized = new CountDownLatch(1);
        final AtomicInteger answered = new AtomicInteger();
        final long pid;
        volatile long last;
        volatile int peakThreads = -1;
        private final Object lock = new Object();

        Replies(Process server, int slots) {
            this.sentAt = new long[slots];
            this.answeredAt = new long[slots];
            this.answers = new String[slots];
            this.pid = server.pid();
            Thread reader = new Thread(() -> read(server), "mcp-bench-replies");
            reader.setDaemon(true);
            reader.start();
            Thread threads = new Thread(this::sampleThreads, "mcp-bench-threads");
            threads.setDaemon(true);
            threads.start();
        }

        private void read(Process server) {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    long now = System.nanoTime();
                    JsonNode msg = JSON.readTree(line);
                    if (!msg.has("id") || msg.get("id").isNull()) continue;
                    long id = msg.get("id").asLong();
                    if (id == 0) {
                        initialized.countDown();
                    } else if (id < 0) {
                        warmed.incrementAndGet();
                    } else {
                        JsonNode result = msg.path("result");
                        if (msg.has("error") || result.path("isError").asBoolean(false)) {
                            errors.incrementAndGet();
                            answers[(int) id] = "error";
                        } else {
                            JsonNode answer = result.path("structuredContent");
                            if (answer.path("verified").asBoolean(false)) verified.incrementAndGet();
                            answers[(int) id] = answer.path("solution").asText();
                        }
                        answeredAt[(int) id] = now;
                        last = now;
                        answered.incrementAndGet();
                    }
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                }
            } catch (IOException e) {
                System.err.println("mcp-bench: reading replies: " + e.getMessage());
            }
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        private void sampleThreads() {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            while (true) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("Threads:")) {
                            peakThreads = Math.max(
                                    peakThreads,
                                    Integer.parseInt(line.substring(8).trim()));
                        }
                    }
                    Thread.sleep(50);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    return;
                }
            }
        }

        /** Waits for the handshake (n == 1) or for all n - 1 numbered calls. */
        void await(int n, int timeoutSeconds, Path stderr) throws Exception {
            long until = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            synchronized (lock) {
                while ((n == 1 ? initialized.getCount() > 0 : answered.get() < n - 1) && System.nanoTime() < until)
                    lock.wait(200);
            }
            if (n == 1 ? initialized.getCount() > 0 : answered.get() < n - 1) {
                throw new IllegalStateException("looplab serve answered " + answered.get() + " of " + (n - 1)
                        + " calls in " + timeoutSeconds + " s; its stderr:\n" + Files.readString(stderr));
            }
        }

        void awaitWarmup(int n, int timeoutSeconds, Path stderr) throws Exception {
            long until = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            synchronized (lock) {
                while (warmed.get() < n && System.nanoTime() < until) lock.wait(200);
            }
            if (warmed.get() < n)
                throw new IllegalStateException("warm-up unanswered; server stderr:\n" + Files.readString(stderr));
        }

        /** SHA-256 over the answers in call order: the same digest, the same answers. */
        String digest() throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 1; i < answers.length; i++) sha.update((answers[i] + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
    }
}
