#!/usr/bin/python3
"""Protocol tests: drive the REAL kernel process through Jupyter's own client (jupyter_client).

The in-process JUnit tests cover evaluation; these cover what only the running jar can show: the kernelspec,
ZeroMQ messaging, display_data/execute_result/error messages, interrupt over the control channel, the kernel's
working directory (Jupyter sets it to the notebook's folder) and shutdown.

Run it through run-protocol-tests.sh, which installs the kernelspec into a temporary JUPYTER_PATH first.
Needs Debian's python3-jupyter-client, so use /usr/bin/python3 (the pyenv `python3` on PATH lacks it).
Prints one line per check and a last line "N passed, M failed"; exits 1 if any check failed. Names given as
arguments (a check's name without check_, e.g. out_of_memory) run only those checks.
"""
import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time

from jupyter_client import KernelManager

REPLY_TIMEOUT = 60          # seconds; the first cell also runs the default imports (about 1.5 s here)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def build_greeter_jar(folder):
    """deps/greeter.jar under folder, holding demo.Greeter.hello() == "hi", built with the JDK's javac and jar."""
    src = os.path.join(folder, "src")
    classes = os.path.join(folder, "classes")
    os.makedirs(os.path.join(src, "demo"))
    os.makedirs(os.path.join(folder, "deps"))
    with open(os.path.join(src, "demo", "Greeter.java"), "w") as f:
        f.write('package demo; public class Greeter { public static String hello() { return "hi"; } }\n')
    subprocess.run(["javac", "-d", classes, os.path.join(src, "demo", "Greeter.java")], check=True)
    subprocess.run(["jar", "cf", os.path.join(folder, "deps", "greeter.jar"), "-C", classes, "."], check=True)


class Cell:
    """What one execute_request produced: the shell reply and the iopub outputs, in order."""

    def __init__(self, reply, outputs):
        self.reply = reply
        self.outputs = outputs

    def of_type(self, msg_type):
        return [m["content"] for m in self.outputs if m["msg_type"] == msg_type]

    def describe(self):
        return "reply=%s outputs=%s" % (self.reply.get("status"), [
            (m["msg_type"], sorted(m["content"].get("data", {}).keys()) or m["content"].get("ename")) for m in self.outputs])


def wait_for_reply(kc, msg_id, timeout=REPLY_TIMEOUT):
    deadline = time.time() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def collect(kc, msg_id, timeout=REPLY_TIMEOUT):
    """The reply and outputs of request msg_id, reading iopub until the kernel goes idle for it."""
    outputs = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] in ("execute_result", "display_data", "update_display_data", "error", "stream"):
            outputs.append(msg)
    return Cell(wait_for_reply(kc, msg_id, timeout), outputs)


def run(kc, code, timeout=REPLY_TIMEOUT):
    return collect(kc, kc.execute(code), timeout)


def png_width(data):
    raw = base64.b64decode(data)
    assert raw.startswith(PNG_SIGNATURE), "not a PNG"
    return struct.unpack(">I", raw[16:20])[0]             # IHDR width


# ---- the checks: each raises AssertionError with what it saw ----

def check_kernel_info(kc, km):
    msg_id = kc.kernel_info()
    info = wait_for_reply(kc, msg_id)
    assert info["language_info"]["name"] == "Java", info["language_info"]


def check_stdout(kc, km):
    cell = run(kc, 'System.out.println("hello from java")')
    text = "".join(s["text"] for s in cell.of_type("stream") if s["name"] == "stdout")
    assert cell.reply["status"] == "ok" and "hello from java" in text, cell.describe()


def check_png_last_expression(kc, km):
    cell = run(kc, "new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)")
    results = cell.of_type("execute_result")
    assert len(results) == 1 and "image/png" in results[0]["data"], cell.describe()
    assert png_width(results[0]["data"]["image/png"]) == 3


def check_png_display(kc, km):
    cell = run(kc, "display(new java.awt.image.BufferedImage(5, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));")
    shown = cell.of_type("display_data")
    assert len(shown) == 1 and png_width(shown[0]["data"]["image/png"]) == 5, cell.describe()
    assert not cell.of_type("execute_result"), "the trailing ';' should hide display()'s id: " + cell.describe()


