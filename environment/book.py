"""The offline book: DIR/index.html over the executed notebooks in DIR (written by run_notebooks.py --book).

The notebooks appear in the deck's order: a notebook's place is the lowest slide its text names ("Slide 05"); one
that names none follows the notebook before it. Each gets its title and first paragraph (from its own first
markdown cell), its headline numbers read from its executed outputs (HEADLINES says which table cell or text line
to read, never what it says; a figure that is not there reads "not in this run"), its pass/fail and wall time, and
a link to its HTML page. Nothing on the page is fetched from anywhere.
"""
import datetime
import glob
import html
import json
import os
import re
from html.parser import HTMLParser

import nbformat

# label, then where to read it:
#   ("table", caption regex, row, column header regex or None for the last column, format): row is a regex over the
#       row's cells joined by " | ", None for the first row, or "*max" for the row with the largest value in the column;
#       the format gets {v} (the cell), {pct} (the cell, a fraction, as a percentage), {count} (the cell, a whole
#       number, with thousands separators) and {row} (the row's first cell)
#   ("rows", caption regex, format): the table's row count as {n}
#   ("text", regex with one group): over the text outputs (render, display of a string, Markdown, stdout)
HEADLINES = {
    "00": [
        ("device", ("table", r"^This lab$", r"^device \|", None, "{v}")),
        ("engine", ("table", r"^This lab$", r"^engine \|", None, "{v}")),
        ("fastest float32 matmul", ("table", r"matmul", "*max", r"GFLOP/s", "{v} GFLOP/s at n = {row}")),
    ],
    "01": [
        ("test rows whose class occurs in train", ("text", r"test rows whose class occurs in train: (\d+)")),
        ("hard 9×9 test puzzle 0", ("text", r"test puzzle 0 of sudoku9-hard: (.*)")),
        ("hard 9×9 difficulty", ("table", r"^Data sets$", r"^sudoku9-hard \|", r"^mean difficulty", "{v} backtracks on average")),
    ],
    "02": [
        ("TRM-MLP parameters (paper config)", ("table", r"^Parameters on", r"^TRM-MLP", r"built here", "{count}")),
        ("HRM parameters (paper config)", ("table", r"^Parameters on", r"^HRM \|", r"built here", "{count}")),
        ("TRM depth per supervision step", ("table", r"^Compute depth", r"^TRM", r"depth \(ours\)", "{v} layers ({row})")),
    ],
    "03": [
        ("full recursion: held-out exact, N_sup", ("table", r"^held-out accuracy", r"^full recursion", r"^exact", "{v}%")),
        ("1-step gradient: held-out exact, N_sup", ("table", r"^held-out accuracy", r"^1-step", r"^exact", "{v}%")),
        ("full recursion: held-out per cell", ("table", r"^held-out accuracy", r"^full recursion", r"^cell", "{v}%")),
    ],
    "04": [
        ("9×9 measured halting", ("text", r"\*\*Measured\*\* \(.*?\):\s+(easy[^.]*)")),
        ("9×9 ρ (difficulty, halting step)", ("table", r"^The deck's shape, measured · 9×9, by propagation", r"^Spearman", None, "{v}")),
        ("9×9 hard/easy halting step", ("table", r"^The deck's shape, measured · 9×9, by propagation", r"^hard/easy", None, "{v}")),
        ("9×9 in the deck's shape?", ("table", r"^The deck's shape, measured · 9×9, by propagation", r"^deck's shape", None, "{v}")),
        ("9×9 adaptive halting: exact", ("table", r"^Compute saved", r"^adaptive", r"^accuracy$", "{pct}")),
        ("9×9 adaptive halting: mean steps", ("table", r"^Compute saved", r"^adaptive", r"^mean steps$", "{v}")),
        ("6×6 in the deck's shape?", ("table", r"^The deck's shape, measured · 6×6", r"^deck's shape", None, "{v}")),
    ],
    "05": [
        ("9×9 puzzles traced", ("rows", r"^Traced puzzles", "{n}")),
    ],
    "06": [
        ("sweep", ("text", r"(trained \d+, resumed \d+, read from cache \d+, still pending \d+)")),
        ("MLP vs attention (held-out exact)", ("table", r"^attention vs MLP", None, r"^our MLP$", "{row}: MLP {v}")),
        ("attention", ("table", r"^attention vs MLP", None, r"^our attention$", "{v}")),
        ("verdict", ("table", r"^is the gap", None, r"what the data supports", "{v}")),
    ],
    "07": [
        ("9×9 model", ("table", r"^models loaded", r"sudoku9", r"^accuracy$", "{v}")),
        ("minimal 9×9 puzzles verified", ("table", r"^verified by level", r"^9x9 \| minimal \|", r"^verified$", "{v}")),
        ("9×9, ≥ 20 backtracks, verified", ("table", r"^verified by level", r"^9x9 \| minimal, ≥ 20", r"^verified$", "{v}")),
        ("minimal 6×6 puzzles verified", ("table", r"^verified by level", r"^6x6 \| minimal", r"^verified$", "{v}")),
        ("after bad requests", ("text", r"after the bad requests: (.*)")),
    ],
}


