# SPDX-License-Identifier: Apache-2.0
"""Runs code in a new notebook kernel through the Jupyter server's own API, as a browser does.

Run inside the workstation (`plinth exec -- python -c "$(cat notebook_kernel.py)" PORT CODE`):
POST /api/kernels with the server's token (from JUPYTER_TOKEN in the container's environment),
open the kernel's websocket channels, send one execute_request, print what the kernel wrote to
stdout, delete the kernel. Exits 1 when the code raised (the traceback's last line on stderr)
and 2 when the server or the kernel did not answer. Only the standard library and tornado
(which the Jupyter server itself runs on) are used.
"""
import asyncio
import json
import os
import sys
import urllib.request
import uuid

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

PORT = int(sys.argv[1])
CODE = sys.argv[2]
TOKEN = os.environ["JUPYTER_TOKEN"]
BASE = f"127.0.0.1:{PORT}"
AUTH = {"Authorization": "token " + TOKEN}


def api(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://{BASE}{path}", data=data, method=method,
                                 headers={**AUTH, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read()
        return json.loads(text) if text else None


def execute_request(code):
    msg_id = uuid.uuid4().hex
    return msg_id, json.dumps({
        "header": {"msg_id": msg_id, "username": "plinth-e2e", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    })


async def run(kernel_id):
    ws = await websocket_connect(HTTPRequest(f"ws://{BASE}/api/kernels/{kernel_id}/channels",
                                             headers=AUTH))
    msg_id, msg = execute_request(CODE)
    await ws.write_message(msg)
    out, status = [], None
    while status is None:
        raw = await asyncio.wait_for(ws.read_message(), timeout=240)
        if raw is None:
            print("the kernel's websocket closed before the reply", file=sys.stderr)
            return 2
        m = json.loads(raw)
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream" and m["content"].get("name") == "stdout":
            out.append(m["content"]["text"])
        elif m["msg_type"] == "error":
            print(f"{m['content']['ename']}: {m['content']['evalue']}", file=sys.stderr)
        elif m["msg_type"] == "execute_reply":
            status = m["content"]["status"]
    ws.close()
    sys.stdout.write("".join(out))
    return 0 if status == "ok" else 1


def main():
    try:
        kernel = api("POST", "/api/kernels", {"name": "python3"})
    except OSError as e:
        print(f"POST /api/kernels failed: {e}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(run(kernel["id"]))
    except (OSError, asyncio.TimeoutError) as e:
        print(f"kernel {kernel['id']}: {e!r}", file=sys.stderr)
        return 2
    finally:
        api("DELETE", f"/api/kernels/{kernel['id']}")


sys.exit(main())
