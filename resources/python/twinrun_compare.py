"""The verdict on two runs of one launch spec: TwinRun's or CPython's, thread or process.

compare(a, b) answers one of
    "identical: same stdout, stderr and exit code"
    "differs as documented: <rule>[; <rule>]"
    "different: stdout differs from line N[; stderr differs from line M][; exit codes differ]
     [; states differ]"
A difference is documented only when one of RULES explains it; the rules are README.md's
"Parity choices" (and the `whoami` line of its targets table). Everything else is a real
difference. Lines are counted from 1, as twinrun::firstDifferentLine counts them.

The rules have two homes on purpose: this module (usable without TwinRun) and TwinRun's own
model/parityrules.cpp (`twinrun run --python`, the window). tests/model/tst_parityrules.cpp
feeds the same cases to both and requires the same verdict text, kind and rules: change both.
"""

import dataclasses
import re
from typing import Optional

RULES = {
    "thread-exit-code":
        "a Python thread has no exit code; TwinRun gives a thread the process meaning "
        "(0, N for exit(N), 1 for an uncaught error)",
    "error-traceback":
        "an uncaught error: TwinRun prints 'RuntimeError: <message>', Python a traceback "
        "ending in that same line",
    "thread-not-stoppable":
        "a thread cannot be killed: kill() on a thread is refused (TwinRun) or does not exist "
        "(Python, which cannot terminate() one either); the stopped run's output is a prefix "
        "of the other's",
    "differs-by-nature":
        "whoami prints the same lines with values that differ by nature (name, pid, ident)",
}
STOPPED = ("terminated", "killed")
FINAL = ("finished", "failed", "crashed", "terminated", "killed", "failed to start")
NONDETERMINISTIC = ("whoami",)

# A Python traceback (a chain of them too) with the header line the thread or process adds;
# what is left in its place is its last line, "RuntimeError: message".
_TRACEBACK = re.compile(
    rb"^(?:Exception in thread .*:\n|Process .*:\n)?"
    rb"(?:Traceback \(most recent call last\):\n(?:[ \t].*\n)*.*\n\n"
    rb"(?:During handling of the above exception, another exception occurred:|"
    rb"The above exception was the direct cause of the following exception:)\n\n)*"
    rb"Traceback \(most recent call last\):\n(?:[ \t].*\n)*", re.MULTILINE)


@dataclasses.dataclass
class Record:
    """One run: its output bytes, exit code, state and backend ("thread", "process",
    "python-thread", "python-process"), and the target it ran."""
    stdout: bytes
    stderr: bytes
    exit_code: Optional[int]
    state: str
    backend: str
    target: str = ""

    @property
    def is_thread(self):
        return self.backend.endswith("thread")

    @property
    def is_python(self):
        return self.backend.startswith("python-")


@dataclasses.dataclass
class Verdict:
    kind: str  # "identical", "documented" or "different"
    text: str
    rules: list  # the RULES keys that explain a documented difference


def record_from_json(obj):
    """A Record from `twinrun run --json` output or a runner report with stdout/stderr added."""
    def output(key):
        value = obj.get(key, "")
        return value.encode("utf-8", "surrogateescape") if isinstance(value, str) else bytes(value)
    return Record(output("stdout"), output("stderr"), obj.get("exit_code"), obj.get("state", ""),
                  obj.get("backend", ""), obj.get("target", ""))


def first_different_line(a, b):
    """1-based number of the first line where a and b differ; 0 when they are equal."""
    if a == b:
        return 0
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return a[:common].count(b"\n") + 1


def reduce_tracebacks(stderr):
    """Python's stderr with each traceback reduced to its last line, as TwinRun prints it."""
    return _TRACEBACK.sub(b"", stderr)


def _labels(stdout):
    return [line.split(b":", 1)[0] for line in stdout.split(b"\n")]


def _stopped_pair(a, b):
    """(stopped, other) when one run was stopped from outside and the other is a thread that
    was not (it cannot be: the rule), else None."""
    for stopped, other in ((a, b), (b, a)):
        if stopped.state in STOPPED and other.is_thread and other.state not in STOPPED \
                and (not stopped.is_thread or other.is_python):
            return stopped, other
    return None


def _explain_output(a, b, channel, stopped):
    """The rule that makes stdout or stderr of a and b agree, None if none does."""
    x, y = getattr(a, channel), getattr(b, channel)
    if channel == "stderr":
        rx = reduce_tracebacks(x) if a.is_python else x
        ry = reduce_tracebacks(y) if b.is_python else y
        if rx == ry:
            return "error-traceback"
        x, y = rx, ry
    if channel == "stdout" and (a.target in NONDETERMINISTIC or b.target in NONDETERMINISTIC) \
            and a.target == b.target and _labels(x) == _labels(y):
        return "differs-by-nature"
    if stopped:
        short, full = (x, y) if stopped[0] is a else (y, x)
        if full.startswith(short):
            return "thread-not-stoppable"
    return None


def _explain_exit(a, b, stopped):
    if stopped:
        return "thread-not-stoppable"
    for raw, other in ((a, b), (b, a)):
        if raw.is_python and raw.is_thread and raw.exit_code is None and raw.state in FINAL \
                and raw.state != "failed to start" and other.exit_code is not None:
            return "thread-exit-code"
    return None


def compare(a, b):
    """The Verdict on records a and b."""
    stopped = _stopped_pair(a, b)
    real, rules = [], []

    def note(difference, rule):
        if rule is None:
            real.append(difference)
        elif rule not in rules:
            rules.append(rule)

    for channel in ("stdout", "stderr"):
        line = first_different_line(getattr(a, channel), getattr(b, channel))
        if line:
            note(f"{channel} differs from line {line}", _explain_output(a, b, channel, stopped))
    if a.exit_code != b.exit_code:
        note("exit codes differ", _explain_exit(a, b, stopped))
    if a.state != b.state:
        exit_rule = _explain_exit(a, b, stopped) if a.exit_code != b.exit_code else None
        note("states differ", "thread-not-stoppable" if stopped else exit_rule)
    if real:
        return Verdict("different", "different: " + "; ".join(real), rules)
    if rules:
        return Verdict("documented", "differs as documented: "
                       + "; ".join(RULES[r] for r in rules), rules)
    return Verdict("identical", "identical: same stdout, stderr and exit code", [])
