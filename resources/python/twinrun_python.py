#!/usr/bin/env python3
"""Runs one TwinRun launch spec with CPython's own threading.Thread or multiprocessing.Process.

    twinrun_python.py run --as thread|process [--start-method spawn|forkserver|fork]
                          --spec FILE|- [--report-fd N | --report FILE]
                          [--timeout SECONDS] [--grace SECONDS]
    twinrun_python.py targets
    twinrun_python.py compare RECORD_A RECORD_B

`run`: the target's stdout and stderr are Python's, byte for byte; the runner writes nothing
else to them (a bad command line or spec is one line on stderr, exit 2, and nothing runs).
The report, one JSON object and a newline, goes to the report fd or file (README.md here
lists its fields). SIGTERM or SIGINT to the runner: Process.terminate() (SIGKILL after the
grace period); SIGUSR1: Process.kill(). A thread cannot be stopped (Python has no way): kill
is refused and noted, terminate or a timeout ends the runner with the thread still running.
Exit status, as `twinrun run`'s: the exit code; 128+N for a process ended by signal N; 124
after --timeout; 130/143 when stopped by SIGINT/SIGTERM with a thread running; 1 when the
call was refused (failed to start); 2 for bad usage.

`targets`: every target's name, signature, description and parameters, as JSON, in the shape
of `twinrun targets --json`. `compare`: the verdict for two run records (twinrun_compare).
"""

import argparse
import datetime
import json
import multiprocessing
import multiprocessing.util
import os
import resource
import signal
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also under python3 -P / -I
import twinrun_call  # noqa: E402 (the modules beside this file)
import twinrun_compare  # noqa: E402
import twinrun_targets  # noqa: E402
import twinrun_values  # noqa: E402

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 124
POLL_SECONDS = 0.05
_KINDS = {"POSITIONAL_OR_KEYWORD": "positional", "POSITIONAL_ONLY": "positional",
          "VAR_POSITIONAL": "var_positional", "KEYWORD_ONLY": "keyword_only",
          "VAR_KEYWORD": "var_keyword"}


class StopRequests:
    """terminate() / kill() asked of the worker through signals to the runner."""

    def __init__(self):
        self.terminate = self.kill = False
        self.signal = None

    def install(self):
        def on_terminate(signum, _frame):
            self.terminate, self.signal = True, signum

        def on_kill(_signum, _frame):
            self.kill = True
        signal.signal(signal.SIGTERM, on_terminate)
        signal.signal(signal.SIGINT, on_terminate)
        signal.signal(signal.SIGUSR1, on_kill)
        # A fork child inherits these handlers: it gets Python's defaults back before its
        # target runs (spawn and forkserver children start from exec, with the defaults).
        multiprocessing.util.register_after_fork(self, StopRequests._restore_defaults)

    @staticmethod
    def _restore_defaults(_self):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)


def _die_with_parent():
    """Linux: SIGTERM to the runner when its parent dies, so no worker outlives the app."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _utf8_streams():
    """TwinRun writes UTF-8 whatever the locale: make Python (and its children) do so too."""
    for stream in (sys.stdout, sys.stderr):
        if stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
            os.environ["PYTHONIOENCODING"] = "utf-8"


def _cpu(usage_before, who):
    if usage_before is None:
        return {"cpu_user_ms": None, "cpu_system_ms": None}
    after = resource.getrusage(who)
    return {"cpu_user_ms": round((after.ru_utime - usage_before.ru_utime) * 1000, 3),
            "cpu_system_ms": round((after.ru_stime - usage_before.ru_stime) * 1000, 3)}


def _state_for(code):
    return "finished" if code == 0 else "failed"


def run_thread(spec, target, stops, timeout):
    """threading.Thread(target=...).start(), join; the report's fields."""
    uncaught = []

    def hook(args):
        if args.thread is worker:
            uncaught.append(args.exc_value)
        threading.__excepthook__(args)  # Python's own: the traceback, or silence for SystemExit
    threading.excepthook = hook
    worker = threading.Thread(target=target.function, args=spec.args, kwargs=spec.kwargs,
                              name=spec.name or None, daemon=spec.daemon)
    stops.install()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    report = {"start_time": datetime.datetime.now().isoformat(timespec="milliseconds")}
    began = time.perf_counter()
    worker.start()
    report.update(pid=os.getpid(), ident=str(worker.ident), native_id=worker.native_id)
    deadline = None if timeout is None else began + timeout
    while worker.is_alive():
        worker.join(POLL_SECONDS)
        if stops.kill and "refused" not in report:
            report["refused"] = ("kill() on a thread: Python's Thread has no kill(), and a "
                                 "thread cannot be killed without taking its process down")
        if worker.is_alive() and (stops.terminate or (deadline and time.perf_counter() > deadline)):
            report.update(state="running", exit_code=None, timed_out=not stops.terminate,
                          error="still running, cannot be stopped: Python's Thread has no "
                                "terminate(); the thread ends with the runner")
            break
    report["duration_ms"] = round((time.perf_counter() - began) * 1000, 3)
    report.update(_cpu(usage, resource.RUSAGE_SELF), name=worker.name, python_exitcode=None)
    if "state" in report:
        return report
    code = 0  # TwinRun's rule for threads: 0, N for sys.exit(N), 1 for an uncaught error
    if uncaught and isinstance(uncaught[0], SystemExit):
        exit_arg = uncaught[0].code
        code = 0 if exit_arg is None else exit_arg & 0xFF if isinstance(exit_arg, int) else 1
    elif uncaught:
        code = 1
        report["error"] = f"{type(uncaught[0]).__name__}: {uncaught[0]}"
    report.update(state=_state_for(code), exit_code=code)
    return report


