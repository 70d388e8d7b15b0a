"""Headless Chromium driven through the DevTools protocol over a pipe (--remote-debugging-pipe).

The pipe needs no WebSocket client and opens no port: Chromium reads commands from its fd 3 and writes replies
and events to its fd 4, each a JSON object ended by a NUL byte. Standard library only.
"""
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


class CdpError(RuntimeError):
    pass


class Chrome:
    def __init__(self, *extra_args, log_path=None):
        self.profile = tempfile.mkdtemp(prefix="looplab-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def fds():  # in the child: the pipe ends become fds 3 and 4 (dup2 makes them inheritable; the rest is not)
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [CHROMIUM, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--mute-audio",
                "--disable-dev-shm-usage", f"--user-data-dir={self.profile}", *extra_args, "about:blank"]
        self.log = open(log_path or os.devnull, "wb")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                     preexec_fn=fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next = 0
        self._lock = threading.Lock()
        self._replies = {}
        self._reply_ready = threading.Condition()
        self.events = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._reply_ready:
                    self._replies[None] = "closed"
                    self._reply_ready.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self._reply_ready:
                        self._replies[msg["id"]] = msg
                        self._reply_ready.notify_all()
                else:
                    self.events.put(msg)

    def send(self, method, params=None, session=None, timeout=60):
        with self._lock:
            self._next += 1
            mid = self._next
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        with self._reply_ready:
            while mid not in self._replies:
                if None in self._replies:
                    raise CdpError(f"chromium closed the pipe during {method}")
                left = deadline - time.time()
                if left <= 0:
                    raise CdpError(f"{method}: no reply in {timeout} s")
                self._reply_ready.wait(left)
            reply = self._replies.pop(mid)
        if "error" in reply:
            raise CdpError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def new_page(self):
        """A new tab; returns the session id that addresses it."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        return self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"], target

    def evaluate(self, session, expression, timeout=60):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                      session=session, timeout=timeout)
        if "exceptionDetails" in r:
            raise CdpError(f"{expression[:80]}…: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, session, expression, timeout, what, poll=0.5):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(session, expression)
            if value:
                return value
            time.sleep(poll)
        raise AssertionError(f"timed out after {timeout} s waiting for {what}")

    def drain(self):
        """The events received so far."""
        out = []
        while True:
            try:
                out.append(self.events.get_nowait())
            except queue.Empty:
                return out

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except CdpError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
