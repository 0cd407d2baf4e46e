"""Shared helpers for the Python-in-the-loop tests: run the runner and the C++ TwinRun, bounded.

The C++ binary is TWINRUN_BINARY, else /work/main/build/app/twinrun; tests that need it skip
with a message when it is absent (the lead may be rebuilding it).
"""

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCES = os.path.join(ROOT, "resources", "python")
RUNNER = os.path.join(RESOURCES, "twinrun_python.py")
DEFAULT_BINARY = "/work/main/build/app/twinrun"
TIMEOUT = 120  # seconds for one run; generous: the test machine's 2 cores are shared

if RESOURCES not in sys.path:
    sys.path.insert(0, RESOURCES)

import twinrun_values  # noqa: E402 (after the path is set)


@dataclasses.dataclass
class Run:
    stdout: bytes
    stderr: bytes
    status: int
    report: dict


def launch_spec(target, *args, kwargs=None, name="", daemon=False, mode="thread"):
    """The preset format TwinRun's window saves, from Python values."""
    return {"version": 1, "mode": mode, "worker": {
        "version": 1, "target": target, "args": [twinrun_values.to_json(a) for a in args],
        "kwargs": [[k, twinrun_values.to_json(v)] for k, v in (kwargs or {}).items()],
        "name": name, "daemon": daemon, "start_method": "spawn"}}


def write_spec(spec):
    """A temporary file holding the spec; the caller removes it."""
    fd, path = tempfile.mkstemp(prefix="twinrun-spec-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(spec, f)
    return path


def runner_command(as_, method=None, report_fd=None, extra=()):
    """The runner's command line; the spec comes on stdin."""
    command = [sys.executable, RUNNER, "run", "--as", as_, "--spec", "-"]
    if report_fd is not None:
        command += ["--report-fd", str(report_fd)]
    if method:
        command += ["--start-method", method]
    return command + list(extra)


def run_python(spec, as_, method=None, extra=(), env=None):
    """Runs the spec through the runner; its stdout, stderr, exit status and report."""
    read_fd, write_fd = os.pipe()
    try:
        process = subprocess.Popen(runner_command(as_, method, write_fd, extra),
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, pass_fds=(write_fd,), env=env)
        os.close(write_fd)
        write_fd = -1
        try:
            out, err = process.communicate(json.dumps(spec).encode(), timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise
        with os.fdopen(read_fd, "rb") as report:
            read_fd = -1
            text = report.read()
        return Run(out, err, process.returncode, json.loads(text) if text else {})
    finally:
        for fd in (read_fd, write_fd):
            if fd >= 0:
                os.close(fd)


def twinrun_env():
    """The environment for the C++ binary: its command line (no window) in English whatever the
    desktop's language, as the messages compared are (LANGUAGE outranks LC_ALL for Qt)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES")}
    env.update(QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return env


def twinrun_binary():
    return os.environ.get("TWINRUN_BINARY") or DEFAULT_BINARY


def require_twinrun(test):
    """Skips the test when the C++ binary is not there."""
    if not os.access(twinrun_binary(), os.X_OK):
        test.skipTest(f"the C++ TwinRun binary {twinrun_binary()} is absent (set TWINRUN_BINARY)")


def run_twinrun(spec):
    """`twinrun run --spec FILE --json`: its output bytes and its JSON record."""
    path = write_spec(spec)
    try:
        done = subprocess.run([twinrun_binary(), "run", "--spec", path, "--json"],
                              capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
                              env=twinrun_env())
    finally:
        os.remove(path)
    record = json.loads(done.stdout.split(b"\n")[0].decode("utf-8", "surrogateescape"))
    return Run(record["stdout"].encode("utf-8", "surrogateescape"),
               record["stderr"].encode("utf-8", "surrogateescape"), done.returncode, record)


def run_twinrun_plain(*arguments):
    """`twinrun ARGUMENTS`: stdout, stderr and exit status."""
    done = subprocess.run([twinrun_binary(), *arguments], capture_output=True, timeout=TIMEOUT,
                          stdin=subprocess.DEVNULL,
                          env=twinrun_env())
    return Run(done.stdout, done.stderr, done.returncode, {})


class RunnerTestCase(unittest.TestCase):
    maxDiff = None