def _stop_process(process, stops, deadline, grace):
    """Sends what the stop requests and the timeout ask for; returns what was sent."""
    if stops.kill:
        process.kill()
        return "kill"
    if stops.terminate or (deadline and time.perf_counter() > deadline):
        process.terminate()
        process.join(grace)
        if process.is_alive():
            process.kill()
            return "kill"
        return "terminate"
    return None


def run_process(spec, target, method, stops, timeout, grace):
    """multiprocessing.Process(target=...).start() with that start method, join; the report.

    The start method is set as a program sets it (set_start_method), not through
    get_context(method).Process, whose default names are SpawnProcess-N, ForkServerProcess-N:
    multiprocessing.Process names them Process-N, as TwinRun does."""
    multiprocessing.set_start_method(method, force=True)
    process = multiprocessing.Process(target=target.function, args=spec.args,
                                      kwargs=spec.kwargs, name=spec.name or None,
                                      daemon=spec.daemon)
    sys.stdout.flush()
    sys.stderr.flush()
    usage = None if method == "forkserver" else resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {"start_time": datetime.datetime.now().isoformat(timespec="milliseconds"),
              "name": process.name}
    stops.install()  # before start: a stop request may come as soon as the target runs
    began = time.perf_counter()
    try:
        process.start()
    except Exception as e:  # noqa: BLE001 (whatever keeps it from starting is the report)
        return dict(report, state="failed to start", exit_code=None, python_exitcode=None,
                    error=f"{type(e).__name__}: {e}", duration_ms=0.0)
    report.update(pid=process.pid, ident=str(process.ident), native_id=process.pid)
    deadline = None if timeout is None else began + timeout
    sent = None
    while process.exitcode is None:
        process.join(POLL_SECONDS)
        if process.exitcode is None and sent != "kill":
            sent = _stop_process(process, stops, deadline, grace) or sent
    report["duration_ms"] = round((time.perf_counter() - began) * 1000, 3)
    report.update(_cpu(usage, resource.RUSAGE_CHILDREN))
    code = process.exitcode
    report.update(exit_code=code, python_exitcode=code)
    if code >= 0:
        report["state"] = _state_for(code)
    else:
        report["signal"] = signal.Signals(-code).name
        stopped = {signal.SIGTERM: "terminated", signal.SIGKILL: "killed"}.get(-code)
        report["state"] = stopped if sent and stopped else "crashed"
    if sent and deadline and not (stops.terminate or stops.kill):
        report["timed_out"] = True
    return report


def _write_report(report, options):
    text = json.dumps(report) + "\n"  # ASCII: any reader, any string
    if options.report_fd is not None:
        with os.fdopen(options.report_fd, "w", encoding="utf-8", closefd=True) as out:
            out.write(text)
    elif options.report:
        with open(options.report, "w", encoding="utf-8") as out:
            out.write(text)


