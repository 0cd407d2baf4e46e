#!/usr/bin/env python3
"""Python peer of `twinrun bench`: what threading.Thread and
multiprocessing.Process cost to launch and how fast their output flows.

    python3 bench/python_bench.py [--json] [--runs N] [--process-runs M]
                                  [--spawn-runs K] [--lines L] [--width W]

Standard library only. Times come from time.perf_counter_ns, which on Linux
reads CLOCK_MONOTONIC: one clock shared by every process on the machine, so
a timestamp taken in a child can be compared with one taken in its parent.
"""

import argparse
import json
import math
import multiprocessing
import os
import platform
import shlex
import statistics
import struct
import subprocess
import sys
import threading
import time

READ_CHUNK = 1 << 16
STAMP = struct.Struct("q")
PROCESS_METHODS = ("fork", "forkserver", "spawn")
PIPE_FLOOR_NAME = "pipe floor (yes | head)"


# --- targets (module level, so spawn and forkserver children can find them)

def noop():
    """The launch target: does nothing."""


def report_running(conn):
    """Send the owner the time of the target's first instruction."""
    now = time.perf_counter_ns()
    conn.send_bytes(STAMP.pack(now))


def write_lines(stream, lines, width):
    """Print numbered lines of `width` characters, like TwinRun's flood."""
    for i in range(1, lines + 1):
        print(str(i).ljust(width, "."), file=stream)
    stream.flush()


def thread_flood_target(write_fd, lines, width):
    """Thread flood: print into the pipe through a buffered text file."""
    with open(write_fd, "w") as stream:
        write_lines(stream, lines, width)


def process_flood_target(read_fd, write_fd, lines, width):
    """Process flood: make the pipe this child's stdout, then print."""
    os.close(read_fd)
    os.dup2(write_fd, 1)
    os.close(write_fd)
    # sys.stdout was built for the parent's fd 1 (maybe a tty, line
    # buffered); rebuild it as Python builds it for a piped stdout.
    sys.stdout = open(1, "w", closefd=False)
    write_lines(sys.stdout, lines, width)


# --- helpers

class Progress:
    """One overwritten status line on stderr, only when it is a terminal; or, with
    --progress-lines (TwinRun's Benchmark dialog), a line a step:
    "progress FRACTION TEXT", FRACTION counting the `total` steps expected."""

    def __init__(self, lines=False, total=1):
        self.lines = lines
        self.enabled = lines or sys.stderr.isatty()
        self.total = max(1, total)
        self.done = 0

    def show(self, text):
        """Replace the status line with `text`."""
        if self.lines:
            if text:
                self.done += 1
                sys.stderr.write(f"progress {min(1.0, self.done / self.total):.4f} {text}\n")
                sys.stderr.flush()
        elif self.enabled:
            sys.stderr.write("\r\x1b[K" + text)
            sys.stderr.flush()

    def clear(self):
        """Erase the status line."""
        self.show("")


def summarize(samples_ns):
    """min / median / p90 (nearest rank) of nanosecond samples, in µs."""
    ordered = sorted(samples_ns)
    p90 = ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]
    return {
        "min": round(ordered[0] / 1000, 1),
        "median": round(statistics.median(ordered) / 1000, 1),
        "p90": round(p90 / 1000, 1),
    }


def drain(fd):
    """Read `fd` to EOF, discarding the data; return the byte count."""
    buf = bytearray(READ_CHUNK)
    total = 0
    while True:
        got = os.readv(fd, [buf])
        if not got:
            return total
        total += got


def thread_factory():
    """Make workers with threading.Thread."""
    return lambda target, args: threading.Thread(target=target, args=args)


def process_factory(method):
    """Make workers with multiprocessing.get_context(method).Process."""
    context = multiprocessing.get_context(method)
    return lambda target, args: context.Process(target=target, args=args)


def check_exit(worker):
    """Fail loudly if a process worker did not end cleanly."""
    code = getattr(worker, "exitcode", 0)
    if code != 0:
        raise RuntimeError(f"{worker.name} ended with exit code {code}")


# --- launch

def time_joined(make):
    """Nanoseconds for create + start + join of a no-op worker."""
    start = time.perf_counter_ns()
    worker = make(noop, ())
    worker.start()
    worker.join()
    elapsed = time.perf_counter_ns() - start
    check_exit(worker)
    return elapsed


def time_running(make, reader, writer):
    """Nanoseconds from just before start() to the target's first line.

    The target sends its own perf_counter_ns stamp through a pipe the owner
    waits on, so the owner's wake-up latency is not counted.
    """
    worker = make(report_running, (writer,))
    start = time.perf_counter_ns()
    worker.start()
    (running,) = STAMP.unpack(reader.recv_bytes())
    worker.join()
    check_exit(worker)
    return running - start


def bench_launch(name, make, runs, progress):
    """Both launch passes for one kind of worker, after one warm-up each."""
    reader, writer = multiprocessing.Pipe(duplex=False)
    time_joined(make)  # warm-up: e.g. starts the forkserver
    time_running(make, reader, writer)
    joined, running = [], []
    for i in range(runs):
        progress.show(f"launch {name}: joined {i + 1}/{runs}")
        joined.append(time_joined(make))
    for i in range(runs):
        progress.show(f"launch {name}: running {i + 1}/{runs}")
        running.append(time_running(make, reader, writer))
    reader.close()
    writer.close()
    return {"name": name, "runs": runs,
            "joined_us": summarize(joined), "running_us": summarize(running)}


