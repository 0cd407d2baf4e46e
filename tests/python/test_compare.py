"""The comparison's verdicts: identical, documented (each rule of README's "Parity choices"),
and different for everything else."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

import twinrun_testing as t
from twinrun_compare import Record, compare, first_different_line, reduce_tracebacks

THREAD_TRACEBACK = b"""Exception in thread Thread-1 (fail):
Traceback (most recent call last):
  File "/usr/lib/python3.11/threading.py", line 1045, in _bootstrap_inner
    self.run()
  File "/usr/lib/python3.11/threading.py", line 982, in run
    self._target(*self._args, **self._kwargs)
  File "/opt/twinrun/twinrun_targets.py", line 63, in fail
    raise RuntimeError(message)
RuntimeError: boom
"""
PROCESS_TRACEBACK = b"""Process Process-1:
Traceback (most recent call last):
  File "/usr/lib/python3.11/multiprocessing/process.py", line 314, in _bootstrap
    self.run()
    ^^^^^^^^^^
  File "/opt/twinrun/twinrun_targets.py", line 63, in fail
    raise RuntimeError(message)
RuntimeError: boom
"""
CHAINED = b"""Traceback (most recent call last):
  File "x.py", line 1, in f
ValueError: inner

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "x.py", line 3, in f
RuntimeError: boom
"""


def run(backend, stdout=b"", stderr=b"", code=0, state="finished", target="faz_algo"):
    return Record(stdout, stderr, code, state, backend, target)


class CompareTest(unittest.TestCase):
    def test_first_different_line_counts_as_twinrun_does(self):
        self.assertEqual(first_different_line(b"a\nb\n", b"a\nb\n"), 0)
        self.assertEqual(first_different_line(b"a\nb\n", b"a\nc\n"), 2)
        self.assertEqual(first_different_line(b"a\n", b"a\nb\n"), 2)
        self.assertEqual(first_different_line(b"x", b""), 1)

    def test_identical(self):
        verdict = compare(run("thread", b"1\n"), run("python-process", b"1\n"))
        self.assertEqual((verdict.kind, verdict.text),
                         ("identical", "identical: same stdout, stderr and exit code"))

    def test_a_different_output_is_different(self):
        verdict = compare(run("thread", b"1\n2\n3\n"), run("python-thread", b"1\n2\n4\n", code=3))
        self.assertEqual(verdict.text, "different: stdout differs from line 3; exit codes differ")
        self.assertEqual(verdict.kind, "different")

    def test_python_tracebacks_end_in_twinruns_line(self):
        self.assertEqual(reduce_tracebacks(THREAD_TRACEBACK), b"RuntimeError: boom\n")
        self.assertEqual(reduce_tracebacks(PROCESS_TRACEBACK), b"RuntimeError: boom\n")
        self.assertEqual(reduce_tracebacks(CHAINED), b"RuntimeError: boom\n")
        self.assertEqual(reduce_tracebacks(b"before\n" + THREAD_TRACEBACK + b"after\n"),
                         b"before\nRuntimeError: boom\nafter\n")
        twin = run("thread", stderr=b"RuntimeError: boom\n", code=1, state="failed")
        for python in (THREAD_TRACEBACK, PROCESS_TRACEBACK, CHAINED):
            verdict = compare(twin, run("python-thread", stderr=python, code=1, state="failed"))
            self.assertEqual(verdict.rules, ["error-traceback"])
            self.assertEqual(verdict.text, "differs as documented: an uncaught error: TwinRun "
                             "prints 'RuntimeError: <message>', Python a traceback ending in "
                             "that same line")
        both_python = compare(run("python-thread", stderr=THREAD_TRACEBACK, code=1, state="failed"),
                              run("python-process", stderr=PROCESS_TRACEBACK, code=1,
                                  state="failed"))
        self.assertEqual(both_python.rules, ["error-traceback"])

    def test_a_traceback_with_another_error_is_different(self):
        twin = run("process", stderr=b"RuntimeError: boom\n", code=1, state="failed")
        other = THREAD_TRACEBACK.replace(b"RuntimeError: boom", b"TypeError: boom")
        verdict = compare(twin, run("python-thread", stderr=other, code=1, state="failed"))
        self.assertEqual(verdict.text, "different: stderr differs from line 1")
        # TwinRun never prints a traceback: one on its side is not explained by the rule.
        verdict = compare(run("thread", stderr=THREAD_TRACEBACK, code=1, state="failed"),
                          run("process", stderr=b"RuntimeError: boom\n", code=1, state="failed"))
        self.assertEqual(verdict.kind, "different")

    def test_a_python_thread_has_no_exit_code(self):
        verdict = compare(run("thread", code=3, state="failed"),
                          run("python-thread", code=None, state="failed"))
        self.assertEqual(verdict.rules, ["thread-exit-code"])
        self.assertTrue(verdict.text.startswith("differs as documented: a Python thread has no "
                                                "exit code"))
        verdict = compare(run("process", code=3, state="failed"),
                          run("python-process", code=None, state="failed"))
        self.assertEqual(verdict.text, "different: exit codes differ")

    def test_a_thread_cannot_be_killed(self):
        killed = run("process", b"1\n", code=-9, state="killed", target="count")
        thread = run("thread", b"1\n2\n3\n", target="count")
        verdict = compare(killed, thread)
        self.assertEqual(verdict.rules, ["thread-not-stoppable"])
        self.assertTrue(verdict.text.startswith("differs as documented: a thread cannot be "
                                                "killed"))
        # A Python thread cannot be terminated either; TwinRun's cooperative terminate() can.
        terminated = run("thread", b"1\n", code=-15, state="terminated", target="count")
        python = run("python-thread", b"1\n2\n", code=None, state="running", target="count")
        self.assertEqual(compare(terminated, python).rules, ["thread-not-stoppable"])
        # Output that is not a prefix of the thread's is a real difference.
        verdict = compare(run("process", b"9\n", code=-9, state="killed"), thread)
        self.assertEqual(verdict.text, "different: stdout differs from line 1")
        # Two processes, one killed: nothing documented about that.
        self.assertEqual(compare(killed, run("python-process", b"1\n2\n3\n")).kind, "different")

    def test_whoami_differs_by_nature_only_in_its_values(self):
        a = run("thread", b"name: Thread-1 (whoami)\npid: 1\n", target="whoami")
        b = run("python-process", b"name: Process-1\npid: 2\n", target="whoami")
        self.assertEqual(compare(a, b).rules, ["differs-by-nature"])
        c = run("python-process", b"name: Process-1\nuid: 2\n", target="whoami")
        self.assertEqual(compare(a, c).text, "different: stdout differs from line 1")
        d = run("python-process", b"name: Process-1\npid: 2\n", target="faz_algo")
        self.assertEqual(compare(a, d).kind, "different")

    def test_compare_command(self):
        twin = {"backend": "thread", "target": "fail", "stdout": "", "exit_code": 1,
                "stderr": "RuntimeError: boom\n", "state": "failed"}
        python = dict(twin, backend="python-thread", stderr=THREAD_TRACEBACK.decode())
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for name, record in (("a", twin), ("b", python), ("c", dict(python, stdout="x"))):
                paths.append(os.path.join(folder, name + ".json"))
                with open(paths[-1], "w", encoding="utf-8") as f:
                    json.dump(record, f)
            for other, status, kind in ((paths[1], 0, "documented"), (paths[2], 1, "different")):
                done = subprocess.run([sys.executable, t.RUNNER, "compare", paths[0], other],
                                      capture_output=True, timeout=t.TIMEOUT)
                self.assertEqual(done.returncode, status, done.stderr)
                self.assertEqual(json.loads(done.stdout)["kind"], kind)


if __name__ == "__main__":
    unittest.main()
