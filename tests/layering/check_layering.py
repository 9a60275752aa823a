#!/usr/bin/env python3
"""Checks every #include under src/<folder>/ against the declared link dependencies.

    check_layering.py SRC_ROOT MODULES_TSV

MODULES_TSV is written by CMake (plinth_write_module_table in cmake/PlinthModule.cmake):
kind, folder, target, link libraries. A folder's files are judged against its "lib"
target; its test code (*_test.cpp, and the test_*.hpp helpers only tests may include)
against its "test" target. Prints file:line for each forbidden include and exits 1 if
there is any.
"""
import re
import sys
from pathlib import Path

# Angle-include prefixes of third-party libraries -> the imported targets that provide them.
# Anything else in <...> is a standard or POSIX header.
THIRD_PARTY = {
    "nlohmann/": {"nlohmann_json::nlohmann_json"},
    "yaml-cpp/": {"yaml-cpp", "yaml-cpp::yaml-cpp"},
    "curl/": {"CURL::libcurl"},
    "archive.h": {"LibArchive::LibArchive"},
    "archive_entry.h": {"LibArchive::LibArchive"},
    "CLI/": {"CLI11::CLI11"},
    "fmt/": {"fmt::fmt", "fmt::fmt-header-only"},
    "openssl/": {"OpenSSL::Crypto", "OpenSSL::SSL"},
    "gtest/": {"GTest::gtest", "GTest::gtest_main", "GTest::GTest", "GTest::Main"},
    "gmock/": {"GTest::gmock", "GTest::gmock_main"},
}
# plinth-init links only libc: a <dir/...> header outside these is not a libc/POSIX one.
LIBC_DIRS = ("sys/", "netinet/", "arpa/", "net/", "linux/", "bits/")
# The one init header other folders may include, and the target that grants it.
INIT_CONTRACT = ("init/contract.hpp", "plinth_init_contract")
def is_test(name):
    return name.endswith("_test.cpp") or (name.startswith("test_") and name.endswith(".hpp"))


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def read_table(path):
    """{(kind, folder): target}, {target: [link libraries]}"""
    owners, deps = {}, {}
    for line in Path(path).read_text().splitlines():
        kind, folder, target, libs = (line.split("\t") + [""])[:4]
        owners[(kind, folder)] = target
        deps[target] = [d for d in libs.split(";") if d]
    return owners, deps


def closure(target, deps):
    seen, todo = set(), [target]
    while todo:
        t = todo.pop()
        if t not in seen:
            seen.add(t)
            todo.extend(deps.get(t, []))
    return seen


def check_include(src, path, folder, delim, inc, allowed, owners):
    """Returns why the include is forbidden, or None."""
    if delim == "<":
        for prefix, targets in THIRD_PARTY.items():
            if inc.startswith(prefix):
                if folder == "init" and not is_test(path.name):
                    return "init must stay libc-only"
                if not targets & allowed:
                    return f"{folder} links none of {', '.join(sorted(targets))}"
                return None
        if folder == "init" and "/" in inc and not inc.startswith(LIBC_DIRS):
            return "init must stay libc-only"
        return None
    beside = path.parent / inc
    if beside.is_file():  # relative to the includer: judge the folder it really is in
        try:
            rel = beside.resolve().relative_to(src.resolve())
        except ValueError:
            return "outside src/"
    else:
        rel = Path(inc)
    other = rel.parts[0]
    # test_*.hpp is judged as test code, so library code must not hide behind it.
    if is_test(rel.name) and not is_test(path.name):
        return "a test-only header, included from library code"
    if other == folder:
        return None
    if not (src / other).is_dir():
        return f"unknown folder {other!r} (no src/{other}/)"
    if folder == "init":
        return "init includes nothing outside src/init/"
    if other == "init":
        if rel.as_posix() == INIT_CONTRACT[0] and INIT_CONTRACT[1] in allowed:
            return None
        return f"only {INIT_CONTRACT[0]} may be included from init, by linking {INIT_CONTRACT[1]}"
    target = owners.get(("lib", other))
    if target is None:
        return f"src/{other}/ is no module"
    if target not in allowed:
        return f"{folder} does not depend on {other} ({target})"
    return None


def main(src, table):
    src = Path(src)
    owners, deps = read_table(table)
    errors = 0
    for path in sorted(p for p in src.rglob("*") if p.suffix in (".cpp", ".hpp", ".h")):
        folder = path.relative_to(src).parts[0]
        kind = "test" if is_test(path.name) else "lib"
        target = owners.get((kind, folder))
        shown = path.relative_to(src.parent)
        if target is None:
            print(f"{shown}: no {kind} target for src/{folder}/ in {table}")
            errors += 1
            continue
        allowed = closure(target, deps)
        for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if m:
                why = check_include(src, path, folder, m[1], m[2], allowed, owners)
                if why:
                    print(f'{shown}:{n}: #include {m[1]}{m[2]}{">" if m[1] == "<" else m[1]}: {why}')
                    errors += 1
    if errors:
        print(f"layering: {errors} forbidden include(s)")
        return 1
    print(f"layering: ok ({len(owners)} targets)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
