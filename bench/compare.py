#!/usr/bin/env python3
"""Run `twinrun bench --json` and bench/python_bench.py --json on this
machine, one after the other, and print a Markdown report with the goals.

    python3 bench/compare.py [--twinrun PATH] [--repeat N] [--runs N]
                             [--lines L] [--json-out FILE] [--markdown-out FILE]

With --repeat N both benchmarks run N times, alternating, and every figure is
the median of the N runs (one run is noisy on a small VM: single-run ratios
swing by 2x).

Standard library only. Entries are matched by name prefix, ignoring case,
spaces and punctuation; anything missing shows as "n/a" or "not measured".
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_BENCH = os.path.join(HERE, "python_bench.py")
DEFAULT_TWINRUN = os.path.join(HERE, os.pardir, "build", "app", "twinrun")
NA = "n/a"

# (row label, "twinrun" or "python", name prefix)
LAUNCH_ROWS = [
    ("TwinRun thread", "twinrun", "thread"),
    ("TwinRun process (spawn)", "twinrun", "process (spawn"),
    ("TwinRun process (forkserver)", "twinrun", "process (forkserver"),
    ("std::thread (floor)", "twinrun", "std::thread"),
    ("QThread::create (floor)", "twinrun", "QThread::create"),
    ("posix_spawn /bin/true (floor)", "twinrun", "posix_spawn"),
    ("fork + _exit (floor)", "twinrun", "fork + _exit"),
    ("Python threading.Thread", "python", "threading.Thread"),
    ("Python multiprocessing fork", "python", "multiprocessing fork"),
    ("Python multiprocessing forkserver", "python",
     "multiprocessing forkserver"),
    ("Python multiprocessing spawn", "python", "multiprocessing spawn"),
]
OPTIONAL_LAUNCH_ROWS = {"TwinRun process (forkserver)"}

FLOOD_ROWS = [
    ("TwinRun thread", "twinrun", "thread"),
    ("TwinRun process (spawn)", "twinrun", "process (spawn"),
    ("TwinRun process (forkserver)", "twinrun", "process (forkserver"),
    ("TwinRun pipe floor (yes | head)", "twinrun", "pipe floor"),
    ("Python threading.Thread", "python", "threading.Thread"),
    ("Python multiprocessing fork", "python", "multiprocessing fork"),
    ("Python pipe floor (yes | head)", "python", "pipe floor"),
]


# --- finding entries

def normalize(name):
    """Lower case, letters and digits only: 'Fork + _exit' -> 'forkexit'."""
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def find(entries, prefix):
    """The entry named `prefix`, else the first whose name starts with it."""
    key = normalize(prefix)
    named = [(normalize(e.get("name", "")), e) for e in entries or []
             if isinstance(e, dict)]
    for name, entry in named:
        if name == key:
            return entry
    for name, entry in named:
        if name.startswith(key):
            return entry
    return None


def stat(entry, key, field="median"):
    """entry[key][field] as a float, or None."""
    try:
        return float(entry[key][field])
    except (KeyError, TypeError, ValueError):
        return None


def value(entry, field):
    """entry[field] as a float, or None."""
    try:
        return float(entry[field])
    except (KeyError, TypeError, ValueError):
        return None


# --- running the benchmarks

def parse_json_output(text, what):
    """The JSON object a benchmark printed, tolerating stray lines."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        start, end = text.find("{"), text.rfind("}")
        if start >= 0 and end > start:
            try:
                return json.loads(text[start:end + 1])
            except json.JSONDecodeError:
                pass
    sys.exit(f"compare.py: {what} did not print JSON:\n{text[:2000]}")


def run_json(command, what):
    """Run `command` (stderr passes through) and parse its JSON stdout."""
    print(f"running: {shlex.join(command)}", file=sys.stderr)
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    except OSError as error:
        sys.exit(f"compare.py: cannot run {what}: {error}")
    if done.returncode != 0:
        sys.exit(f"compare.py: {what} failed with exit code {done.returncode}")
    return parse_json_output(done.stdout, what)


