#!/usr/bin/python3
"""How long %maven takes for artifacts already in the local repository: starts the built kernel, warms JShell with
one cell, then times %maven cells (the first one also builds the resolver). Run it with the network cut off to check
offline use, e.g. on Linux without root:

    unshare -rn sh -c 'ip link set lo up && bash environment/kernel/maven-timing.sh'

Prints one line per cell: seconds, status, code. Exits 1 if a cell failed.
"""
import sys
import time

from jupyter_client import KernelManager

CELLS = [
    "%maven com.google.code.gson:gson:2.11.0",              # first use: builds the resolver
    "%maven commons-codec:commons-codec:1.21.0",
    "%maven org.zeromq:jeromq:0.6.0",
]


def execute(kc, code):
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_shell_msg(timeout=300)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def main():
    km = KernelManager(kernel_name="java")
    km.start_kernel()
    failed = 0
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        execute(kc, "1 + 1")                                    # JShell's own start-up is not %maven's
        for code in CELLS + ["new com.google.gson.Gson().toJson(List.of(1))"]:
            started = time.time()
            reply = execute(kc, code)
            failed += reply["status"] != "ok"
            print("%6.2f s  %-5s  %s%s" % (time.time() - started, reply["status"], code,
                                          "" if reply["status"] == "ok" else "  " + reply.get("evalue", "")), flush=True)
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
