package org.looplab.sweep.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SlurmClient} through the {@code sbatch} and {@code squeue} commands on the PATH ({@code SLURM_CONF} is honoured). */
public final class SlurmCommands implements SlurmClient {

    @Override
    public String submit(Path script, List<String> args) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(args);
        command.add(script.toString());
        String out = run(command).trim();
        // --parsable prints "JOBID" or "JOBID;CLUSTER"
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("[0-9]+"))
            throw new IllegalStateException("sbatch " + script + ": unexpected answer '" + out + "'");
        return id;
    }

    @Override
    public Map<String, String> queue() {
        Map<String, String> jobs = new LinkedHashMap<>();
        for (String line : run(List.of("squeue", "--noheader", "--array", "--me", "--states=all", "--format=%i|%T"))
                .split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0)
                jobs.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
        }
        return jobs;
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0)
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (exit " + rc + "): " + out.strip());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    command.get(0) + ": cannot run it (is Slurm's client installed and on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + ": interrupted", e);
        }
    }
}