def check_html_display(kc, km):
    cell = run(kc, 'display("<b>x</b>", "text/html");')
    shown = cell.of_type("display_data")
    assert len(shown) == 1 and shown[0]["data"].get("text/html") == "<b>x</b>", cell.describe()


def check_update_display(kc, km):
    cell = run(kc, 'String shownId = display("first");\nupdateDisplay(shownId, "second");')
    shown, updated = cell.of_type("display_data"), cell.of_type("update_display_data")
    assert len(shown) == 1 and len(updated) == 1, cell.describe()
    assert shown[0]["transient"]["display_id"] == updated[0]["transient"]["display_id"], cell.describe()
    assert updated[0]["data"]["text/plain"] == "second", updated[0]


def check_render_last_expression(kc, km):
    cell = run(kc, 'render("# Title", "text/markdown")')
    results = cell.of_type("execute_result")
    assert len(results) == 1 and results[0]["data"].get("text/markdown") == "# Title", cell.describe()


def check_compile_error(kc, km):
    cell = run(kc, 'int wrong = "text";')
    errors = cell.of_type("error")
    assert cell.reply["status"] == "error" and cell.reply["ename"] == "CompilationException", cell.reply
    assert errors and any("incompatible types" in line for line in errors[0]["traceback"]), cell.describe()


def check_runtime_error(kc, km):
    cell = run(kc, 'Integer.parseInt("forty-two")')
    assert cell.reply["status"] == "error" and cell.reply["ename"] == "NumberFormatException", cell.reply
    traceback = "\n".join(cell.of_type("error")[0]["traceback"])
    assert 'java.lang.NumberFormatException: For input string: "forty-two"' in traceback, traceback


def interrupted(kc, km, code):
    """Starts code, interrupts it over the control channel, and returns (reply, seconds from interrupt to reply)."""
    msg_id = kc.execute(code)
    time.sleep(2)                                           # let the cell get going
    started = time.time()
    km.interrupt_kernel()
    cell = collect(kc, msg_id, timeout=30)
    return cell.reply, time.time() - started


def check_interrupt_sleep(kc, km):
    reply, seconds = interrupted(kc, km, "Thread.sleep(60000)")
    assert reply["status"] == "error" and reply["ename"] == "EvaluationInterruptedException", reply
    assert seconds < 10, "took %.1f s" % seconds
    after = run(kc, "1 + 1")
    assert after.of_type("execute_result")[0]["data"]["text/plain"] == "2", after.describe()


def check_interrupt_busy_loop(kc, km):
    run(kc, "var spins = new java.util.concurrent.atomic.AtomicLong();")
    reply, _ = interrupted(kc, km, "while (true) { spins.incrementAndGet(); }")
    assert reply["ename"] == "EvaluationInterruptedException", reply
    time.sleep(2.5)                                          # past the 1 s grace before Thread.stop()
    first = run(kc, "spins.get()").of_type("execute_result")[0]["data"]["text/plain"]
    time.sleep(0.5)
    second = run(kc, "spins.get()").of_type("execute_result")[0]["data"]["text/plain"]
    assert first == second, "the loop still runs: %s then %s" % (first, second)


def check_interrupt_catch_throwable(kc, km):
    """A cell that catches the stop: busy (no reply) and saying so until it really ends; then the kernel goes on."""
    release = os.path.join(tempfile.gettempdir(), "looplab-release-%d" % os.getpid())
    run(kc, "var held = new java.util.concurrent.atomic.AtomicLong();\n"
            "void unstoppable(java.io.File f) { try { while (!f.exists()) held.incrementAndGet(); }"
            " catch (Throwable t) { unstoppable(f); } }")
    msg_id = kc.execute('unstoppable(new java.io.File("%s"));' % release)
    time.sleep(2)
    km.interrupt_kernel()
    time.sleep(4)                                           # past the 1 s grace and further stops
    outputs, idle = [], False
    while True:                                             # what iopub said so far: a warning, and no idle
        try:
            msg = kc.get_iopub_msg(timeout=0.5)
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
        if msg["msg_type"] == "stream":
            outputs.append(msg["content"]["text"])
    assert not idle, "reported idle while the cell still runs"
    assert "STILL RUNNING" in "".join(outputs), outputs
    km.interrupt_kernel()                                   # another interrupt is taken while it runs
    open(release, "w").close()
    try:
        reply = wait_for_reply(kc, msg_id, timeout=30)
    finally:
        os.remove(release)
    assert reply["status"] == "error" and reply["ename"] == "EvaluationInterruptedException", reply
    first = run(kc, "held.get()").of_type("execute_result")[0]["data"]["text/plain"]
    time.sleep(0.5)
    second = run(kc, "held.get()").of_type("execute_result")[0]["data"]["text/plain"]
    assert first == second, "still running after its reply: %s then %s" % (first, second)


