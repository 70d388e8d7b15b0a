package org.looplab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.looplab.kernel.maven.MavenSettings;

/**
 * The Java kernel: jjava-jupyter speaks the Jupyter protocol, {@link JShellEvaluator} runs the cells.
 * <p>
 * Compatible with IJava 1.3: kernelspec name {@code java}, IJava's default imports,
 * {@code display/render/updateDisplay}, the IJAVA_* variables, and the magics people's IJava notebooks use:
 * {@code %classpath}/{@code %jars}, {@code %load} (files and notebooks), {@code %maven}, {@code %mavenRepo},
 * {@code %loadFromPOM}/{@code %%loadFromPOM}, and JJava's {@code %time}/{@code %%time}. Any other magic fails, naming
 * itself.
 * Only one kernel may be started per JVM (jjava keeps it in a static for the notebook statics).
 * <p>
 * Whatever a cell does, the next cell is answered: an OutOfMemoryError anywhere in a cell's run (its code, javac,
 * rendering its value, publishing its output) fails that cell with {@link CellOutOfMemory} and keeps the kernel's
 * variables; a cell's stdout and stderr are cut off past the {@link OutputLimit} ({@link CellOutput}).
 */
public class LoopLabKernel extends BaseKernel {

    /** IJava's line-magic start: a line magic begins a line or follows {@code =} ({@code var jars = %jars a.jar}). */
    private static final String LINE_MAGIC_START = "(?<=(?:^|=))\\s*%";
    /** No fixed black or white, so errors read well in light and dark themes alike (cf. JJava #57). */
    private static final StringStyler ERROR_STYLER = new StringStyler.Builder()
            .addSecondaryStyle(TextColor.BOLD_RED_FG)
            .addHighlightStyle(TextColor.BOLD)
            .addHighlightStyle(TextColor.UNDERLINE)
            .addHighlightStyle(TextColor.RED_FG)
            .build();

    private final JShellEvaluator evaluator;
    private final CodeAssistant assistant;
    private final ErrorFormatter errors;
    private final NotebookStartup startup;
    private final AtomicBoolean started = new AtomicBoolean();
    private final HeapReserve heapReserve = new HeapReserve();
    private final CellOutput output;

    public LoopLabKernel(KernelSettings settings) {
        super(
                "looplab-java",
                version(),
                languageInfo(),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                new MagicParser(LINE_MAGIC_START, "%%", new MagicTranspiler()),
                new MagicsRegistry(),
                false, // JJava extensions (META-INF/services) are not IJava's
                ERROR_STYLER);
        this.evaluator = new JShellEvaluator(settings.compilerOptions(), settings.timeout(), heapReserve::release);
        this.output = new CellOutput(settings.outputLimit(), io.out, io.err);
        HeapWatch.start(evaluator::stopForMemory);
        this.assistant = new CodeAssistant(evaluator::analysis);
        this.errors = new ErrorFormatter(ERROR_STYLER, magicsRegistry);
        ClasspathGlobs classpath = new ClasspathGlobs(settings.workingDirectory());
        this.startup = new NotebookStartup(settings, classpath, evaluator);

        ClasspathMagic classpathMagic = new ClasspathMagic(classpath, evaluator);
        magicsRegistry.registerLineMagic("classpath", classpathMagic);
        magicsRegistry.registerLineMagic("jars", classpathMagic);
        magicsRegistry.registerLineMagic("load", new LoadMagic(settings.workingDirectory()));

        DependencyLoader dependencies = new DependencyLoader(() -> MavenSettings.load(System.getenv()), evaluator);
        MavenMagic maven = new MavenMagic(dependencies);
        for (String name : List.of("maven", "addMavenDependency", "addMavenDependencies")) { // IJava's aliases
            magicsRegistry.registerLineMagic(name, maven);
        }
        MavenRepoMagic mavenRepo = new MavenRepoMagic(dependencies);
        magicsRegistry.registerLineMagic("mavenRepo", mavenRepo);
        magicsRegistry.registerLineMagic("addMavenRepo", mavenRepo);
        LoadFromPomMagic pom = new LoadFromPomMagic(settings.workingDirectory(), dependencies);
        magicsRegistry.registerLineMagic("loadFromPOM", pom);
        magicsRegistry.registerCellMagic("loadFromPOM", pom);
        dependencies.prepareInBackground();
        TimeMagic time = new TimeMagic();
        magicsRegistry.registerLineMagic("time", time);
        magicsRegistry.registerCellMagic("time", time);
    }

    /** The cell's last value as a live object (null if none); magics in the source are run, too. */
    @Override
    public Object evalRaw(String source) {
        if (started.compareAndSet(false, true)) {
            startup.run();
        }
        String rewritten = MavenMagic.joinConsecutiveLines(TimeMagic.quoteTimedCode(source));
        return evaluator.eval(magicParser.resolveMagics(rewritten));
    }

    /**
     * jjava's handler, made to answer whatever happens. It catches only Exception: an Error escaping it (an
     * OutOfMemoryError while the result or the error is published) would end the shell thread, and the kernel would
     * answer nothing more. Here such a failure still gets its error reply, and the kernel goes on.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        heapReserve.take();
        output.startCell();
        try {
            super.handleExecuteRequest(env, request);
        } catch (Throwable t) {
            heapReserve.release();
            replyFailure(env, t instanceof OutOfMemoryError oom ? outOfMemory(oom) : asException(t));
        }
    }

    private void replyFailure(ShellReplyEnvironment env, Exception failure) {
        ErrorReply error = ErrorReply.of(failure);
        error.setExecutionCount(executionCount.get() - 1); // jjava's handler took this cell's number
        try {
            env.publish(PublishError.of(failure, this::formatError));
        } catch (Throwable t) {
            // the reply below still carries the failure
        }
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    /**
     * Evaluates and renders the cell's value; any Error, including one on this (jjava's shell) thread in javac or a
     * renderer, becomes a cell failure rather than escaping jjava's {@code catch (Exception)}.
     */
    @Override
    public DisplayData eval(String expr) {
        try {
            return super.eval(expr);
        } catch (UncaughtError e) {
            throw e.getCause() instanceof OutOfMemoryError oom ? outOfMemory(oom) : e;
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } catch (Error e) {
            throw new UncaughtError(e);
        } finally {
            output.flush(); // what the cell printed goes out before its result
        }
    }

    /** Lets go of the reserve, and says how much of the heap is still held once the cell's garbage is collected. */
    private CellOutOfMemory outOfMemory(OutOfMemoryError e) {
        heapReserve.release();
        Runtime runtime = Runtime.getRuntime();
        runtime.gc(); // rare, and the only way to tell the cell's garbage from what variables still hold
        return CellOutOfMemory.of(e, runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory());
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new UncaughtError((Error) t);
    }

    /** The cell's stdout and stderr go through {@link CellOutput} (gathered into chunks, cut off past the limit). */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        super.replaceOutputStreams(env); // remembers the process's own streams and puts them back after the cell
        System.setOut(output.stdout());
        System.setErr(output.stderr());
    }

    @Override
    public void display(DisplayData data) {
        output.flush(); // what the cell printed before display() shows before it
        super.display(data);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assistant.inspect(code, at, extraDetail);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assistant.complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return assistant.isComplete(code);
    }

    @Override
    public List<String> formatError(Throwable e) {
        return errors.format(e);
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
        output.close();
        super.onShutdown(isRestarting);
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.snippetClassLoader();
    }

    private static String version() {
        String version = LoopLabKernel.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** The same language_info IJava reports, so notebooks saved here carry the metadata IJava would write. */
    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }
}