class _Tables(HTMLParser):
    """Every <table> in an HTML fragment: caption, header row, body rows (cell texts)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell, self._row, self._in_caption = [], None, None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "header": [], "rows": []})
        elif not self.tables:
            return
        elif tag == "caption":
            self._in_caption = True
        elif tag in ("thead", "tbody"):
            self._in_head = tag == "thead"
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if not self.tables:
            return
        t = self.tables[-1]
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            # a header row: only <th>, before any body row, in a table with a <thead>
            if not t["rows"] and not t["header"] and self._in_head:
                t["header"] = self._row
            else:
                t["rows"].append(self._row)
            self._row = None

    _in_head = False

    def handle_data(self, data):
        if self._in_caption and self.tables:
            self.tables[-1]["caption"] += data
        elif self._cell is not None:
            self._cell += data


def outputs(nb):
    """(tables, texts) of a notebook's outputs, in order."""
    tables, texts = [], []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if out.get("output_type") == "stream":
                texts.append(out.get("text", ""))
            if "text/html" in data:
                p = _Tables()
                p.feed(data["text/html"])
                tables.extend(p.tables)
                texts.append(html.unescape(re.sub(r"<[^>]+>", " ", data["text/html"])))
            if "text/markdown" in data:
                texts.append(data["text/markdown"])
            if "text/plain" in data and "image/png" not in data:
                texts.append(data["text/plain"])
    return tables, texts


def as_percent(value):
    """`0.9977` → `99.8%` (a fraction as the tables show it); a value that is no number stays as it is."""
    try:
        f = float(value)
    except ValueError:
        return value
    p = f * 100
    for decimals in (1, 2, 3):
        text = f"{p:.{decimals}f}"
        if not ((float(text) == 100 and f < 1) or (float(text) == 0 and f > 0)):
            break
    return text + "%"


def read_headline(where, tables, texts):
    """The text `where` points at, formatted by its format ({v}: the cell, {pct}: it as a percentage, {row}: the
    row's first cell), or None when the executed notebook does not have it."""
    if where[0] == "text":
        for text in texts:
            m = re.search(where[1], text)
            if m:
                return " ".join(m.group(1).split())
        return None
    if where[0] == "rows":
        for t in tables:
            if re.search(where[1], t["caption"].strip(), re.I):
                return where[2].format(n=len(t["rows"]))
        return None
    _, caption, row, column, fmt = where
    for t in tables:
        if not re.search(caption, t["caption"].strip(), re.I) or not t["rows"]:
            continue
        col = len(t["rows"][0]) - 1
        if column is not None:
            hits = [i for i, h in enumerate(t["header"]) if re.search(column, h, re.I)]
            if not hits:
                continue
            col = hits[0]
        rows = [r for r in t["rows"] if col < len(r)]
        if row == "*max":
            def number(r):
                try:
                    return float(r[col].replace(",", ""))
                except ValueError:
                    return float("-inf")
            rows = sorted(rows, key=number, reverse=True)
        elif row is not None:
            rows = [r for r in rows if re.search(row, " | ".join(r), re.I)]
        if rows:
            r = rows[0]
            whole = r[col].replace(",", "")
            return fmt.format(v=r[col], pct=as_percent(r[col]), row=r[0],
                              count=f"{int(whole):,}" if whole.isdigit() else r[col])
    return None


