# SPDX-License-Identifier: Apache-2.0
"""PID-1 duties: zombie reaping (as PID 1 and as subreaper), signal forwarding, child hygiene,
orderly and forced shutdown, the final sweep, and the exit-code contract."""
import signal
import time
from pathlib import Path

import pytest

from conftest import descendants, needs_unshare, proc_stat, wait_until

ORPHANS = """
[service spawner]
command = sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do (sleep 1.5 &); done; echo spawned; exec sleep 100'
"""


def zombies_under(pid):
    return [p for p in descendants(pid) if (st := proc_stat(p)) and st[0] == "Z"]


def check_orphans_reaped(init):
    init.wait_log("[spawner] spawned", stream="stdout")
    # The subshells exited at once: their sleeps must now be children of the supervisor.
    orphans = wait_until(
        lambda: [p for p in descendants(init.pid)
                 if (st := proc_stat(p)) and st[1] == init.pid
                 and Path(f"/proc/{p}/cmdline").read_bytes().startswith(b"sleep\x001.5")],
        5, what="orphans re-parented to the supervisor")
    assert len(orphans) == 10
    wait_until(lambda: not any(proc_stat(p) for p in orphans), 5,
               what="orphans to exit and be reaped (none left, not even as zombies)")
    assert zombies_under(init.pid) == []


@needs_unshare
def test_reaps_orphaned_grandchildren_as_pid1(run_init):
    init = run_init(ORPHANS, pid1=True)
    check_orphans_reaped(init)
    assert "started as PID 1" in init.stderr()
    init.signal(signal.SIGTERM)
    assert init.wait(10) == 0


def test_subreaper_when_not_pid1(run_init):
    init = run_init(ORPHANS)
    check_orphans_reaped(init)
    assert "started as child subreaper" in init.stderr()
    init.signal(signal.SIGTERM)
    assert init.wait(10) == 0


SIGNALS = """
[service sig]
command = ["python3", "-u", "-c", "import os, signal, sys, time\\nsay = lambda m: os.write(1, (m + '\\\\n').encode())\\nfor s in (signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):\\n    signal.signal(s, lambda n, f: say('got ' + signal.Signals(n).name))\\nif os.fork() == 0:\\n    signal.signal(signal.SIGUSR1, lambda n, f: say('child got USR1'))\\nelse:\\n    say('ready')\\nwhile True: time.sleep(1)"]
"""


def test_forwards_signals_to_the_process_group(run_init):
    init = run_init(SIGNALS)
    init.wait_log("[sig] ready", stream="stdout")
    pid = init.wait_state("sig", "ready")["pid"]
    state, ppid, pgid, sid = proc_stat(pid)
    assert (ppid, pgid, sid) == (init.pid, pid, pid)  # own session and process group
    status = Path(f"/proc/{pid}/status").read_text()
    assert "SigBlk:\t0000000000000000" in status  # signal mask reset before exec
    assert Path(f"/proc/{pid}/fd").exists() and sorted(
        int(fd) for fd in __import__("os").listdir(f"/proc/{pid}/fd")) <= [0, 1, 2, 3, 4, 5]
    for sig, name in ((signal.SIGHUP, "SIGHUP"), (signal.SIGUSR1, "SIGUSR1"),
                      (signal.SIGUSR2, "SIGUSR2")):
        init.signal(sig)
        init.wait_log(f"[sig] got {name}", stream="stdout")
    init.wait_log("[sig] child got USR1", stream="stdout")  # the whole group, not just the leader
    assert init.service("sig")["state"] == "ready"  # forwarding does not stop anything
    init.signal(signal.SIGTERM)
    assert init.wait(10) == 0


IGNORES_TERM = """
[init]
control_socket = @SOCK@
grace_period = {grace}

[service stubborn]
command = ["python3", "-u", "-c", "import signal, time\\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\\nprint('up', flush=True)\\nwhile True: time.sleep(0.05)"]
"""


def test_grace_period_then_sigkill(run_init):
    init = run_init(IGNORES_TERM.format(grace="1500ms"))
    init.wait_log("[stubborn] up", stream="stdout")
    pid = init.service("stubborn")["pid"]
    t0 = time.monotonic()
    init.signal(signal.SIGTERM)
    rc = init.wait(10)
    elapsed = time.monotonic() - t0
    assert rc == 137  # something had to be SIGKILLed
    assert 1.4 <= elapsed < 3.0, elapsed
    assert proc_stat(pid) is None
    assert "killing stubborn" in init.stderr()


