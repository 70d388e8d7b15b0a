#!/usr/bin/python3
"""Execute LoopLab notebooks through real Jupyter (nbclient) with the project's `java` kernel.

Usage: run_notebooks.py OUT_DIR [--html] [--book] [--timeout S] [NOTEBOOK ...]

Each notebook runs in a fresh kernel started in the notebook's own folder (so `%classpath ../lib/...` resolves
as it does for a user). Any cell error fails that notebook. The executed copy goes to OUT_DIR (and an .html beside
it with --html; the pages load MathJax, require.js and jQuery from OUT_DIR/_static/, copied from Debian's packages,
so they work offline). --book also writes OUT_DIR/index.html, the notebooks in the deck's order with their summaries
and headline numbers (environment/book.py).

While it works it says which cell runs and streams what the notebook's live displays show (a training run's
step, rate, ETA and latest held-out check): one line redrawn in place on a terminal, plain lines in a log. It
prints each notebook's cold start (kernel start to the first cell's result) and writes the timings to
OUT_DIR/timings.json. The last line is `N passed, M failed`; the exit code is non-zero when anything failed.
Run it with Debian's /usr/bin/python3: the `python3` first on PATH may lack Jupyter's modules.
"""
import argparse
import glob
import html
import json
import os
import re
import shutil
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = os.path.dirname(os.path.abspath(__file__))
STATIC = "_static"
# What an exported page loads, from Debian's libjs-mathjax, libjs-requirejs and libjs-jquery (relative to the page).
MATHJAX_FILES = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/input/TeX",
                 "jax/output/CommonHTML", "jax/element", "fonts/HTML-CSS/TeX/woff", "localization/en"]
JS_FILES = {"require.min.js": "/usr/share/javascript/requirejs/require.min.js",
            "jquery.min.js": "/usr/share/javascript/jquery/jquery.min.js"}
MATHJAX_DIR = "/usr/share/javascript/mathjax"


def clock(seconds):
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def short_name(path):
    """`03` for notebooks/03_training_full_unroll.ipynb; the file's stem where it has no number."""
    stem = os.path.basename(path)[: -len(".ipynb")]
    m = re.match(r"(\d+)_", stem)
    return m.group(1) if m else stem


def display_text(data):
    """One line of what a display shows: its HTML's text (tables as `caption; key value; …`), else its text/plain."""
    if "text/html" in data:
        text = re.sub(r"</t[dh]>\s*<t[dh][^>]*>", " ", data["text/html"])
        text = re.sub(r"</tr>|</caption>", "; ", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    elif "text/plain" in data and "image/png" not in data:
        text = data["text/plain"]
    else:
        return ""
    return " ".join(text.split()).strip("; ")


class Progress:
    """The terminal side: which cell runs, for how long, and the latest live display's text."""

    def __init__(self, stream=sys.stdout, tty=None, every=15.0):
        self.out = stream
        self.tty = stream.isatty() if tty is None else tty
        self.every = every  # seconds between plain status lines in a log
        self.lock = threading.Lock()
        self.name = None
        self.cell = self.cells = 0
        self.cell_start = 0.0
        self.status = ""
        self.printed_status = ""
        self.printed_at = 0.0
        self.shown = False  # a redrawn line is on screen
        self.stop = threading.Event()
        if self.tty:
            threading.Thread(target=self._tick, daemon=True).start()

    def _tick(self):
        while not self.stop.wait(1.0):
            with self.lock:
                if self.name:
                    self._redraw()

    def line(self):
        head = f"{self.name} · cell {self.cell}/{self.cells} · {clock(time.time() - self.cell_start)}"
        return head + (f" · {self.status}" if self.status else "")

    def _redraw(self):
        width = shutil.get_terminal_size((120, 20)).columns - 1
        self.out.write("\r\x1b[K" + self.line()[:width])
        self.out.flush()
        self.shown = True

    def _clear(self):
        if self.shown:
            self.out.write("\r\x1b[K")
            self.shown = False

    def cell_started(self, name, cell, cells):
        with self.lock:
            self.name, self.cell, self.cells, self.cell_start = name, cell, cells, time.time()
            self.status = self.printed_status = ""
            if self.tty:
                self._redraw()
            else:
                print(f"{name} · cell {cell}/{cells}", file=self.out, flush=True)

    def show(self, text):
        with self.lock:
            self.status = text
            if self.tty:
                self._redraw()
            elif text and text != self.printed_status and time.time() - self.printed_at >= self.every:
                self._print_status()

    def _print_status(self):
        print(f"{self.line()}", file=self.out, flush=True)
        self.printed_status, self.printed_at = self.status, time.time()

    def cell_finished(self):
        with self.lock:
            if not self.tty and self.status and self.status != self.printed_status:
                self._print_status()  # a log always gets the last thing a live display said

    def say(self, text):
        """A line that stays (PASS/FAIL, cold start, the total)."""
        with self.lock:
            self._clear()
            print(text, file=self.out, flush=True)
            self.name = None

    def close(self):
        self.stop.set()


class LiveClient(NotebookClient):
    """nbclient, telling `Progress` about each code cell and each live display update, and timing the cold start."""

    def __init__(self, nb, progress, name, **kw):
        super().__init__(nb, **kw)
        self.progress = progress
        self.name = name
        self.code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        self.t_kernel_start = self.t_kernel_ready = self.t_first_cell = self.cpu_first_cell = None

    async def async_start_new_kernel(self, **kwargs):
        self.t_kernel_start = time.time()
        return await super().async_start_new_kernel(**kwargs)

    async def async_start_new_kernel_client(self):
        result = await super().async_start_new_kernel_client()
        self.t_kernel_ready = time.time()
        return result

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type == "code":
            self.progress.cell_started(self.name, self.code_cells.index(cell_index) + 1, len(self.code_cells))
        try:
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        finally:
            if cell.cell_type == "code":
                if self.t_first_cell is None:
                    self.t_first_cell = time.time()
                    self.cpu_first_cell = kernel_cpu_seconds(self.km)
                self.progress.cell_finished()

    def process_message(self, msg, cell, cell_index):
        kind = msg.get("msg_type") or msg["header"]["msg_type"]
        content = msg.get("content", {})
        data = content.get("data", {})
        # a live display's update (a training run's status line, a sweep's progress table), or a plain text line
        if kind == "update_display_data" or (kind == "display_data" and list(data) == ["text/plain"]):
            text = display_text(data)
            if text:
                self.progress.show(text)
        return super().process_message(msg, cell, cell_index)

    def timings(self):
        def since_start(t):
            return round(t - self.t_kernel_start, 2) if t and self.t_kernel_start else None
        return {"kernel_ready_s": since_start(self.t_kernel_ready), "first_cell_s": since_start(self.t_first_cell),
                "first_cell_kernel_cpu_s": self.cpu_first_cell}


def kernel_cpu_seconds(km):
    """CPU seconds the kernel process (all its threads) has used, from /proc; None where that cannot be read.
    Unlike wall time it does not grow when other jobs share the cores."""
    try:
        pid = km.provisioner.pid if km.provisioner is not None else km.kernel.pid
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)
    except (AttributeError, OSError, ValueError, IndexError):
        return None


