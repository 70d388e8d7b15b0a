#!/usr/bin/python3
"""How long %maven takes for artifacts already in the local repository: starts the built kernel, warms JShell with
one cell, then times %maven cells under %time. Three numbers per cell: the wall time the client saw, the wall time
inside the kernel, and the CPU time of the cell's thread (the resolution runs there, so on an idle machine the wall
time is about this; on a busy one the wall time is mostly waiting for a core). Run it with the network cut off to
check offline use, e.g. on Linux without root:

    unshare -rn sh -c 'ip link set lo up && bash environment/kernel/maven-timing.sh'

Exits 1 if a cell failed.
"""
import sys
import time

from jupyter_client import KernelManager

CELLS = [
    "%time %maven com.google.code.gson:gson:2.11.0",        # the first resolution in this kernel
    "%time %maven commons-codec:commons-codec:1.21.0",
    "%time %maven org.zeromq:jeromq:0.6.0",
    "%time new com.google.gson.Gson().toJson(List.of(1))",  # for scale: a trivial cell
]


def execute(kc, code):
    """The reply and what the cell printed on stdout."""
    msg_id = kc.execute(code)
    out = []
    while True:
        msg = kc.get_iopub_msg(timeout=300)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        msg = kc.get_shell_msg(timeout=300)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"], "".join(out)


def seconds_after(text, label):
    return float(text.split(label)[1].split()[0]) if label in text else float("nan")


def main():
    km = KernelManager(kernel_name="java")
    km.start_kernel()
    failed = 0
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        execute(kc, "1 + 1")                                    # JShell's own start-up is not %maven's
        print("client wall | kernel wall | thread CPU | status | cell")
        for code in CELLS:
            started = time.time()
            reply, out = execute(kc, code)
            failed += reply["status"] != "ok"
            print("%9.2f s | %9.2f s | %8.2f s | %-6s | %s%s" % (
                time.time() - started, seconds_after(out, "Wall time:"), seconds_after(out, "total"),
                reply["status"], code, "" if reply["status"] == "ok" else "  " + reply.get("evalue", "")), flush=True)
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