def test_second_signal_skips_to_sigkill(run_init):
    init = run_init(IGNORES_TERM.format(grace="30s"))
    init.wait_log("[stubborn] up", stream="stdout")
    init.signal(signal.SIGTERM)
    init.wait_log("shutting down")
    t0 = time.monotonic()
    init.signal(signal.SIGINT)
    assert init.wait(5) == 137
    assert time.monotonic() - t0 < 2.0


def test_shutdown_is_event_driven(run_init):
    init = run_init("""
[init]
control_socket = @SOCK@
grace_period = 10s
[service a]
command = sleep 100
[service b]
command = sleep 100
depends_on = a
[service c]
command = ["python3", "-c", "import time\\nwhile True: time.sleep(1)"]
""")
    init.wait_state("c", "ready")
    t0 = time.monotonic()
    init.signal(signal.SIGTERM)
    assert init.wait(10) == 0
    assert time.monotonic() - t0 < 1.0  # not the 10 s grace period
    err = init.stderr()
    assert err.index("stopping b") < err.index("stopping a")  # reverse dependency order


KERNEL = """
[init]
control_socket = @SOCK@
grace_period = 5s
[service notebook]
command = ["python3", "-u", "-c", "import subprocess, sys\\nk = subprocess.Popen([sys.executable, '-u', '-c', 'import signal, sys, time\\\\ndef bye(n, f):\\\\n    open(sys.argv[1], \\"w\\").write(\\"kernel got TERM\\")\\\\n    sys.exit(0)\\\\nsignal.signal(signal.SIGTERM, bye)\\\\nprint(\\"kernel up\\", flush=True)\\\\nwhile True: time.sleep(0.05)', '@DIR@/kernel.txt'], start_new_session=True)\\nprint('kernel', k.pid, flush=True)\\nimport time\\nwhile True: time.sleep(1)"]
"""


def test_sweep_reaches_processes_in_other_sessions(run_init):
    init = run_init(KERNEL)
    init.wait_log("[notebook] kernel up", stream="stdout")
    kernel = int(next(l for l in init.stdout().splitlines() if "] kernel " in l
                      and "up" not in l).split()[-1])
    assert proc_stat(kernel)[3] == kernel  # its own session, like Jupyter kernels
    init.signal(signal.SIGTERM)
    assert init.wait(10) == 0  # the kernel stopped on TERM in time: clean
    assert (init.dir / "kernel.txt").read_text() == "kernel got TERM"
    assert proc_stat(kernel) is None
    assert "leftover process" in init.stderr()


def one_shot(code_cmd, extra=""):
    return f"""
[init]
control_socket = @SOCK@
{extra}
[service main]
command = {code_cmd}
restart = never
"""


@pytest.mark.parametrize("code", [1, 2, 42, 255])
def test_exit_code_of_failed_required_service(run_init, code):
    init = run_init(one_shot(f"sh -c 'exit {code}'"))
    assert init.wait(10) == code
    assert "FAILED" in init.stderr()


@pytest.mark.parametrize("config,expected", [
    (one_shot("true"), 0),                                    # all services finished cleanly
    (one_shot("sh -c 'kill -KILL $$'"), 137),                 # failed service killed by a signal
    (one_shot("/nonexistent/binary"), 127),                   # exec failure: not found
    (one_shot("@DIR@/init.conf"), 126),                       # exec failure: not executable
    ("[service x]\ncommand = true\nbogus = 1\n", 78),         # configuration error
])
def test_exit_code_contract(run_init, config, expected):
    init = run_init(config)
    assert init.wait(10) == expected


@pytest.mark.parametrize("stop_exit,expected", [("zero", 0), ("signal", 143)])
def test_exit_code_after_requested_stop(run_init, stop_exit, expected):
    init = run_init(one_shot("sleep 100", f"stop_exit = {stop_exit}"))
    init.wait_state("main", "ready")
    init.signal(signal.SIGTERM)
    assert init.wait(10) == expected


@needs_unshare
def test_exit_code_as_pid1(run_init):
    init = run_init(one_shot("sh -c 'exit 7'"), pid1=True)
    assert init.wait(10) == 7
