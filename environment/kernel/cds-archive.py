#!/usr/bin/python3
"""Writes a class-data-sharing archive for the kernel's JVM: starts the kernel once with -XX:ArchiveClassesAtExit,
runs a notebook's usual first cells (the %classpath line, an import, an expression), shuts it down cleanly, and
keeps the archive. The kernelspec then starts the JVM with -XX:SharedArchiveFile, so the classes of the JDK's
compiler and JShell, Jupyter's messaging and the kernel come mapped from the archive instead of being loaded and
verified again at every kernel start.

Usage: cds-archive.py JAVA KERNEL_JAR ARCHIVE NOTEBOOK_DIR   (exit 0 and an archive, or exit 1 and a reason)
"""
import json
import os
import shutil
import sys
import tempfile
import time


def main(java, jar, archive, notebook_dir):
    from jupyter_client.manager import KernelManager
    work = tempfile.mkdtemp(prefix="looplab-cds-")
    try:
        spec = os.path.join(work, "kernels", "java")
        os.makedirs(spec)
        partial = archive + ".partial"
        with open(os.path.join(spec, "kernel.json"), "w") as f:
            json.dump({"argv": [java, f"-XX:ArchiveClassesAtExit={partial}", "-Djava.security.manager=allow",
                                "-jar", jar, "{connection_file}"],
                       "display_name": "Java", "language": "java", "interrupt_mode": "message"}, f)
        os.environ["JUPYTER_PATH"] = work
        km = KernelManager(kernel_name="java")
        km.start_kernel(cwd=notebook_dir, stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        cells = ["1 + 1"]
        if os.path.isdir(os.path.join(notebook_dir, "..", "lib", "target", "notebook-classpath")):
            cells = ["%classpath ../lib/target/notebook-classpath/*.jar", "import org.looplab.Profile;",
                     "Profile.fromEnv()", "display(\"x\");"]
        for code in cells:
            reply = kc.execute_interactive(code, timeout=300, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell {code!r} failed in the archive run: {reply['content']}")
        kc.shutdown()
        process = km.provisioner.process
        deadline = time.time() + 300  # the JVM writes the archive as it exits
        while process.poll() is None and time.time() < deadline:
            time.sleep(0.2)
        kc.stop_channels()
        if process.poll() is None:
            km.shutdown_kernel(now=True)
            raise RuntimeError("the kernel did not exit within 300 s of shutdown")
        km.cleanup_resources()
        if not os.path.exists(partial):
            raise RuntimeError("the JVM wrote no archive")
        os.replace(partial, archive)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    try:
        main(*sys.argv[1:])
    except Exception as e:  # the archive only speeds the start up: say why there is none, and go on without it
        print(f"no class-data-sharing archive for the kernel ({type(e).__name__}: {e})", file=sys.stderr)
        sys.exit(1)