def describe(path):
    nb = nbformat.read(path, as_version=4)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    first = markdown[0] if markdown else ""
    title = next((line[2:].strip() for line in first.splitlines() if line.startswith("# ")),
                 os.path.basename(path))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", first) if p.strip() and not p.startswith("#")]
    summary = " ".join(paragraphs[0].split()) if paragraphs else ""
    slides = [int(n) for n in re.findall(r"\b[Ss]lides? ?-?0?(\d+)\b", "\n".join(markdown))]
    tables, texts = outputs(nb)
    stem = os.path.basename(path)[: -len(".ipynb")]
    key = stem.split("_")[0]
    headlines = [(label, read_headline(where, tables, texts)) for label, where in HEADLINES.get(key, [])]
    errors = sum(1 for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error")
    return {"stem": stem, "title": title, "summary": summary, "slide": min(slides) if slides else None,
            "headlines": headlines, "errors": errors}


def deck_order(entries):
    """By the lowest slide named; a notebook naming none keeps its place after the one before it (file order)."""
    key, keyed = 0, []
    for i, e in enumerate(entries):
        key = e["slide"] if e["slide"] is not None else key
        keyed.append(((key, i), e))
    return [e for _, e in sorted(keyed, key=lambda x: x[0])]


def md_inline(text):
    """Enough Markdown for a summary paragraph: escape, then `code`, **bold**, *italic*, [links](…) as text."""
    s = html.escape(text)
    s = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", s)
    s = re.sub(r"(?<![*\w])\*([^*]+)\*(?!\w)", r"<em>\1</em>", s)
    return s


STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { margin-bottom: 0.2em; } .meta { color: #666; font-size: 0.9em; }
section { border-top: 1px solid #ddd; padding: 0.8em 0; }
section h2 { font-size: 1.2em; margin: 0.2em 0; } section h2 .slide { color: #888; font-weight: normal; font-size: 0.8em; }
table.numbers { border-collapse: collapse; margin: 0.4em 0; font-size: 0.95em; }
table.numbers th { text-align: left; font-weight: normal; color: #555; padding: 0.1em 1em 0.1em 0; }
table.numbers td { font-variant-numeric: tabular-nums; }
.fail { color: #b00; font-weight: bold; } .pass { color: #070; } .missing { color: #999; font-style: italic; }
code { background: #f4f4f4; padding: 0 0.2em; }
"""


def write(out_dir):
    out_dir = os.path.abspath(out_dir)
    try:
        with open(os.path.join(out_dir, "timings.json"), encoding="utf-8") as f:
            timings = json.load(f)
    except (OSError, ValueError):
        timings = {}
    paths = sorted(p for p in glob.glob(os.path.join(out_dir, "*.ipynb")) if re.match(r"\d+_", os.path.basename(p)))
    entries = deck_order([describe(p) for p in paths])
    # the profile each notebook ran with, as the runner recorded it
    profiles = sorted({timings.get(e["stem"], {}).get("profile") or "unknown" for e in entries}) or ["unknown"]
    profile = ", ".join(profiles)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LoopLab: the notebooks</title>"
             f"<style>{STYLE}</style></head><body><h1>LoopLab: the notebooks</h1>"
             f"<p class=\"meta\">Executed with profile <code>{html.escape(profile)}</code>; page written "
             f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}; in the deck's order. Every number below is read "
             f"from the executed notebook; every page opens offline.</p>"]
    for e in entries:
        t = timings.get(e["stem"], {})
        page = e["stem"] + ".html"
        link = f"<a href=\"{html.escape(page)}\">{html.escape(e['title'])}</a>" \
            if os.path.exists(os.path.join(out_dir, page)) else html.escape(e["title"])
        slide = f" <span class=\"slide\">slide {e['slide']:02d}</span>" if e["slide"] is not None else ""
        status = ""
        if "passed" in t:
            status = (f"<span class=\"pass\">ran</span>" if t["passed"] and not e["errors"]
                      else f"<span class=\"fail\">failed</span>") + f" in {t.get('wall_s', 0):.0f} s"
            if t.get("first_cell_s") is not None:
                status += f"; first cell's result {t['first_cell_s']:.1f} s after kernel start"
        rows = "".join(
            f"<tr><th>{html.escape(label)}</th><td>"
            + (html.escape(value) if value else "<span class=\"missing\">not in this run</span>") + "</td></tr>"
            for label, value in e["headlines"])
        parts.append(f"<section id=\"nb{html.escape(e['stem'][:2])}\"><h2>{link}{slide}</h2>"
                     f"<p>{md_inline(e['summary'])}</p>"
                     + (f"<table class=\"numbers\">{rows}</table>" if rows else "")
                     + (f"<p class=\"meta\">{status}</p>" if status else "") + "</section>")
    parts.append("</body></html>\n")
    index = os.path.join(out_dir, "index.html")
    with open(index, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return index
