#!/usr/bin/env python3
"""Shows that check_layering.py fails: copies src/, appends forbidden includes to copies of
real files, and expects each one reported as file:line.

    test_check_layering.py CHECKER SRC_ROOT MODULES_TSV
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

checker, src, table = sys.argv[1:4]
failures = 0


def run(root, tsv):
    r = subprocess.run([sys.executable, checker, str(root), str(tsv)], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def inject(root, rel, line):
    """Appends `line` to src/<rel> in the copy (a new file if there is none); returns the
    'src/<rel>:N: <line>:' it must be reported with."""
    path = root / rel
    n = len(path.read_text().splitlines()) + 1 if path.exists() else 1
    with path.open("a") as f:
        f.write(line + "\n")
    return f"src/{rel}:{n}: {line}:"


def expect(name, ok, output):
    global failures
    print(("ok:   " if ok else "FAIL: ") + name)
    if not ok:
        print(output)
        failures += 1


with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "src"
    shutil.copytree(src, root)
    forbidden = [
        inject(root, "model/stack.hpp", '#include "app/build.hpp"'),  # upward
        inject(root, "init/supervisor.cpp", "#include <nlohmann/json.hpp>"),  # init: third party
        inject(root, "init/supervisor.cpp", '#include "util/result.hpp"'),  # init: outside init/
        inject(root, "policy/tags.cpp", '#include "utl/result.hpp"'),  # typo'd folder
        inject(root, "http/transport.hpp", "#include <archive.h>"),  # library not linked
        inject(root, "policy/probe.cpp", '#include "init/config.hpp"'),  # not the contract
        inject(root, "render/escape.hpp", '#include "lint/test_support.hpp"'),  # test-only header
    ]
    contract = inject(root, "policy/probe.cpp", '#include "init/contract.hpp"')
    rc, out = run(root, table)
    print(out)
    for where in forbidden + [contract]:
        expect(f"reported: {where}", rc == 1 and where in out, out)

    # init/contract.hpp becomes allowed once policy links plinth_init_contract.
    tsv = Path(tmp) / "modules.tsv"
    rows = [r.split("\t") for r in Path(table).read_text().splitlines()]
    for r in rows:
        if r[2] == "plinth_policy":
            r[3] += ";plinth_init_contract"
    tsv.write_text("".join("\t".join(r) + "\n" for r in rows))
    rc, out = run(root, tsv)
    expect("init/contract.hpp allowed with plinth_init_contract", contract not in out, out)
    expect("other init headers still forbidden", forbidden[5] in out, out)

sys.exit(1 if failures else 0)
