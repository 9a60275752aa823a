# SPDX-License-Identifier: Apache-2.0
"""Service management: crash-loop backoff and failure, dependencies gated on readiness,
HTTP/TCP/command readiness probes, the control socket, line prefixing, log rotation, RSS."""
import re
import signal
import subprocess
import time

from conftest import BIN, free_port, wait_until

STAMP = "import sys, time\\nopen(sys.argv[1], 'a').write(f'{time.time()}\\\\n')"


def test_crash_loop_backoff_then_failed(run_init):
    init = run_init(f"""
[init]
control_socket = @SOCK@
on_service_failed = stay
[service crashy]
command = ["python3", "-c", "{STAMP}\\nraise SystemExit(3)", "@DIR@/spawns.txt"]
restart = always
backoff_initial = 200ms
backoff_max = 800ms
crash_loop_limit = 4
crash_loop_window = 1m
[service bystander]
command = sleep 100
""")
    row = init.wait_state("crashy", "failed", timeout=15)
    assert row["restarts"] == 4 and row["last_exit"] == "exited with code 3"
    spawns = [float(x) for x in (init.dir / "spawns.txt").read_text().split()]
    assert len(spawns) == 5
    gaps = [b - a for a, b in zip(spawns, spawns[1:])]
    # Doubling from 200 ms, capped at 800 ms, +-10% jitter (plus interpreter start-up noise).
    for gap, expected in zip(gaps, [0.2, 0.4, 0.8, 0.8]):
        assert expected * 0.85 <= gap <= expected * 1.1 + 0.5, (gaps, expected)
    assert "crash loop" in init.stderr()
    # on_service_failed = stay: everything else keeps running.
    assert init.service("bystander")["state"] == "ready"
    time.sleep(0.3)  # no further restarts happen (checked once more below)
    assert len((init.dir / "spawns.txt").read_text().split()) == 5


def test_crash_loop_failure_stops_the_container(run_init):
    init = run_init("""
[service crashy]
command = sh -c 'exit 9'
restart = on-failure
backoff_initial = 50ms
backoff_max = 50ms
crash_loop_limit = 2
[service other]
command = sleep 100
""")
    assert init.wait(15) == 9  # on_service_failed = exit (default): the failed code
    assert "service crashy FAILED" in init.stderr()


def test_dependency_waits_for_readiness(run_init):
    port = free_port()
    init = run_init(f"""
[service db]
command = ["python3", "-c", "import socket, sys, time\\ntime.sleep(1.0)\\ns = socket.socket()\\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\\ns.bind(('127.0.0.1', {port}))\\ns.listen()\\nopen(sys.argv[1], 'w').write(str(time.time()))\\nwhile True: s.accept()[0].close()", "@DIR@/db_ready.txt"]
ready = tcp:127.0.0.1:{port}
ready_interval = 50ms
[service app]
command = ["python3", "-c", "{STAMP}\\nimport time\\ntime.sleep(100)", "@DIR@/app_start.txt"]
depends_on = db
""")
    init.wait_socket()
    assert init.service("app")["state"] == "waiting"
    assert init.service("db")["state"] == "starting"
    init.wait_state("app", "ready", timeout=10)
    wait_until(lambda: (init.dir / "app_start.txt").exists(), 5, what="app start stamp")
    db_ready = float((init.dir / "db_ready.txt").read_text())
    app_start = float((init.dir / "app_start.txt").read_text())
    assert app_start >= db_ready
    err = init.stderr()
    assert err.index("db is ready") < err.index("started app")


def test_http_and_cmd_readiness(run_init):
    port = free_port()
    init = run_init(f"""
[init]
control_socket = @SOCK@
on_service_failed = stay
[service web]
command = ["python3", "-c", "import http.server, time\\ntime.sleep(0.5)\\nhttp.server.test(HandlerClass=http.server.SimpleHTTPRequestHandler, port={port}, bind='127.0.0.1')"]
ready = http://127.0.0.1:{port}/
ready_interval = 50ms
[service flag]
command = sh -c 'sleep 0.5; touch @DIR@/flag; exec sleep 100'
ready = cmd:test -f @DIR@/flag
ready_interval = 50ms
[service never]
command = sleep 100
ready = http://127.0.0.1:{free_port()}/
ready_timeout = 700ms
restart = never
""")
    init.wait_socket()
    assert init.service("web")["ready"] is False
    web = init.wait_state("web", "ready")
    assert web["readiness"] == f"http://127.0.0.1:{port}/"
    assert init.wait_state("flag", "ready")["ready"] is True
    never = init.wait_state("never", "failed")
    assert never["ready"] is False
    assert "never not ready after 700 ms" in init.stderr()


def test_http_probe_rejects_error_status(run_init):
    port = free_port()
    init = run_init(f"""
[service web]
command = python3 -m http.server --bind 127.0.0.1 {port}
ready = http://127.0.0.1:{port}/does-not-exist
ready_interval = 50ms
""")
    init.wait_state("web", "starting")
    init.wait_log('"GET /does-not-exist HTTP/1.0" 404', stream="stderr")
    assert init.service("web")["state"] == "starting"  # 404 is not ready