def copy_static(out_dir):
    """The scripts an exported page asks for, next to the pages, so they open offline and from any folder."""
    static = os.path.join(out_dir, STATIC)
    for rel in MATHJAX_FILES:
        src = os.path.join(MATHJAX_DIR, rel)
        dst = os.path.join(static, "mathjax", rel)
        if os.path.isdir(src):
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif os.path.exists(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
    for name, src in JS_FILES.items():
        os.makedirs(static, exist_ok=True)
        shutil.copyfile(src, os.path.join(static, name))


def export_html(nb, path):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(
        mathjax_url=f"{STATIC}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
        require_js_url=f"{STATIC}/require.min.js",
        jquery_url=f"{STATIC}/jquery.min.js",
    )
    body, _ = exporter.from_notebook_node(nb)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def run_one(path, out_dir, timeout, html_page, progress):
    nb = nbformat.read(path, as_version=4)
    client = LiveClient(
        nb,
        progress,
        short_name(path),
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
    if html_page:
        export_html(nb, os.path.join(out_dir, name[: -len(".ipynb")] + ".html"))
    return error, client.timings()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--book", action="store_true", help="also write OUT_DIR/index.html (implies --html)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_intermixed_args()
    html_pages = args.html or args.book
    notebooks = args.notebooks or sorted(glob.glob(os.path.join(HERE, "..", "notebooks", "*.ipynb")))
    if html_pages:
        copy_static(args.out_dir)
    progress = Progress()
    timings_file = os.path.join(args.out_dir, "timings.json")
    try:
        with open(timings_file, encoding="utf-8") as f:
            timings = json.load(f)
    except (OSError, ValueError):
        timings = {}
    passed = failed = 0
    for path in notebooks:
        start = time.time()
        error, t = run_one(path, args.out_dir, args.timeout, html_pages, progress)
        took = time.time() - start
        name = os.path.basename(path)
        t.update(wall_s=round(took, 1), passed=error is None, profile=os.environ.get("LOOPLAB_PROFILE") or "cpu")
        timings[name[: -len(".ipynb")]] = t
        if t["first_cell_s"] is not None:
            cpu = t["first_cell_kernel_cpu_s"]
            progress.say(f"cold start {name}: kernel ready {t['kernel_ready_s']:.1f} s, first cell's result "
                         f"{t['first_cell_s']:.1f} s after the kernel was started"
                         + (f" (kernel CPU time {cpu:.1f} s)" if cpu is not None else ""))
        if error is None:
            passed += 1
            progress.say(f"PASS {name} ({took:.0f} s)")
        else:
            failed += 1
            progress.say(f"FAIL {name} ({took:.0f} s)\n{error}")
    progress.close()
    os.makedirs(args.out_dir, exist_ok=True)
    with open(timings_file, "w", encoding="utf-8") as f:
        json.dump(timings, f, indent=1)
    if args.book:
        sys.path.insert(0, HERE)
        import book
        index = book.write(args.out_dir)
        print(f"book: {index}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not notebooks else 0


if __name__ == "__main__":
    sys.exit(main())