def launch_plan(args):
    """(name, factory, runs) for every launch scenario."""
    plan = [("threading.Thread", thread_factory(), args.runs)]
    for method in PROCESS_METHODS:
        runs = args.spawn_runs if method == "spawn" else args.process_runs
        name = f"multiprocessing {method}"
        plan.append((name, process_factory(method), runs))
    return plan


# --- flood

def flood_result(name, lines, nbytes, elapsed_ns):
    """One flood entry in the shared JSON shape."""
    seconds = elapsed_ns / 1e9
    return {"name": name, "lines": lines, "bytes": nbytes,
            "seconds": round(seconds, 4),
            "lines_per_s": round(lines / seconds),
            "mb_per_s": round(nbytes / 1e6 / seconds, 1)}


def flood_thread(lines, width):
    """A thread prints into a pipe; the main thread reads it to EOF."""
    read_fd, write_fd = os.pipe()
    start = time.perf_counter_ns()
    worker = threading.Thread(target=thread_flood_target,
                              args=(write_fd, lines, width))
    worker.start()
    nbytes = drain(read_fd)
    worker.join()
    elapsed = time.perf_counter_ns() - start
    os.close(read_fd)
    return flood_result("threading.Thread", lines, nbytes, elapsed)


def flood_process(lines, width):
    """A forked child prints to its stdout, a pipe the parent reads to EOF."""
    context = multiprocessing.get_context("fork")
    read_fd, write_fd = os.pipe()
    start = time.perf_counter_ns()
    worker = context.Process(target=process_flood_target,
                             args=(read_fd, write_fd, lines, width))
    worker.start()
    os.close(write_fd)
    nbytes = drain(read_fd)
    worker.join()
    elapsed = time.perf_counter_ns() - start
    os.close(read_fd)
    check_exit(worker)
    return flood_result("multiprocessing fork", lines, nbytes, elapsed)


def flood_pipe_floor(lines, width):
    """`yes | head` read through subprocess stdout: the cost of the pipe."""
    command = f"yes {shlex.quote('y' * width)} | head -n {lines}"
    start = time.perf_counter_ns()
    with subprocess.Popen(["sh", "-c", command],
                          stdout=subprocess.PIPE) as shell:
        nbytes = drain(shell.stdout.fileno())
    elapsed = time.perf_counter_ns() - start
    return flood_result(PIPE_FLOOR_NAME, lines, nbytes, elapsed)


def bench_flood(lines, width, progress):
    """The three flood scenarios, one run each."""
    results = []
    for label, run in (("threading.Thread", flood_thread),
                       ("multiprocessing fork", flood_process),
                       ("pipe floor", flood_pipe_floor)):
        progress.show(f"flood {label}: {lines:,} lines")
        results.append(run(lines, width))
    return results


# --- output

def print_table(headers, rows):
    """A plain text table, first column left aligned, the rest right."""
    widths = [max(len(str(cell)) for cell in column)
              for column in zip(headers, *rows)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [str(row[0]).ljust(widths[0])]
        cells += [str(c).rjust(w) for c, w in zip(row[1:], widths[1:])]
        print("  ".join(cells))


def print_human(report):
    """The report as two readable tables."""
    print(f"Python {report['python']}, {report['width'] + 1}-byte lines\n")
    rows = []
    for entry in report["launch"]:
        joined, running = entry["joined_us"], entry.get("running_us", {})
        rows.append([entry["name"], entry["runs"], joined["median"],
                     joined["min"], joined["p90"], running.get("median", "-")])
    print_table(["launch (µs)", "runs", "joined median", "min", "p90",
                 "running median"], rows)
    print()
    rows = [[e["name"], f"{e['lines']:,}", f"{e['seconds']:.3f}",
             f"{e['lines_per_s']:,}", f"{e['mb_per_s']:.1f}"]
            for e in report["flood"]]
    print_table(["flood", "lines", "seconds", "lines/s", "MB/s"], rows)


def parse_args(argv=None):
    """Command line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200,
                        help="threading.Thread launches (default 200)")
    parser.add_argument("--process-runs", type=int, default=50,
                        help="fork and forkserver launches (default 50)")
    parser.add_argument("--spawn-runs", type=int, default=20,
                        help="spawn launches (default 20)")
    parser.add_argument("--lines", type=int, default=1_000_000,
                        help="flood lines (default 1000000)")
    parser.add_argument("--width", type=int, default=39,
                        help="characters per flood line, plus a newline"
                             " (default 39)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object instead of tables")
    parser.add_argument("--progress-lines", action="store_true",
                        help="progress on stderr, a line a step:"
                             " \"progress FRACTION STEP\"")
    args = parser.parse_args(argv)
    for option in ("runs", "process_runs", "spawn_runs", "lines"):
        if getattr(args, option) < 1:
            parser.error(f"--{option.replace('_', '-')} must be at least 1")
    if args.width < 0:
        parser.error("--width must not be negative")
    return args


def main(argv=None):
    """Run every scenario and print the report."""
    args = parse_args(argv)
    plan = launch_plan(args)
    progress = Progress(args.progress_lines,
                        sum(2 * runs for _, _, runs in plan) + 3)
    report = {"python": platform.python_version(), "width": args.width,
              "launch": [bench_launch(name, make, runs, progress)
                         for name, make, runs in plan],
              "flood": bench_flood(args.lines, args.width, progress)}
    progress.clear()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_human(report)


if __name__ == "__main__":
    main()