def test_control_socket_status_restart_stop_start(run_init):
    init = run_init("""
[service alpha]
command = sleep 100
[service beta]
command = sleep 100
""")
    first = init.wait_state("alpha", "ready")
    table = init.ctl("status").stdout
    assert re.search(r"^SERVICE\s+STATE\s+PID\s+RESTARTS\s+UPTIME\s+READY\s+LAST EXIT$", table, re.M)
    assert re.search(rf"^alpha\s+ready\s+{first['pid']}\s+0\s+\d+s\s+yes\s+-$", table, re.M)
    init.ctl("restart", "alpha")
    again = wait_until(lambda: (s := init.service("alpha"))["pid"] not in (None, first["pid"])
                       and s["state"] == "ready" and s, 5, what="alpha restarted")
    assert again["restarts"] == 1 and again["last_exit"] == "killed by SIGTERM"
    init.ctl("stop", "beta")
    init.wait_state("beta", "stopped")
    init.ctl("start", "beta")
    init.wait_state("beta", "ready")
    bad = init.ctl("restart", "gamma", check=False)
    assert bad.returncode == 1 and "no service named 'gamma'" in bad.stderr
    status = init.status()
    assert status["supervisor"]["pid"] == init.pid and status["supervisor"]["rss_kb"] > 0
    gone = subprocess.run([BIN, "status", "--socket", str(init.dir / "nope.sock")],
                          capture_output=True, text=True, timeout=10)
    assert gone.returncode == 3 and "cannot reach" in gone.stderr


WRITER = ("import os, random, sys\\nname = sys.argv[1]\\nrandom.seed(name)\\n"
          "data = ''.join(f'{name} line {i} ' + 'x' * random.randint(0, 300) + '\\\\n' "
          "for i in range(400)).encode()\\npos = 0\\nwhile pos < len(data):\\n"
          "    n = random.randint(1, 97)\\n    os.write(1 if n % 2 else 2, b'')\\n"
          "    os.write(1, data[pos:pos + n])\\n    pos += n\\n"
          "os.write(2, (name + ' err no newline').encode())")


def test_prefixes_lines_without_interleaving(run_init):
    services = "".join(f"""
[service w{i}]
command = ["python3", "-c", "{WRITER}", "w{i}"]
restart = never
""" for i in range(3))
    init = run_init(services)
    assert init.wait(30) == 0
    seen = set()
    for line in init.stdout().splitlines():
        m = re.fullmatch(r"\[(w\d)\] (w\d) line (\d+) x*", line)
        assert m, f"mixed or unprefixed line: {line[:120]!r}"
        assert m.group(1) == m.group(2)
        key = (m.group(1), int(m.group(3)))
        assert key not in seen
        seen.add(key)
    assert len(seen) == 3 * 400
    err = init.stderr()
    for i in range(3):  # a partial last line is flushed, prefixed, when the stream ends
        assert f"[w{i}] w{i} err no newline\n" in err


def test_long_lines_are_capped(run_init):
    init = run_init("""
[service long]
command = ["python3", "-c", "import os\\nos.write(1, b'a' * 40000 + b'\\\\n')"]
restart = never
""")
    assert init.wait(10) == 0
    lines = init.stdout().splitlines()
    assert [len(l) for l in lines] == [len("[long] ") + 16384] * 2 + [len("[long] ") + 40000 - 32768]


def test_log_file_rotation(run_init):
    init = run_init("""
[service chatty]
command = ["python3", "-c", "for i in range(200): print(f'message {i:04d} ' + 'y' * 40)"]
restart = never
log_file = @DIR@/chatty.log
log_max_bytes = 2048
log_keep = 2
""")
    assert init.wait(10) == 0
    log = init.dir / "chatty.log"
    files = [log, init.dir / "chatty.log.1", init.dir / "chatty.log.2"]
    assert all(f.exists() for f in files)
    assert not (init.dir / "chatty.log.3").exists()
    assert all(f.stat().st_size <= 2048 for f in files)
    assert log.read_text().splitlines()[-1].startswith("message 0199 ")
    assert "[chatty] message 0000" in init.stdout()  # still on the container's stdout too


def test_rss_with_three_services(run_init):
    port = free_port()
    init = run_init(f"""
[service jupyter]
command = python3 -m http.server --bind 127.0.0.1 {port}
ready = http://127.0.0.1:{port}/
ready_interval = 50ms
log_file = @DIR@/jupyter.log
[service tensorboard]
command = sleep 100
[service code]
command = sleep 100
depends_on = jupyter
""")
    init.wait_state("code", "ready")
    rss = init.status()["supervisor"]["rss_kb"]
    print(f"plinth-init VmRSS with 3 services: {rss} kB")
    (init.dir.parent.parent / "rss.txt").write_text(str(rss))
    sanitized = b"__asan_init" in open(BIN, "rb").read()  # ASan shadow memory inflates RSS
    assert 0 < rss < (64 * 1024 if sanitized else 4096)
    init.signal(signal.SIGTERM)
    assert init.wait(10) == 0