def twinrun_command(args):
    """`twinrun bench --json` with the passed-through options."""
    command = [args.twinrun, "bench", "--json"]
    for option in ("runs", "lines"):
        if getattr(args, option) is not None:
            command += [f"--{option}", str(getattr(args, option))]
    return command


def python_command(args):
    """`python_bench.py --json` with the passed-through options."""
    command = [sys.executable, PYTHON_BENCH, "--json"]
    for option in ("runs", "process_runs", "spawn_runs", "lines"):
        if getattr(args, option) is not None:
            command += [f"--{option.replace('_', '-')}",
                        str(getattr(args, option))]
    return command


def load_twinrun(args):
    """TwinRun's results: from --twinrun-json if given, else by running it."""
    if args.twinrun_json:
        with open(args.twinrun_json, encoding="utf-8") as f:
            return parse_json_output(f.read(), args.twinrun_json)
    return run_json(twinrun_command(args), "twinrun bench")


def merge_runs(runs):
    """One result from several runs of the same benchmark: numbers become
    their median, lists of named entries are matched by name, anything else
    is taken from the first run."""
    first = runs[0]
    if isinstance(first, bool) or not isinstance(first, (int, float, dict,
                                                         list)):
        return first
    if isinstance(first, (int, float)):
        numbers = [r for r in runs if isinstance(r, (int, float))
                   and not isinstance(r, bool)]
        return statistics.median(numbers) if numbers else first
    if isinstance(first, dict):
        return {key: merge_runs([r[key] for r in runs
                                 if isinstance(r, dict) and key in r])
                for key in first}
    merged = []
    for index, item in enumerate(first):
        if isinstance(item, dict) and "name" in item:
            same = [find(r, item["name"]) for r in runs]
            merged.append(merge_runs([x for x in same if x is not None]))
        else:
            merged.append(merge_runs([r[index] for r in runs
                                      if isinstance(r, list)
                                      and index < len(r)]))
    return merged


# --- the machine

def read_text(path):
    """A file's text, or '' when it cannot be read."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def cpu_model():
    """The CPU model from /proc/cpuinfo, or the platform's guess."""
    for line in read_text("/proc/cpuinfo").splitlines():
        key, _, rest = line.partition(":")
        if key.strip() in ("model name", "Hardware", "Model") and rest.strip():
            return rest.strip()
    return platform.processor() or NA


