package org.looplab.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * {@code %time code} and {@code %%time} (JJava's): runs the rest of the line, or the rest of the cell, then prints how
 * long it took, as JJava does: CPU time of the cell's thread (user, system) and wall time. Its value is shown, and
 * returned, so {@code var x = %time f()} works.
 */
final class TimeMagic implements LineMagic<Object, LoopLabKernel>, CellMagic<Object, LoopLabKernel> {

    /** %time where jjava sees a line magic (line start, or after {@code =}): what follows is Java, passed on verbatim. */
    private static final Pattern TIME_LINE =
            Pattern.compile("^((?:[^\\n]*=)?[ \\t]*%time)[ \\t]+(\\S.*)$", Pattern.MULTILINE);

    /**
     * Quotes the code after each {@code %time} so that jjava's magic parser passes it on as one argument, verbatim:
     * its splitter would otherwise drop the quotes and backslashes of the code's string literals.
     */
    static String quoteTimedCode(String source) {
        if (!source.contains("%time") || source.startsWith("%%")) {
            return source; // a cell magic's body is quoted when it is run
        }
        Matcher m = TIME_LINE.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = m.group(2).replace("\\", "\\\\").replace("\"", "\\\"");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + " \"" + code + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public Object eval(LoopLabKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new MagicArgumentException("time", "usage: %time <code>, or %%time on a cell's first line");
        }
        return timed(kernel, String.join(" ", args));
    }

    @Override
    public Object eval(LoopLabKernel kernel, List<String> args, String body) {
        return timed(kernel, body);
    }

    private static Object timed(LoopLabKernel kernel, String code) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long userStart = cpu ? threads.getCurrentThreadUserTime() : 0;
        long wallStart = System.nanoTime();
        Object value;
        try {
            value = kernel.evalRaw(code);
        } finally {
            long wall = System.nanoTime() - wallStart;
            StringBuilder report = new StringBuilder();
            if (cpu) {
                long total = threads.getCurrentThreadCpuTime() - cpuStart;
                long user = Math.min(total, threads.getCurrentThreadUserTime() - userStart); // read apart: may cross
                report.append(String.format(
                        "CPU times: user %.3f s, sys %.3f s, total %.3f s%n",
                        user / 1e9, (total - user) / 1e9, total / 1e9));
            }
            report.append(String.format("Wall time: %.3f s%n", wall / 1e9));
            System.out.print(report); // one write: one stream message, not a dozen
            System.out.flush();
        }
        if (value != null) {
            kernel.display(kernel.getRenderer().render(value)); // after the times, as IPython shows Out
        }
        return value;
    }
}
