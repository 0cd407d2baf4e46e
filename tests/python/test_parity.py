"""Every deterministic built-in target, run by CPython as a Thread and as a Process (spawn and
forkserver) and by the C++ TwinRun: the same stdout bytes, exit code and state everywhere;
stderr the same too, except where a documented rule says why (a Python traceback)."""

import concurrent.futures
import math
import unittest

import twinrun_testing as t
import twinrun_compare

VALUES = [
    0, -1, 2 ** 63 - 1, -2 ** 63,
    1e16, 9999999999999998.0, 1e15, 1e-05, 0.0001, 9.9e-05, -0.0, math.inf, -math.inf, math.nan,
    1.5, 0.1, 1 / 3, 5e-324, 1.7976931348623157e308, -2.5e-07,
    "Edson", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnew\nline", "é ñ 中文 😀",
    "", "\x00\x01\x7f", "\u200b\u00a0\u2028",
    True, False, None,
    (1, [2.5, {"k": None, 1: (True,)}], ()), (1,), [], {}, {"a": [1e16, -0.0, math.nan]},
    ["é", "\n", "\x00", "'", '"', "'\"", "\\", "\u200b", "\x7f", "\x80", "\U0001f600"],
    {"k'": ('v"', 1e-05)}, [[[]]], ((),), {(1, 2): [None]},
]

# name: (spec, whether it runs as a thread too)
CASES = {
    "seed": (t.launch_spec("faz_algo", 1, 1.5, "Edson"), True),
    "values": (t.launch_spec("faz_algo", *VALUES), True),
    "count": (t.launch_spec("count", 3, 0), True),
    "count_kwargs": (t.launch_spec("count", kwargs={"n": 2, "delay": 0.01}), True),
    "sleep": (t.launch_spec("sleep", 0), True),
    "burn": (t.launch_spec("burn", 2000), True),
    "hold": (t.launch_spec("hold", 2, 0.0), True),
    "flood": (t.launch_spec("flood", 120, 3), True),
    "noop": (t.launch_spec("noop"), True),
    "stubborn": (t.launch_spec("stubborn", 0.0), True),
    "exit": (t.launch_spec("exit", 3), True),
    "exit_wraps": (t.launch_spec("exit", -1), True),
    "fail": (t.launch_spec("fail", "boom é"), True),
    "crash": (t.launch_spec("crash", "abort", mode="process"), False),
}
SEED_OUTPUT = (b'Fazendo algo com o "1" do tipo <class \'int\'>.\n'
               b'Fazendo algo com o "1.5" do tipo <class \'float\'>.\n'
               b'Fazendo algo com o "Edson" do tipo <class \'str\'>.\n')
PYTHON_WAYS = (("python-thread", "thread", None), ("python-spawn", "process", "spawn"),
               ("python-forkserver", "process", "forkserver"))


def _record(run, backend, target):
    code = run.report.get("exit_code")
    return twinrun_compare.Record(run.stdout, run.stderr, code, run.report.get("state", ""),
                                  backend, target)


class ParityTest(t.RunnerTestCase):
    runs = {}

    @classmethod
    def setUpClass(cls):
        jobs = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            for case, (spec, as_thread) in CASES.items():
                for way, as_, method in PYTHON_WAYS:
                    if as_thread or as_ == "process":
                        jobs[case, way] = pool.submit(t.run_python, spec, as_, method)
            cls.runs = {key: job.result() for key, job in jobs.items()}

    def records(self, case):
        """Each Python run of the case as a comparison record, by way."""
        target = CASES[case][0]["worker"]["target"]
        return {way: _record(run, way.split("-")[0] + ("-thread" if way.endswith("thread")
                                                         else "-process"), target)
                for (c, way), run in self.runs.items() if c == case}

    def test_python_thread_and_process_print_the_same_bytes(self):
        for case in CASES:
            records = self.records(case)
            first = next(iter(records.values()))
            for way, record in records.items():
                with self.subTest(case=case, way=way):
                    self.assertEqual(record.stdout, first.stdout)
                    self.assertEqual(record.exit_code, first.exit_code)
                    self.assertEqual(record.state, first.state)
                    verdict = twinrun_compare.compare(first, record)
                    self.assertIn(verdict.kind, ("identical", "documented"), verdict.text)
                    if case != "fail":
                        self.assertEqual(record.stderr, b"", record.stderr)

    def test_expected_outcomes(self):
        expected = {"seed": (SEED_OUTPUT, 0, "finished"), "count": (b"1\n2\n3\n", 0, "finished"),
                    "count_kwargs": (b"1\n2\n", 0, "finished"),
                    "sleep": (b"slept 0 seconds\n", 0, "finished"),
                    "burn": (b"303 primes below 2000\n", 0, "finished"),
                    "hold": (b"held 2 MB for 0.0 seconds\n", 0, "finished"),
                    "noop": (b"", 0, "finished"),
                    "stubborn": (b"ignoring stop requests for 0.0 seconds\ndone\n", 0, "finished"),
                    "exit": (b"", 3, "failed"), "exit_wraps": (b"", 255, "failed"),
                    "fail": (b"", 1, "failed"), "crash": (b"", -6, "crashed")}
        for case, (stdout, code, state) in expected.items():
            for way, record in self.records(case).items():
                with self.subTest(case=case, way=way):
                    self.assertEqual((record.stdout, record.exit_code, record.state),
                                     (stdout, code, state))
        flood = self.runs["flood", "python-thread"].stdout.split(b"\n")
        self.assertEqual(flood[:2] + flood[98:100] + flood[-2:], [b"1..", b"2..", b"99.", b"100",
                                                                  b"120", b""])

    def test_fail_prints_a_python_traceback_ending_in_twinruns_line(self):
        for way, record in self.records("fail").items():
            with self.subTest(way=way):
                self.assertIn(b"Traceback (most recent call last):\n", record.stderr)
                self.assertTrue(record.stderr.endswith("RuntimeError: boom é\n".encode()))
                self.assertEqual(twinrun_compare.reduce_tracebacks(record.stderr),
                                 "RuntimeError: boom é\n".encode())
        self.assertTrue(self.runs["fail", "python-thread"].stderr.startswith(
            b"Exception in thread Thread-1 (fail):\n"))
        self.assertTrue(self.runs["fail", "python-spawn"].stderr.startswith(
            b"Process Process-1:\n"))

    def test_python_prints_what_the_cpp_twinrun_prints(self):
        t.require_twinrun(self)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            cpp = dict(zip(CASES, pool.map(lambda case: t.run_twinrun(CASES[case][0]), CASES)))
        for case, twin in cpp.items():
            backend = twin.report.get("backend", "")
            twin_record = _record(twin, backend, CASES[case][0]["worker"]["target"])
            for way, record in self.records(case).items():
                with self.subTest(case=case, way=way):
                    self.assertEqual(record.stdout, twin.stdout)
                    self.assertEqual(record.exit_code, twin_record.exit_code)
                    self.assertEqual(record.state, twin_record.state)
                    verdict = twinrun_compare.compare(twin_record, record)
                    if case == "fail":
                        self.assertEqual(verdict.rules, ["error-traceback"], verdict.text)
                        self.assertTrue(verdict.text.startswith("differs as documented: "))
                    else:
                        self.assertEqual(verdict.text,
                                         "identical: same stdout, stderr and exit code")


if __name__ == "__main__":
    unittest.main()