def assert_refused_and_alive(kc, code, says):
    """The cell fails with a SecurityException that says `says`, and the kernel answers the next cell."""
    run(kc, "int kept = 41;")
    cell = run(kc, code)
    assert cell.reply["status"] == "error" and cell.reply["ename"] == "SecurityException", cell.describe()
    traceback = "\n".join(cell.of_type("error")[0]["traceback"])
    assert says in traceback, traceback
    after = run(kc, "kept + 1")
    assert after.of_type("execute_result")[0]["data"]["text/plain"] == "42", after.describe()


def check_system_exit_refused(kc, km):
    assert_refused_and_alive(kc, "System.exit(0)", "System.exit(0) refused")


def check_security_manager_removal_refused(kc, km):
    assert_refused_and_alive(kc, "System.setSecurityManager(null); System.exit(6);", "System.setSecurityManager refused")


def check_classpath_relative_glob(kc, km):
    added = run(kc, "%classpath deps/*.jar")
    assert added.reply["status"] == "ok", added.describe()
    cell = run(kc, "demo.Greeter.hello()")
    results = cell.of_type("execute_result")
    assert results and results[0]["data"]["text/plain"] == "hi", cell.describe()


def check_unknown_magic(kc, km):
    cell = run(kc, "%system ls")
    traceback = "\n".join(cell.of_type("error")[0]["traceback"]) if cell.of_type("error") else ""
    assert cell.reply["status"] == "error" and "'system'" in traceback, cell.describe() + traceback


# ---- %maven and friends. The kernel's own local repository is a temporary folder; what the build downloaded is read
# from the user's ~/.m2 as Maven 3.9's read-only "tail" (see main()), so nothing here needs or touches the network
# except the lookups that are meant to fail.

USER_REPOSITORY = os.path.expanduser("~/.m2/repository")
GSON = "com/google/code/gson/gson/2.11.0/gson-2.11.0.jar"                 # all three are kernel build dependencies
CODEC = "commons-codec/commons-codec/1.21.0/commons-codec-1.21.0.jar"
JEROMQ = "org/zeromq/jeromq/0.6.0/jeromq-0.6.0.jar"


class Skip(Exception):
    pass


def needs_local(*jars):
    missing = [j for j in jars if not os.path.isfile(os.path.join(USER_REPOSITORY, j))]
    if missing:
        raise Skip("not in %s (build the kernel first): %s" % (USER_REPOSITORY, ", ".join(missing)))


def text_result(cell):
    results = cell.of_type("execute_result")
    return results[0]["data"]["text/plain"] if results else None


def errors_of(cell):
    return "\n".join("\n".join(e["traceback"]) for e in cell.of_type("error"))


def check_maven_cached_artifact(kc, km):
    needs_local(GSON)
    started = time.time()
    cell = run(kc, "%maven com.google.code.gson:gson:2.11.0")
    took = time.time() - started
    assert cell.reply["status"] == "ok", cell.describe() + errors_of(cell)
    cell = run(kc, "new com.google.gson.Gson().toJson(List.of(1, 2))")
    assert text_result(cell) == "[1,2]", cell.describe()
    where = text_result(run(kc, "com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().getPath()"))
    assert where.endswith(GSON), "the notebook's gson should come from the local repository: " + where
    print("     %%maven of a cached artifact (gson, first use of the resolver): %.2f s" % took)


