#!/usr/bin/python3
"""Browser tests of what a person opens: the offline book and the notebook UI, in headless Chromium (environment/cdp.py).

  browser_tests.py offline-pages DIR
      Loads DIR/index.html and every DIR/NN_*.html with the network off (DevTools network emulation, and every
      host name resolving to nothing). Fails on any failed request, any request that is not a file under DIR, a
      page whose MathJax did not finish loading, and an index link to a missing page.

  browser_tests.py notebook-ui NOTEBOOK OUT_DIR
      Starts `jupyter notebook` (this Python's) on a free 127.0.0.1 port with a random token and the kernelspecs of
      $JUPYTER_PATH, opens a copy of NOTEBOOK (so autosave never writes into notebooks/), clicks Cell > Run All,
      waits for every code cell to finish, and checks the rendered outputs: a PNG image and an HTML table appear,
      no error output. Keeps a screenshot (OUT_DIR/NAME.png) and the server log, then shuts the server down through
      its API and checks it exited.
"""
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from urllib.error import URLError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

OFFLINE_FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files"]


def offline_pages(folder):
    folder = os.path.abspath(folder)
    pages = ["index.html"] + sorted(f for f in os.listdir(folder) if re.match(r"\d+_.*\.html$", f))
    if not os.path.exists(os.path.join(folder, "index.html")):
        raise AssertionError(f"{folder}/index.html is missing")
    problems = []
    with cdp.Chrome(*OFFLINE_FLAGS, log_path=os.path.join(folder, "offline-test-chromium.log")) as chrome:
        # one tab for all pages, each loaded fresh (the cache off), so its events are all that page's
        session, _ = chrome.new_page()
        chrome.send("Network.enable", session=session)
        chrome.send("Network.setCacheDisabled", {"cacheDisabled": True}, session=session)
        chrome.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                         "uploadThroughput": -1}, session=session)
        chrome.send("Page.enable", session=session)
        for page in pages:
            start = time.time()
            chrome.send("Page.navigate", {"url": "about:blank"}, session=session)
            chrome.wait_for(session, "location.href === 'about:blank' && document.readyState === 'complete'", 60,
                            "a blank tab")
            chrome.drain()
            url = "file://" + urllib.parse.quote(os.path.join(folder, page))
            chrome.send("Page.navigate", {"url": url}, session=session)
            chrome.wait_for(session, "document.readyState === 'complete'", 60, f"{page} to load")
            # MathJax loads its parts after the page; the page is done when it says so (or has none)
            mathjax = chrome.wait_for(
                session,
                "typeof MathJax === 'undefined' ? 'none' : (MathJax.isReady && "
                "!(document.getElementById('MathJax_Message') || {}).textContent ? 'ready' : '')",
                60, f"MathJax on {page}")
            if page == "index.html":
                links = chrome.evaluate(session, "[...document.querySelectorAll('a[href]')].map(a => a.href)")
                for link in links:
                    target_file = urllib.parse.unquote(urllib.parse.urlparse(link).path)
                    if link.startswith("file:") and not os.path.exists(target_file):
                        problems.append(f"{page}: link to a missing page {link}")
            time.sleep(0.5)
            requests, failed = {}, []
            for ev in chrome.drain():
                if ev.get("sessionId") != session:
                    continue
                if ev["method"] == "Network.requestWillBeSent":
                    requests[ev["params"]["requestId"]] = ev["params"]["request"]["url"]
                elif ev["method"] == "Network.loadingFailed":
                    failed.append(ev["params"])
            for rid, u in requests.items():
                parsed = urllib.parse.urlparse(u)
                if parsed.scheme == "data":
                    continue
                if parsed.scheme != "file" or parsed.netloc:
                    problems.append(f"{page}: request to another host: {u[:200]}")
                elif not urllib.parse.unquote(parsed.path).startswith(folder + os.sep):
                    problems.append(f"{page}: request outside {folder}: {u[:200]}")
            for f in failed:
                problems.append(f"{page}: failed request {requests.get(f['requestId'], '?')[:200]}: "
                                f"{f.get('errorText')} {f.get('blockedReason', '')}")
            print(f"offline {page}: {len(requests)} requests, {len(failed)} failed, MathJax {mathjax} "
                  f"({time.time() - start:.1f} s)", flush=True)
    if problems:
        raise AssertionError("offline pages:\n  " + "\n  ".join(problems))
    print(f"offline pages: {len(pages)} pages load with the network off, every request a file under {folder}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def notebook_ui(notebook, out_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    out_dir = os.path.abspath(out_dir)
    # A copy beside a link to lib/, so `%classpath ../lib/...` resolves and autosave writes only here.
    root = os.path.join(out_dir, "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "notebooks"))
    os.symlink(os.path.join(repo, "lib"), os.path.join(root, "lib"))
    for extra in ("data", "experiments"):
        os.symlink(os.path.join(repo, extra), os.path.join(root, extra))
    name = os.path.basename(notebook)
    shutil.copyfile(notebook, os.path.join(root, "notebooks", name))
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=os.path.join(out_dir, "runtime"),
               JUPYTER_CONFIG_DIR=os.path.join(out_dir, "config"))
    server_log = open(os.path.join(out_dir, "jupyter-server.log"), "wb")
    cmd = [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--port-retries=0", f"--NotebookApp.token={token}", "--NotebookApp.password=",
           f"--notebook-dir={root}", "--NotebookApp.open_browser=False"]
    if os.geteuid() == 0:  # containers and CI often run as root, which the server refuses without this
        cmd.append("--allow-root")
    started = time.time()
    server = subprocess.Popen(cmd, stdout=server_log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}", timeout=5) as r:
                    specs = json.load(r)["kernelspecs"]
                break
            except (URLError, ConnectionError, OSError):
                if server.poll() is not None or time.time() > deadline:
                    raise AssertionError(f"jupyter notebook did not start; see {server_log.name}")
                time.sleep(0.5)
        if "java" not in specs:
            raise AssertionError(f"the server has no `java` kernelspec (has {sorted(specs)}); is JUPYTER_PATH set?")
        print(f"notebook UI: jupyter notebook up on 127.0.0.1:{port} in {time.time() - started:.1f} s", flush=True)
        with cdp.Chrome("--window-size=1280,1024", log_path=os.path.join(out_dir, "chromium.log")) as chrome:
            session, _ = chrome.new_page()
            chrome.send("Page.enable", session=session)
            chrome.send("Runtime.enable", session=session)
            opened = time.time()
            chrome.send("Page.navigate", {"url": f"{base}/notebooks/notebooks/{urllib.parse.quote(name)}?token={token}"},
                        session=session)
            chrome.wait_for(session, "typeof Jupyter !== 'undefined' && Jupyter.notebook && Jupyter.notebook.kernel"
                                     " && Jupyter.notebook.kernel.is_connected() && "
                                     "document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null",
                            180, "the notebook page and an idle Java kernel")
            ready = time.time()
            print(f"notebook UI: page open and kernel idle after {ready - opened:.1f} s", flush=True)
            # Cell > Run All, clicked as a person would
            chrome.evaluate(session, "document.querySelector('#run_all_cells > a').click(); true")
            done = ("(() => { const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');"
                    " return cells.every(c => typeof c.input_prompt_number === 'number') &&"
                    " document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null; })()")
            chrome.wait_for(session, done, 600, "every code cell to finish")
            ran = time.time()
            found = chrome.evaluate(session, """(() => ({
                cells: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length,
                png: document.querySelectorAll('.output_area img[src^="data:image/png"]').length,
                tables: document.querySelectorAll('.output_area .output_html table').length,
                errors: [...document.querySelectorAll('.output_area .output_error')].map(e => e.textContent.slice(0, 300)),
                prompts: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => c.input_prompt_number)
            }))()""")
            # the whole page, for anyone to look at
            height = chrome.evaluate(session, "document.querySelector('#notebook').scrollHeight + 200")
            chrome.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": min(int(height), 16000),
                                                               "deviceScaleFactor": 1, "mobile": False},
                        session=session)
            time.sleep(1)
            shot = chrome.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                               session=session)
            png = os.path.join(out_dir, name[: -len(".ipynb")] + ".png")
            with open(png, "wb") as f:
                import base64
                f.write(base64.b64decode(shot["data"]))
        print(f"notebook UI: Run All took {ran - ready:.1f} s: {found['cells']} code cells (prompts "
              f"{found['prompts']}), {found['png']} PNG images, {found['tables']} HTML tables, "
              f"{len(found['errors'])} error outputs; screenshot {png}", flush=True)
        if found["errors"]:
            raise AssertionError(f"error output in the UI: {found['errors']}")
        if found["png"] < 1 or found["tables"] < 1:
            raise AssertionError(f"expected a PNG image and an HTML table, found {found['png']} and {found['tables']}")
    finally:
        try:
            req = urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST", data=b"")
            urllib.request.urlopen(req, timeout=10).close()
        except (URLError, OSError):
            server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            raise AssertionError("jupyter notebook did not stop within 30 s of /api/shutdown")
        server_log.close()
    print(f"notebook UI: server shut down (exit {server.returncode}); passed", flush=True)


def main(argv):
    if len(argv) >= 2 and argv[0] == "offline-pages":
        offline_pages(argv[1])
    elif len(argv) >= 3 and argv[0] == "notebook-ui":
        notebook_ui(argv[1], argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
