"""The runner's contract: refusals, crashes, stop requests, timeouts, usage errors, encoding,
and the `targets` listing, checked against the C++ TwinRun where it has an answer."""

import json
import os
import select
import signal
import subprocess
import sys
import unittest

import twinrun_testing as t
import twinrun_call
import twinrun_compare

REFUSED = [  # (spec, as a thread): what TwinRun refuses before anything starts
    (t.launch_spec("count"), True),
    (t.launch_spec("count", 1, 2, 3), True),
    (t.launch_spec("count", "x"), True),
    (t.launch_spec("count", True), True),
    (t.launch_spec("count", 3, kwargs={"delay": -1}), True),
    (t.launch_spec("faz_algo", 1, kwargs={"k": 1}), True),
    (t.launch_spec("flood", 1, -1), True),
    (t.launch_spec("crash", "x", mode="process"), False),
    (t.launch_spec("crash"), True),
    (t.launch_spec("nope"), True),
]


class Started:
    """A runner started in the background, its report on a pipe; bounded everywhere."""

    def __init__(self, spec, as_, extra=()):
        read_fd, write_fd = os.pipe()
        path = t.write_spec(spec)
        try:
            with open(path, "rb") as stdin:
                self.process = subprocess.Popen(t.runner_command(as_, None, write_fd, extra),
                                                stdin=stdin, stdout=subprocess.PIPE,
                                                stderr=subprocess.PIPE, pass_fds=(write_fd,))
        finally:
            os.remove(path)
            os.close(write_fd)
        self.report_fd = read_fd

    def first_line(self):
        ready, _, _ = select.select([self.process.stdout], [], [], t.TIMEOUT)
        if not ready:
            raise TimeoutError("the target printed nothing")
        return self.process.stdout.readline()

    def finish(self):
        try:
            out, err = self.process.communicate(timeout=t.TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            with os.fdopen(self.report_fd, "rb") as report:
                text = report.read()
        return t.Run(out, err, self.process.returncode, json.loads(text))


class RunnerTest(t.RunnerTestCase):
    def test_refusals_match_twinruns_words(self):
        t.require_twinrun(self)
        for spec, as_thread in REFUSED:
            with self.subTest(spec=spec["worker"]):
                target, why = twinrun_call.prepare_call(
                    twinrun_call.spec_from_json(spec), as_thread)
                self.assertIsNone(target)
                twin = t.run_twinrun_plain("run", "--spec", path := t.write_spec(spec))
                os.remove(path)
                self.assertEqual(twin.status, 2)
                self.assertIn(f": {why}\n".encode(), twin.stderr)

    def test_a_refused_call_runs_nothing_and_says_why(self):
        run = t.run_python(t.launch_spec("crash"), "thread")
        self.assertEqual((run.stdout, run.stderr, run.status), (b"", b"", 1))
        self.assertEqual(run.report["state"], "failed to start")
        self.assertIsNone(run.report["exit_code"])
        self.assertIn("crash() refused as a thread: a crash in a thread takes the whole app "
                      "down", run.report["error"])

    def test_a_bad_spec_is_bad_usage(self):
        for text in ("{", '{"target": "noop", "args": [{"type": "money", "value": 1}]}'):
            with self.subTest(text=text):
                done = subprocess.run(t.runner_command("thread"), input=text.encode(),
                                      capture_output=True, timeout=t.TIMEOUT)
                self.assertEqual((done.returncode, done.stdout), (2, b""))
                self.assertEqual(done.stderr.count(b"\n"), 1, done.stderr)
                self.assertTrue(done.stderr.startswith(b"twinrun_python.py run: --spec '-': "))

    def test_a_segfault_is_a_crash(self):
        run = t.run_python(t.launch_spec("crash", "segv"), "process", "forkserver")
        self.assertEqual((run.report["state"], run.report["exit_code"], run.status),
                         ("crashed", -11, 139))
        self.assertEqual((run.report["signal"], run.report["python_exitcode"]), ("SIGSEGV", -11))

    def test_report_fields(self):
        run = t.run_python(t.launch_spec("exit", 300, name="seven", daemon=True), "thread")
        report = run.report
        self.assertEqual({k: report[k] for k in ("name", "backend", "target", "daemon", "state",
                                                 "exit_code", "python_exitcode", "start_method")},
                         {"name": "seven", "backend": "python-thread", "target": "exit",
                          "daemon": True, "state": "failed", "exit_code": 44,
                          "python_exitcode": None, "start_method": None})
        self.assertEqual(run.status, 44)
        self.assertIsInstance(report["ident"], str)
        self.assertGreater(report["native_id"], 0)
        self.assertGreaterEqual(report["duration_ms"], 0)
        self.assertRegex(report["start_time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$")
        self.assertEqual(report["args"], [{"type": "int", "value": 300}])

    def test_stubborn_process_ignores_sigterm_until_killed(self):
        run = Started(t.launch_spec("stubborn", 60.0), "process", ["--grace", "0.3"])
        self.assertEqual(run.first_line(), b"ignoring stop requests for 60.0 seconds\n")
        run.process.send_signal(signal.SIGTERM)  # the runner's terminate(), then kill()
        done = run.finish()
        self.assertEqual((done.report["state"], done.report["exit_code"], done.status),
                         ("killed", -9, 137))

    def test_terminate_a_process(self):
        run = Started(t.launch_spec("count", 1000, 0.2), "process")
        self.assertEqual(run.first_line(), b"1\n")
        run.process.send_signal(signal.SIGTERM)
        done = run.finish()
        self.assertEqual((done.report["state"], done.report["exit_code"], done.status),
                         ("terminated", -15, 143))
        self.assertNotIn("timed_out", done.report)

    def test_kill_on_a_thread_is_refused_and_terminate_leaves_it_running(self):
        run = Started(t.launch_spec("stubborn", 60.0), "thread")
        self.assertEqual(run.first_line(), b"ignoring stop requests for 60.0 seconds\n")
        run.process.send_signal(signal.SIGUSR1)  # kill(): refused
        run.process.send_signal(signal.SIGTERM)  # terminate(): the runner gives up waiting
        done = run.finish()
        self.assertEqual((done.report["state"], done.report["exit_code"], done.status),
                         ("running", None, 143))
        self.assertIn("kill() on a thread", done.report["refused"])
        self.assertIn("cannot be stopped", done.report["error"])

    def test_timeouts(self):
        for as_, state, code in (("thread", "running", None), ("process", "terminated", -15)):
            with self.subTest(as_=as_):
                run = t.run_python(t.launch_spec("sleep", 60.0), as_, extra=["--timeout", "0.2"])
                self.assertEqual((run.report["state"], run.report["exit_code"], run.status),
                                 (state, code, 124))
                self.assertTrue(run.report["timed_out"])
                self.assertLess(run.report["duration_ms"], 30000)

    def test_output_is_utf8_whatever_pythons_locale_says(self):
        env = dict(os.environ, PYTHONIOENCODING="ascii")
        for as_ in ("thread", "process"):
            with self.subTest(as_=as_):
                run = t.run_python(t.launch_spec("faz_algo", "é😀"), as_, env=env)
                self.assertEqual(run.stdout, 'Fazendo algo com o "é😀" do tipo <class \'str\'>.\n'
                                 .encode())

    def test_whoami_prints_the_same_lines_with_values_of_its_own(self):
        thread = t.run_python(t.launch_spec("whoami"), "thread")
        process = t.run_python(t.launch_spec("whoami"), "process", "forkserver")
        lines = thread.stdout.decode().splitlines()
        self.assertEqual([line.split(":")[0] for line in lines],
                         ["name", "backend", "pid", "ident", "native id", "parent pid"])
        self.assertEqual(lines[:2], ["name: Thread-1 (whoami)", "backend: thread"])
        self.assertEqual(process.stdout.decode().splitlines()[:2],
                         ["name: Process-1", "backend: process"])
        self.assertIn(f"ident: {thread.report['ident']}", lines)
        records = [twinrun_compare.Record(r.stdout, r.stderr, r.report["exit_code"],
                                          r.report["state"], r.report["backend"], "whoami")
                   for r in (thread, process)]
        self.assertEqual(twinrun_compare.compare(*records).rules, ["differs-by-nature"])

    def test_targets_are_twinruns_targets(self):
        done = subprocess.run([sys.executable, t.RUNNER, "targets"], capture_output=True,
                              timeout=t.TIMEOUT)
        python = json.loads(done.stdout)
        self.assertIn({"name": "count", "signature": "count(n: int, delay: float = 0.0)"},
                      [{k: p[k] for k in ("name", "signature")} for p in python])
        t.require_twinrun(self)
        twin = json.loads(t.run_twinrun_plain("targets", "--json").stdout)
        self.assertEqual([p["name"] for p in python], [c["name"] for c in twin],
                         "every C++ built-in target needs a twin in twinrun_targets.py")
        self.assertEqual(python, twin)


if __name__ == "__main__":
    unittest.main()