def check_maven_unknown_artifact(kc, km):
    cell = run(kc, "%maven org.looplab.missing:nothing:1.0", timeout=120)
    text = errors_of(cell)
    assert cell.reply["status"] == "error", cell.describe()
    assert "cannot resolve org.looplab.missing:nothing:1.0" in text and "central" in text, text
    assert text_result(run(kc, "6 * 7")) == "42", "the kernel is still usable"


def check_maven_unreachable_repository(kc, km):
    assert run(kc, "%mavenRepo nowhere http://127.0.0.1:9/maven2/").reply["status"] == "ok"
    cell = run(kc, "%maven org.looplab.missing:elsewhere:2.0", timeout=120)
    text = errors_of(cell)
    assert cell.reply["status"] == "error", cell.describe()
    assert "org.looplab.missing:elsewhere" in text and "nowhere (http://127.0.0.1:9/maven2/" in text, text
    assert text_result(run(kc, "6 * 7")) == "42", "the kernel is still usable"


def write_notebook(path, *code_cells):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["Shared imports, as d2l-java's utils/ has them."]}]
    cells += [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
               "source": [line for line in code.splitlines(True)]} for code in code_cells]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, f)


def check_load_notebook_that_uses_maven(kc, km):
    needs_local(CODEC)
    write_notebook(os.path.join(NOTEBOOK_DIR, "utils", "codec-imports.ipynb"),
                   "%maven commons-codec:commons-codec:1.21.0",
                   "import org.apache.commons.codec.digest.DigestUtils;")
    cell = run(kc, "%load utils/codec-imports")                     # no extension, as d2l-java writes it
    assert cell.reply["status"] == "ok", cell.describe() + errors_of(cell)
    cell = run(kc, 'DigestUtils.sha256Hex("abc")')
    assert text_result(cell) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", cell.describe()


def check_load_from_pom_cell(kc, km):
    needs_local(JEROMQ)
    cell = run(kc, "%%loadFromPOM\n<properties><zmq.version>0.6.0</zmq.version></properties>\n"
                   "<dependency><groupId>org.zeromq</groupId><artifactId>jeromq</artifactId>"
                   "<version>${zmq.version}</version></dependency>")
    assert cell.reply["status"] == "ok", cell.describe() + errors_of(cell)
    where = text_result(run(kc, "org.zeromq.ZMQ.class.getProtectionDomain().getCodeSource().getLocation().getPath()"))
    assert where.endswith(JEROMQ), "the notebook's jeromq, not the kernel's relocated one: %s" % where


def check_time(kc, km):
    cell = run(kc, "%time Thread.sleep(200)")
    out = "".join(s["text"] for s in cell.of_type("stream") if s["name"] == "stdout")
    assert cell.reply["status"] == "ok" and "Wall time: " in out, cell.describe() + out
    seconds = float(out.split("Wall time: ")[1].split()[0])
    assert 0.2 <= seconds < 30, out


def check_completion(kc, km):
    msg_id = kc.complete("Math.ab", 7)
    reply = wait_for_reply(kc, msg_id)
    assert reply["status"] == "ok" and "abs(" in reply["matches"], reply
    assert reply["cursor_start"] == 5 and reply["cursor_end"] == 7, reply


def check_is_complete(kc, km):
    reply = wait_for_reply(kc, kc.is_complete("for (int i = 0; i < 3; i++) {"))
    assert reply["status"] == "incomplete", reply
    reply = wait_for_reply(kc, kc.is_complete("int done = 1;"))
    assert reply["status"] == "complete", reply


CHECKS = [check_kernel_info, check_stdout, check_png_last_expression, check_png_display, check_html_display,
          check_update_display, check_render_last_expression, check_compile_error, check_runtime_error,
          check_interrupt_sleep, check_interrupt_busy_loop, check_interrupt_catch_throwable, check_system_exit_refused,
          check_security_manager_removal_refused,
          check_classpath_relative_glob, check_unknown_magic,
          check_maven_cached_artifact, check_maven_unknown_artifact, check_maven_unreachable_repository,
          check_load_notebook_that_uses_maven, check_load_from_pom_cell, check_time,
          check_completion, check_is_complete]