def os_name():
    """PRETTY_NAME from /etc/os-release, else the platform name."""
    for line in read_text("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip().strip('"')
    return platform.platform()


def machine_info():
    """What the numbers were measured on."""
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    return {"nproc": nproc, "cpu": cpu_model(), "os": os_name(),
            "kernel": platform.release(),
            "date": datetime.datetime.now().astimezone()
            .isoformat(timespec="seconds")}


# --- formatting

def fmt_us(us):
    """Microseconds, with as many decimals as are worth reading."""
    if us is None:
        return NA
    if us < 10:
        return f"{us:.2f}"
    if us < 100:
        return f"{us:.1f}"
    return f"{us:,.0f}"


def fmt_num(number, spec):
    """`number` formatted with `spec`, or n/a."""
    return NA if number is None else format(number, spec)


def fmt_ratio(ratio):
    """A ratio like '3.42x'."""
    return NA if ratio is None else f"{ratio:.2f}x"


def markdown_row(cells):
    """One Markdown table row, with '|' inside cells escaped."""
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"


def markdown_table(headers, rows, align=None):
    """A Markdown table; `align` is one 'l' or 'r' per column (default: the
    first column left, the rest right)."""
    align = align or "l" + "r" * (len(headers) - 1)
    rule = "|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|"
    return [markdown_row(headers), rule] + [markdown_row(r) for r in rows]


# --- report sections

def section_machine(machine, results, command):
    """Where, when and how to reproduce."""
    twinrun, python = results["twinrun"], results["python"]
    return [
        "# TwinRun vs Python: benchmark",
        "",
        f"- Machine: {machine['nproc']} CPUs, {machine['cpu']}",
        f"- OS: {machine['os']} (kernel {machine['kernel']})",
        f"- Date: {machine['date']}",
        f"- TwinRun {twinrun.get('twinrun', NA)}, "
        f"Python {python.get('python', NA)}",
        f"- Reproduce: `{command}`",
        f"- Figures: the median of {twinrun.get('repeat', 1)} run(s) of each"
        " benchmark",
    ]


def section_launch(results):
    """Launch latency table."""
    rows = []
    for label, side, prefix in LAUNCH_ROWS:
        entry = find(results[side].get("launch"), prefix)
        if entry is None and label in OPTIONAL_LAUNCH_ROWS:
            continue
        runs = entry.get("runs", results[side].get("runs")) if entry else None
        rows.append([label, NA if runs is None else runs]
                    + [fmt_us(stat(entry, "joined_us", f))
                       for f in ("median", "min", "p90")]
                    + [fmt_us(stat(entry, "running_us"))])
    headers = ["Launch", "runs", "to joined, median µs", "min µs", "p90 µs",
               "to running, median µs"]
    note = ("To joined: create + start + join. To running: from launch to"
            " the target's first instruction (Python: from just before"
            " start(), stamped by the target itself on the shared monotonic"
            " clock).")
    return ["", "## Launch (no-op target)", "", note, ""] \
        + markdown_table(headers, rows)


def section_flood(results):
    """Output throughput table."""
    rows = []
    for label, side, prefix in FLOOD_ROWS:
        entry = find(results[side].get("flood"), prefix)
        if entry is None:
            continue
        rows.append([label, fmt_num(value(entry, "lines"), ",.0f"),
                     fmt_num(value(entry, "lines_per_s"), ",.0f"),
                     fmt_num(value(entry, "mb_per_s"), ".1f"),
                     fmt_num(value(entry, "seconds"), ".3f")])
    headers = ["Flood (worker prints, owner reads)", "lines", "lines/s",
               "MB/s", "seconds"]
    note = ("One worker prints the lines; its owner reads them to EOF."
            " The pipe floor is `yes | head` read to EOF: the cost of the"
            " pipe alone.")
    return ["", "## Output flood", "", note, ""] \
        + markdown_table(headers, rows)


def section_memory(results):
    """TwinRun's memory and responsiveness lines."""
    memory = results["twinrun"].get("memory") or {}
    stalls = results["twinrun"].get("responsiveness") or {}
    lines = ["", "## Memory and responsiveness (TwinRun)", ""]
    if memory:
        lines.append(
            f"- Memory: {fmt_num(value(memory, 'lines'), ',.0f')}-line flood,"
            f" peak RSS {fmt_num(value(memory, 'peak_rss_mb'), '.1f')} MB"
            f" (log kept {fmt_num(value(memory, 'log_lines_kept'), ',.0f')}"
            f" lines, dropped"
            f" {fmt_num(value(memory, 'log_lines_dropped'), ',.0f')})")
    else:
        lines.append("- Memory: not measured")
    cli = results["twinrun"].get("cli_memory") or {}
    for run in cli.get("runs") or []:
        lines.append(
            f"- `twinrun run flood {fmt_num(value(cli, 'lines'), ',.0f')}"
            f" {run.get('name', '')}`: peak RSS"
            f"{'' if run.get('peak_rss_exact') else ' at most'}"
            f" {fmt_num(value(run, 'peak_rss_mb'), '.1f')} MB")
    if cli.get("runs"):
        lines.append(
            "- Each `twinrun run` figure is that process's own peak (VmHWM read"
            " at its exit, bench/childpeak.h)" if cli.get("peak_rss_exact") else
            "- \"At most\": the command line could not be traced here, so its"
            " figure is wait4's ru_maxrss, which Linux starts from the spawning"
            " bench's own memory (an upper bound)")
    if stalls:
        lines.append(
            f"- Responsiveness: {fmt_num(value(stalls, 'workers'), '.0f')}"
            f" flooding workers ×"
            f" {fmt_num(value(stalls, 'lines_each'), ',.0f')}"
            f" lines: max event-loop stall"
            f" {fmt_num(value(stalls, 'max_stall_ms'), '.1f')} ms,"
            f" p99 {fmt_num(value(stalls, 'p99_stall_ms'), '.1f')} ms"
            f" over {fmt_num(value(stalls, 'ticks'), ',.0f')} ticks")
    else:
        lines.append("- Responsiveness: not measured")
    return lines


# --- goals

def divide(numerator, denominator):
    """numerator / denominator, or None if either is missing or zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def goal(text, ratio, formula, target, met):
    """One goal row; `met` is a predicate on the ratio."""
    if ratio is None:
        return [text, NA, formula, target, "not measured"]
    return [text, fmt_ratio(ratio), formula, target,
            "**MET**" if met(ratio) else "**NOT MET**"]


def launch_median(results, side, prefix):
    """Median launch-to-joined µs of one entry, or None."""
    return stat(find(results[side].get("launch"), prefix), "joined_us")


def flood_rate(results, side, prefix):
    """Lines per second of one flood entry, or None."""
    return value(find(results[side].get("flood"), prefix), "lines_per_s")


def launch_goals(results):
    """Goals on launch latency."""
    tw_thread = launch_median(results, "twinrun", "thread")
    tw_spawn = launch_median(results, "twinrun", "process (spawn")
    tw_fs = launch_median(results, "twinrun", "process (forkserver")
    std = launch_median(results, "twinrun", "std::thread")
    py_thread = launch_median(results, "python", "threading.Thread")
    py_spawn = launch_median(results, "python", "multiprocessing spawn")
    py_fork = launch_median(results, "python", "multiprocessing fork")
    return [
        goal("Thread launch+join at most 1.5x std::thread",
             divide(tw_thread, std), "TwinRun / std::thread", "<= 1.5",
             lambda r: r <= 1.5),
        goal("Thread launch+join at least 2x faster than Python",
             divide(py_thread, tw_thread), "Python / TwinRun", ">= 2",
             lambda r: r >= 2.0),
        goal("Process (spawn) launch+join at least 20x faster than"
             " Python spawn",
             divide(py_spawn, tw_spawn), "Python spawn / TwinRun", ">= 20",
             lambda r: r >= 20.0),
        goal("Process (forkserver) launch+join at least 2x faster than"
             " Python fork",
             divide(py_fork, tw_fs), "Python fork / TwinRun", ">= 2",
             lambda r: r >= 2.0),
    ]


def flood_goals(results):
    """Goals on output throughput against TwinRun's own pipe floor."""
    floor = flood_rate(results, "twinrun", "pipe floor")
    rows = []
    for backend in ("spawn", "forkserver"):
        rate = flood_rate(results, "twinrun", f"process ({backend}")
        if rate is None and backend == "forkserver":
            continue
        rows.append(goal(
            f"Process ({backend}) flood within 1.5x of the pipe floor",
            divide(floor, rate), "floor lines/s / TwinRun lines/s", "<= 1.5",
            lambda r: r <= 1.5))
    rows.append(goal(
        "Thread flood at least as fast as the pipe floor",
        divide(flood_rate(results, "twinrun", "thread"), floor),
        "TwinRun lines/s / floor lines/s", ">= 1", lambda r: r >= 1.0))
    return rows


def absolute_goals(results):
    """Goals with absolute limits: memory and stalls."""
    memory = results["twinrun"].get("memory") or {}
    cli = results["twinrun"].get("cli_memory") or {}
    stalls = results["twinrun"].get("responsiveness") or {}
    sampling = results["twinrun"].get("sampling") or {}
    cli_as = "measured" if cli.get("peak_rss_exact") else "upper bound"
    rows = []
    for text, measured, unit, limit, as_ in (
            (f"Peak RSS of a {value(memory, 'lines') or 1e7:,.0f}-line"
             " flood under 100 MB", value(memory, "peak_rss_mb"), "MB", 100,
             "measured"),
            (f"`twinrun run` peak RSS of a {value(cli, 'lines') or 1e7:,.0f}-line"
             " flood under 100 MB in every mode (thread, process, both,"
             " --json)", value(cli, "max_peak_rss_mb"), "MB", 100, cli_as),
            (f"Max event-loop stall with {stalls.get('workers', 8)}"
             " flooding workers under 50 ms", value(stalls, "max_stall_ms"),
             "ms", 50, "measured"),
            (f"Sampling {sampling.get('workers', 200)} running process workers"
             " once a second costs the manager under 1% of one CPU",
             value(sampling, "sampler_cpu_percent"), "%", 1, "measured")):
        if measured is None:
            rows.append([text, NA, unit, f"< {limit}", "not measured"])
        else:
            rows.append([text, f"{measured:.1f} {unit}", as_,
                         f"< {limit} {unit}",
                         "**MET**" if measured < limit else "**NOT MET**"])
    return rows


def section_goals(results):
    """Every goal with its measured ratio and verdict."""
    rows = launch_goals(results) + flood_goals(results) \
        + absolute_goals(results)
    headers = ["Goal", "measured", "as", "target", "verdict"]
    return ["", "## Goals", ""] + markdown_table(headers, rows, "lrlll")


def build_report(machine, results, command):
    """The whole Markdown report as one string."""
    lines = (section_machine(machine, results, command)
             + section_launch(results) + section_flood(results)
             + section_memory(results) + section_goals(results))
    return "\n".join(lines) + "\n"


# --- command line

def parse_args(argv=None):
    """Command line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--twinrun", default=DEFAULT_TWINRUN,
                        help="the twinrun executable"
                        f" (default {DEFAULT_TWINRUN})")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run both benchmarks N times and report the"
                        " median of each figure (default 1)")
    parser.add_argument("--runs", type=int,
                        help="launch runs, passed to both benchmarks")
    parser.add_argument("--lines", type=int,
                        help="flood lines, passed to both benchmarks")
    parser.add_argument("--process-runs", type=int,
                        help="Python fork/forkserver launch runs")
    parser.add_argument("--spawn-runs", type=int,
                        help="Python spawn launch runs")
    parser.add_argument("--json-out", metavar="FILE",
                        help="also save both raw results as JSON")
    parser.add_argument("--markdown-out", metavar="FILE",
                        help="also save the report as Markdown")
    # Testing aid: read TwinRun's results from a file instead of running it.
    parser.add_argument("--twinrun-json", metavar="FILE",
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def write_file(path, text):
    """Write `text` to `path`."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv=None):
    """Run both benchmarks and print the report."""
    args = parse_args(argv)
    command = shlex.join(["python3", os.path.relpath(os.path.abspath(
        sys.argv[0]))] + sys.argv[1:])
    machine = machine_info()
    if args.repeat < 1:
        sys.exit(f"compare.py: --repeat {args.repeat}: expected at least 1")
    twinrun_runs, python_runs = [], []
    for _ in range(args.repeat):
        twinrun_runs.append(load_twinrun(args))
        python_runs.append(run_json(python_command(args), "python_bench.py"))
    results = {"twinrun": merge_runs(twinrun_runs),
               "python": merge_runs(python_runs)}
    if args.repeat > 1:
        results["twinrun"]["repeat"] = args.repeat
    report = build_report(machine, results, command)
    sys.stdout.write(report)
    if args.json_out:
        write_file(args.json_out, json.dumps(
            {"machine": machine, "command": command, **results}, indent=2)
            + "\n")
    if args.markdown_out:
        write_file(args.markdown_out, report)


if __name__ == "__main__":
    main()
