#!/usr/bin/python3
"""Execute LoopLab notebooks through real Jupyter (nbclient) with the project's `java` kernel.

Usage: run_notebooks.py OUT_DIR [--html] [--timeout S] [NOTEBOOK ...]

Each notebook runs in a fresh kernel started in the notebook's own folder (so `%classpath ../lib/...` resolves
as it does for a user). Any cell error fails that notebook. The executed copy goes to OUT_DIR (and an .html beside
it with --html). The last line is `N passed, M failed`; the exit code is non-zero when anything failed.
Run it with Debian's /usr/bin/python3: the `python3` first on PATH may lack Jupyter's modules.
"""
import argparse
import glob
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def run_one(path, out_dir, timeout, html):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="java",
        timeout=timeout,
        interrupt_on_timeout=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        error = e
    name = os.path.basename(path)
    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, name))
    if html:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(out_dir, name[: -len(".ipynb")] + ".html"), "w", encoding="utf-8") as f:
            f.write(body)
    return error


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_intermixed_args()
    here = os.path.dirname(os.path.abspath(__file__))
    notebooks = args.notebooks or sorted(glob.glob(os.path.join(here, "..", "notebooks", "*.ipynb")))
    passed = failed = 0
    for path in notebooks:
        start = time.time()
        error = run_one(path, args.out_dir, args.timeout, args.html)
        took = time.time() - start
        if error is None:
            passed += 1
            print(f"PASS {os.path.basename(path)} ({took:.0f} s)", flush=True)
        else:
            failed += 1
            print(f"FAIL {os.path.basename(path)} ({took:.0f} s)\n{error}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not notebooks else 0


if __name__ == "__main__":
    sys.exit(main())