# ---- a second kernel with a small heap and a small output limit: what a cell may not do to the kernel ----

LIMITS_HEAP = "-Xmx128m"
LIMITS_OUTPUT_MB = 1


def check_out_of_memory(kc, km):
    """A cell that fills the heap fails with a message saying so; the next cell sees the variables from before."""
    run(kc, "int survivor = 41;")
    started = time.time()
    cell = run(kc, "{ var hog = new java.util.ArrayList<long[]>(); while (true) hog.add(new long[1 << 16]); }",
               timeout=120)
    assert cell.reply["status"] == "error" and cell.reply["ename"] == "CellOutOfMemory", cell.describe()
    traceback = "\n".join(cell.of_type("error")[0]["traceback"])
    assert "OutOfMemoryError (Java heap space): the cell used more than the kernel's heap (" in traceback, traceback
    assert "the kernel's state is kept" in traceback, traceback
    after = run(kc, "survivor + 1")
    assert after.of_type("execute_result")[0]["data"]["text/plain"] == "42", after.describe()
    print("  (the cell failed %.1f s after it started)" % (time.time() - started), flush=True)


def check_out_of_memory_held_by_a_variable(kc, km):
    """The heap stays full (a variable holds it): the failure says so, and nulling the variable frees it."""
    run(kc, "int keeper = 6; var heap = new java.util.ArrayList<long[]>();")
    cell = run(kc, "while (true) heap.add(new long[1 << 16]);", timeout=120)
    assert cell.reply["status"] == "error" and cell.reply["ename"] == "CellOutOfMemory", cell.describe()
    traceback = "\n".join(cell.of_type("error")[0]["traceback"])
    assert "The notebook's variables still hold" in traceback, traceback
    freed = run(kc, "heap = null;", timeout=120)
    assert freed.reply["status"] == "ok", freed.describe()
    after = run(kc, "keeper * 7")
    assert after.of_type("execute_result")[0]["data"]["text/plain"] == "42", after.describe()


def check_output_truncated(kc, km):
    """A cell printing 50 times the limit ends quickly, its output cut at the limit by one line, its result shown."""
    started = time.time()
    cell = run(kc, 'for (int i = 0; i < 4_000_000; i++) System.out.println("line number " + i);\n"done"',
               timeout=120)
    seconds = time.time() - started
    assert cell.reply["status"] == "ok", cell.describe()
    text = "".join(s["text"] for s in cell.of_type("stream") if s["name"] == "stdout")
    limit = LIMITS_OUTPUT_MB << 20
    line = "[output truncated after %d MB: the rest of this cell's output is dropped; " \
           "LOOPLAB_KERNEL_OUTPUT_MB sets the limit]\n" % LIMITS_OUTPUT_MB
    assert text.endswith(line), text[-300:]
    assert text.startswith("line number 0\n") and limit <= len(text.encode()) <= limit + len(line) + 1, len(text)
    assert cell.of_type("execute_result")[0]["data"]["text/plain"] == "done", cell.describe()
    assert seconds < 60, "took %.1f s" % seconds
    print("  (%.1f s for %d MB printed, %d stream messages)" % (seconds, 4_000_000 * 21 >> 20,
                                                               len(cell.of_type("stream"))), flush=True)
    again = run(kc, 'System.out.println("next cell"); System.err.println("its stderr");')
    streams = [(s["name"], s["text"]) for s in again.of_type("stream")]
    assert streams == [("stdout", "next cell\n"), ("stderr", "its stderr\n")], streams


LIMIT_CHECKS = [check_out_of_memory, check_out_of_memory_held_by_a_variable, check_output_truncated]