def _exit_status(report, stops):
    if report.get("timed_out"):
        return EXIT_TIMEOUT
    if report["state"] == "failed to start":
        return EXIT_REFUSED
    if report["state"] == "running":
        return 128 + (stops.signal or signal.SIGTERM)
    code = report["exit_code"]
    return 128 - code if code < 0 else code


def command_run(options):
    try:
        if options.spec == "-":
            text = sys.stdin.read()
        else:
            with open(options.spec, encoding="utf-8") as f:
                text = f.read()
        spec = twinrun_call.read_spec(text)
    except (OSError, twinrun_call.SpecError) as e:
        print(f"twinrun_python.py run: --spec {options.spec!r}: {e}", file=sys.stderr)
        return EXIT_USAGE
    as_thread = options.as_ == "thread"
    method = options.start_method or spec.start_method
    report = {"backend": "python-thread" if as_thread else "python-process",
              "target": spec.target,
              "args": [twinrun_values.to_json(v) for v in spec.args],
              "kwargs": {k: twinrun_values.to_json(v) for k, v in spec.kwargs.items()},
              "daemon": spec.daemon, "start_method": None if as_thread else method,
              "python": sys.version.split()[0]}
    target, refusal = twinrun_call.prepare_call(spec, as_thread)
    stops = StopRequests()
    if refusal:
        report.update(name=spec.name, state="failed to start", exit_code=None,
                      python_exitcode=None, error=refusal)
    else:
        _utf8_streams()
        _die_with_parent()
        if as_thread:
            report.update(run_thread(spec, target, stops, options.timeout))
        else:
            report.update(run_process(spec, target, method, stops, options.timeout,
                                      options.grace))
    sys.stdout.flush()
    sys.stderr.flush()
    _write_report(report, options)
    status = _exit_status(report, stops)
    if report["state"] == "running":
        os._exit(status)  # the thread cannot be stopped: it ends with the runner
    return status


def command_targets(_options):
    import inspect
    listing = []
    for name, target in twinrun_targets.TARGETS.items():
        params = []
        for p in inspect.signature(target.function).parameters.values():
            param = {"kind": _KINDS[p.kind.name], "name": p.name,
                     "types": [] if p.annotation is p.empty else [p.annotation.__name__]}
            if p.default is not p.empty:
                param["default"] = twinrun_values.to_json(p.default)
            params.append(param)
        listing.append({"name": name, "description": target.description,
                        "signature": name + str(inspect.signature(target.function)),
                        "params": params, "process_only": bool(target.thread_refusal),
                        "deterministic": target.deterministic})
    print(json.dumps(listing, indent=4, ensure_ascii=False))
    return 0


def command_compare(options):
    records = []
    for path in (options.a, options.b):
        with open(path, encoding="utf-8") as f:
            records.append(twinrun_compare.record_from_json(json.load(f)))
    verdict = twinrun_compare.compare(*records)
    print(json.dumps({"verdict": verdict.text, "kind": verdict.kind, "rules": verdict.rules}))
    return 0 if verdict.kind != "different" else 1


def parse(argv):
    parser = argparse.ArgumentParser(prog="twinrun_python.py",
                                     description="TwinRun's built-in targets run by CPython.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a launch spec with threading or multiprocessing")
    run.add_argument("--as", dest="as_", required=True, choices=("thread", "process"))
    run.add_argument("--start-method", choices=twinrun_call.START_METHODS,
                     help="default: the spec's start_method (spawn)")
    run.add_argument("--spec", required=True, metavar="FILE|-")
    out = run.add_mutually_exclusive_group()
    out.add_argument("--report-fd", type=int, metavar="N")
    out.add_argument("--report", metavar="FILE")
    run.add_argument("--timeout", type=float, metavar="SECONDS")
    run.add_argument("--grace", type=float, default=3.0, metavar="SECONDS",
                     help="after terminate(), wait this long before kill() (default 3)")
    sub.add_parser("targets", help="every target's signature and description, as JSON")
    compare = sub.add_parser("compare", help="the verdict for two run records (JSON files)")
    compare.add_argument("a")
    compare.add_argument("b")
    return parser.parse_args(argv)


def main(argv=None):
    options = parse(argv)
    return {"run": command_run, "targets": command_targets,
            "compare": command_compare}[options.command](options)


if __name__ == "__main__":
    sys.exit(main())
