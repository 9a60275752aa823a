# SPDX-License-Identifier: Apache-2.0
"""Helpers for the plinth-init behaviour tests: run the real static binary, either as a
normal child (it registers as child subreaper) or as PID 1 of a fresh PID namespace via
`unshare --pid --fork --mount-proc`. Every test bounds its own time and only ever signals
processes it started (the supervisor and that supervisor's descendants)."""
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = os.environ.get("PLINTH_INIT_BIN", str(REPO / "build-init/src/init/plinth-init"))


def wait_until(predicate, timeout, interval=0.02, what="condition"):
    """Polls predicate until it returns a truthy value or the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_stat(pid):
    """(state, ppid, pgid, sid) of a live pid, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[2]), int(fields[3])


def descendants(root):
    parent = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = proc_stat(int(entry))
            if st:
                parent[int(entry)] = st[1]
    out = []
    for pid in parent:
        p = parent.get(pid)
        for _ in range(1000):
            if p == root:
                out.append(pid)
                break
            if p not in parent:
                break
            p = parent[p]
    return out


class Init:
    """One running plinth-init with its config, output files and control socket."""

    def __init__(self, tmp_path, config, pid1=False, extra_args=()):
        self.dir = tmp_path
        self.sock = str(tmp_path / "ctl.sock")
        text = config.replace("@SOCK@", self.sock).replace("@DIR@", str(tmp_path))
        if "[init]" not in text:
            text = f"[init]\ncontrol_socket = {self.sock}\n" + text
        self.conf = tmp_path / "init.conf"
        self.conf.write_text(text)
        self.out_path = tmp_path / "stdout.txt"
        self.err_path = tmp_path / "stderr.txt"
        cmd = [BIN, "--config", str(self.conf), *extra_args]
        if pid1:
            cmd = ["unshare", "--pid", "--fork", "--mount-proc", *cmd]
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=open(self.out_path, "wb"),
            stderr=open(self.err_path, "wb"))
        self.pid = self.proc.pid
        if pid1:
            # Either we see the namespaced supervisor or it already finished.
            self.pid = wait_until(lambda: self._inner_pid() or self.proc.poll() is not None, 5,
                                  what="the namespaced supervisor")
        self.started = time.monotonic()

    def _inner_pid(self):
        try:
            kids = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return None
        return int(kids.split()[0]) if kids.split() else None

    def stdout(self):
        return self.out_path.read_text(errors="replace")

    def stderr(self):
        return self.err_path.read_text(errors="replace")

    def ctl(self, *args, check=True):
        r = subprocess.run([BIN, *args, "--socket", self.sock], capture_output=True, text=True,
                           timeout=10)
        if check:
            assert r.returncode == 0, f"{args}: rc={r.returncode} {r.stderr}"
        return r

    def status(self):
        return json.loads(self.ctl("status", "--json").stdout)

    def service(self, name):
        return next(s for s in self.status()["services"] if s["name"] == name)

    def wait_socket(self, timeout=5):
        wait_until(lambda: os.path.exists(self.sock), timeout, what="control socket")

    def wait_state(self, name, state, timeout=10):
        self.wait_socket()
        return wait_until(lambda: (s := self.service(name))["state"] == state and s, timeout,
                          what=f"{name} to be {state}")

    def wait_log(self, needle, timeout=10, stream="stderr"):
        read = self.stderr if stream == "stderr" else self.stdout
        wait_until(lambda: needle in read(), timeout, what=f"log line {needle!r}")

    def signal(self, sig):
        os.kill(self.pid, sig)

    def wait(self, timeout):
        return self.proc.wait(timeout=timeout)

    def cleanup(self):
        if self.proc.poll() is None:
            try:
                self.signal(signal.SIGTERM)
                self.proc.wait(timeout=15)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                left = descendants(self.pid)
                self.proc.kill()
                for pid in left:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                self.proc.wait(timeout=5)


@pytest.fixture
def run_init(tmp_path):
    started = []

    def start(config, **kw):
        sub = tmp_path / f"run{len(started)}"
        sub.mkdir()
        init = Init(sub, config, **kw)
        started.append(init)
        return init

    yield start
    for init in started:
        init.cleanup()


@pytest.fixture(scope="session", autouse=True)
def have_binary():
    if not os.access(BIN, os.X_OK):
        pytest.fail(f"plinth-init binary not found at {BIN} (set PLINTH_INIT_BIN)")


def unshare_works():
    try:
        return subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", "true"],
                              capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


needs_unshare = pytest.mark.skipif(not unshare_works(),
                                   reason="unshare --pid needs root/user namespaces")