def check_orphan_exits():
    """A kernel whose parent (JPY_PARENT_PID) dies exits by itself within seconds, instead of running on."""
    from jupyter_client.connect import write_connection_file
    from jupyter_client.kernelspec import KernelSpecManager
    folder = tempfile.mkdtemp(prefix="looplab-orphan-")
    parent = subprocess.Popen(["sleep", "300"])
    kernel = None
    try:
        connection, _ = write_connection_file(os.path.join(folder, "kernel.json"))
        argv = [a.replace("{connection_file}", connection) for a in KernelSpecManager().get_kernel_spec("java").argv]
        kernel = subprocess.Popen(argv, cwd=folder, env=dict(os.environ, JPY_PARENT_PID=str(parent.pid)),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(3)
        assert kernel.poll() is None, "the kernel did not start: %s" % kernel.stderr.read()
        parent.kill()
        parent.wait()
        try:
            kernel.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise AssertionError("still running 15 s after its parent died")
        err = kernel.stderr.read().decode()
        assert "parent process %d is gone" % parent.pid in err, err
    finally:
        if kernel is not None and kernel.poll() is None:
            kernel.kill()
        if parent.poll() is None:
            parent.kill()
        shutil.rmtree(folder, ignore_errors=True)


NOTEBOOK_DIR = tempfile.mkdtemp(prefix="looplab-protocol-")


def run_checks(kc, km, checks, counts):
    for check in checks:
        name = check.__name__[len("check_"):]
        try:
            check(kc, km)
            counts["passed"] += 1
            print("PASS %s" % name, flush=True)
        except Skip as e:
            counts["skipped"] += 1
            print("SKIP %s: %s" % (name, e), flush=True)
        except Exception as e:                              # AssertionError, or a timeout waiting for a message
            counts["failed"] += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e), flush=True)


def run_limit_checks(checks, counts):
    """LIMIT_CHECKS on a kernel of their own, started with a small heap and output limit so that they are quick."""
    folder = tempfile.mkdtemp(prefix="looplab-limits-")
    km = KernelManager(kernel_name="java")
    try:
        env = dict(os.environ, JAVA_TOOL_OPTIONS=LIMITS_HEAP, LOOPLAB_KERNEL_OUTPUT_MB=str(LIMITS_OUTPUT_MB))
        km.start_kernel(cwd=folder, env=env)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=REPLY_TIMEOUT)
        run_checks(kc, km, checks, counts)
        kc.stop_channels()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        shutil.rmtree(folder, ignore_errors=True)


def selected(checks, names):
    return [c for c in checks if not names or c.__name__[len("check_"):] in names]


def main(names):
    """Runs every check, or only those named (without check_) on the command line."""
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    notebook_dir = NOTEBOOK_DIR
    km = None
    try:
        if selected(CHECKS, names):
            build_greeter_jar(notebook_dir)
            km = KernelManager(kernel_name="java")
            # %maven writes into a throw-away local repository and reads the build's downloads from ~/.m2 (the tail)
            env = dict(os.environ, JAVA_TOOL_OPTIONS="-Dmaven.repo.local=%s -Dmaven.repo.local.tail=%s" % (
                os.path.join(notebook_dir, "m2"), USER_REPOSITORY))
            km.start_kernel(cwd=notebook_dir, env=env)      # as Jupyter does: the kernel runs in the notebook's folder
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=REPLY_TIMEOUT)
            run_checks(kc, km, selected(CHECKS, names), counts)
            if not names:
                started = time.time()
                kc.shutdown()
                while km.is_alive() and time.time() - started < 15:
                    time.sleep(0.2)
                if km.is_alive():
                    counts["failed"] += 1
                    print("FAIL shutdown: the kernel was still running 15 s after shutdown_request")
                else:
                    counts["passed"] += 1
                    print("PASS shutdown (%.1f s)" % (time.time() - started))
            kc.stop_channels()
        if selected(LIMIT_CHECKS, names):
            run_limit_checks(selected(LIMIT_CHECKS, names), counts)
        if not names:
            try:
                check_orphan_exits()
                counts["passed"] += 1
                print("PASS orphan_exits", flush=True)
            except Exception as e:
                counts["failed"] += 1
                print("FAIL orphan_exits: %s: %s" % (type(e).__name__, e), flush=True)
    finally:
        if km is not None and km.has_kernel:
            km.shutdown_kernel(now=True)
        shutil.rmtree(notebook_dir, ignore_errors=True)
    skipped = counts["skipped"]
    print("%d passed, %d failed%s" % (counts["passed"], counts["failed"], ", %d skipped" % skipped if skipped else ""))
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
