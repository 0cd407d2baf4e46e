"""TwinRun's built-in targets, written in Python: the twins of workers/builtintargets.cpp.

Each function has the C++ target's signature (the same text `twinrun targets` shows) and
prints the same bytes. They are module-level functions so that a spawn or forkserver child
finds them by qualified name (twinrun_targets.faz_algo), as Python's multiprocessing needs.

TARGETS maps each name to its Target: the function, the one-line description (the C++ one,
word for word), whether its output is deterministic, why it is refused as a thread (crash),
and the value check TwinRun makes before it starts (count's delay >= 0, ...). Where the C++
target checks whether it was asked to stop, the twin does not: Python cannot stop a thread,
and a process is stopped by its signal.
"""

import dataclasses
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from typing import Callable, Optional

MAX_FLOOD_WIDTH = 1 << 20
MAX_HOLD_MEGABYTES = 4096


def faz_algo(*args):
    for arg in args:
        print(f'Fazendo algo com o "{arg}" do tipo {type(arg)}.')


def count(n: int, delay: float = 0.0):
    for i in range(1, n + 1):
        print(i, flush=delay > 0)  # flushed before each wait, as TwinRun delivers output
        if i < n and delay > 0:
            time.sleep(delay)


def sleep(seconds: float):
    time.sleep(seconds)
    print(f"slept {seconds} seconds")


def hold(megabytes: int, seconds: float):
    block = bytearray(megabytes * 1024 * 1024)  # zero pages: write one byte a page
    for i in range(0, len(block), 4096):
        block[i] = i & 0xFF
    time.sleep(seconds)
    del block
    print(f"held {megabytes} MB for {seconds} seconds")


def _is_prime(k):
    if k < 2:
        return False
    if k % 2 == 0:
        return k == 2
    d = 3
    while d * d <= k:
        if k % d == 0:
            return False
        d += 2
    return True


def burn(n: int):
    primes = sum(1 for k in range(n) if _is_prime(k))
    print(f"{primes} primes below {n}")


def fail(message: str = 'failure'):
    raise RuntimeError(message)


def exit(code: int):  # noqa: A001 (the target's name is TwinRun's)
    sys.exit(code)


def crash(how: str = 'segv'):
    sys.stdout.flush()
    sys.stderr.flush()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file for a demonstration
    if how == "abort":
        os.abort()
    signal.signal(signal.SIGSEGV, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGSEGV)


def flood(lines: int, width: int = 40):
    batch = []
    size = 0
    for i in range(1, lines + 1):
        line = str(i).ljust(width, ".") + "\n"
        batch.append(line)
        size += len(line)
        if size >= 64 * 1024:
            sys.stdout.write("".join(batch))
            batch, size = [], 0
    sys.stdout.write("".join(batch))


def noop():
    pass


def whoami():
    in_process = multiprocessing.parent_process() is not None
    me = multiprocessing.current_process() if in_process else threading.current_thread()
    print(f"name: {me.name}")
    print(f"backend: {'process' if in_process else 'thread'}")
    print(f"pid: {os.getpid()}")
    print(f"ident: {me.ident}")
    print(f"native id: {threading.get_native_id()}")
    print(f"parent pid: {os.getppid()}")


def stubborn(seconds: float = 5.0):
    if threading.current_thread() is threading.main_thread():  # a process: ignore SIGTERM
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print(f"ignoring stop requests for {seconds} seconds", flush=True)
    time.sleep(seconds)
    print("done")


# --- what TwinRun knows about each target beyond its signature

def _non_negative(fn, param):
    def check(bound):
        if bound[param] < 0:
            return f"{fn}() argument '{param}' must be >= 0, not {bound[param]!r}"
        return None
    return check


def _check_crash_how(bound):
    if bound["how"] in ("segv", "abort"):
        return None
    return f"crash() argument 'how' must be 'segv' or 'abort', not {bound['how']!r}"


def _check_hold(bound):
    if not 0 <= bound["megabytes"] <= MAX_HOLD_MEGABYTES:
        return (f"hold() argument 'megabytes' must be between 0 and {MAX_HOLD_MEGABYTES}, "
                f"not {bound['megabytes']}")
    return _non_negative("hold", "seconds")(bound)


def _check_flood_width(bound):
    if 0 <= bound["width"] <= MAX_FLOOD_WIDTH:
        return None
    return f"flood() argument 'width' must be between 0 and {MAX_FLOOD_WIDTH}, not {bound['width']}"


@dataclasses.dataclass(frozen=True)
class Target:
    function: Callable
    description: str
    deterministic: bool = True
    thread_refusal: str = ""  # non-empty: refused as a thread, with this reason
    check: Optional[Callable[[dict], Optional[str]]] = None  # bound arguments -> refusal or None


_CRASH_REFUSAL = ("crash() refused as a thread: a crash in a thread takes the whole app down "
                  "with it; run it as a process, which is what process isolation is for")

TARGETS = {
    "faz_algo": Target(faz_algo, "The seed's example: prints each argument with its Python type."),
    "count": Target(count,
                    "Prints 1..n, one a line, waiting delay seconds between (interruptible).",
                    check=_non_negative("count", "delay")),
    "sleep": Target(sleep, "Waits, interruptibly; prints one line when done.",
                    check=_non_negative("sleep", "seconds")),
    "hold": Target(hold, "Allocates and touches megabytes MiB, holds them for seconds "
                         "(interruptible), then frees them and prints one line.",
                   check=_check_hold),
    "burn": Target(burn, "CPU-bound: counts the primes below n and prints the count."),
    "fail": Target(fail, "Raises an error: the message on stderr, exit code 1."),
    "exit": Target(exit, "Ends with that exit code, like sys.exit(code)."),
    "crash": Target(crash, "Dies by a signal: 'segv' (SIGSEGV) or 'abort' (SIGABRT). Process only.",
                    thread_refusal=_CRASH_REFUSAL, check=_check_crash_how),
    "flood": Target(flood, "Prints that many numbered lines of width characters, fast.",
                    check=_check_flood_width),
    "noop": Target(noop, "Does nothing: what launching a worker costs."),
    "whoami": Target(whoami,
                     "Prints the worker's name, backend, pid, ident, native id and parent pid.",
                     deterministic=False),
    "stubborn": Target(stubborn,
                       "Ignores stop requests (SIGTERM too) for a while: "
                       "why a thread cannot be killed.",
                       check=_non_negative("stubborn", "seconds")),
}
