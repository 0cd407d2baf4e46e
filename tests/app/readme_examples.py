#!/usr/bin/env python3
"""Runs the `$ twinrun ...` examples of the README's "Command line" section against the built
binary, so that the README cannot drift from what twinrun does.

Conventions (the README states them too):
  - lines under an example, up to a blank line or the next `$`, are its output: stdout and
    stderr as a terminal shows them; a `...` line stands for any lines, and times ("0.4 ms")
    may differ;
  - `# N` after `echo $?` is the exit status the example prints (its last line);
  - a comment with `refused` means exit status 2, `(exit N)` exit status N; otherwise 0;
  - a ```json block after `<!-- readme-test: file NAME -->` is written to NAME first.

usage: readme_examples.py README.md path/to/twinrun
"""
import os
import re
import subprocess
import sys
import tempfile


def section(text, title):
    start = text.index("\n## " + title + "\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else len(text)]


def blocks(text):
    """(language, body, preceding text) for every fenced block."""
    for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S):
        yield m.group(1), m.group(2), text[:m.start()]


def examples(body):
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.startswith("$ twinrun"):
            continue
        command, _, comment = line[2:].partition("  #")
        output = []
        while i < len(lines) and lines[i] and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        yield command.strip(), comment.strip(), output


def matches(expected, actual):
    def pattern(line):
        return re.escape(line).replace(r"\ ms", " ms")
    regex = ""
    for line in expected:
        if line == "...":
            regex += r"(?:.*\n)*?"
        else:
            regex += re.sub(r"\d+(?:\\\.\d+)? ms", r"\\d+(?:\\.\\d+)? ms", pattern(line)) + r"\n"
    return re.fullmatch(regex, actual) is not None


def expected_status(command, comment):
    if "echo $?" in command:
        return 0
    if "refused" in comment:
        return 2
    m = re.search(r"\(exit (\d+)", comment)
    return int(m.group(1)) if m else 0


def main():
    readme, binary = sys.argv[1], os.path.abspath(sys.argv[2])
    text = section(open(readme, encoding="utf-8").read(), "Command line")
    failures = 0
    count = 0
    # No display (the command line, never the window), and English whatever the desktop's
    # language: the README shows English output (LANGUAGE outranks LC_ALL for Qt).
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_MESSAGES")}
    env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8")
    with tempfile.TemporaryDirectory() as work:
        for language, body, before in blocks(text):
            m = re.search(r"<!-- readme-test: file (\S+) -->\s*$", before)
            if language == "json" and m:
                with open(os.path.join(work, m.group(1)), "w", encoding="utf-8") as f:
                    f.write(body)
        for language, body, _ in blocks(text):
            if language != "sh":
                continue
            for command, comment, output in examples(body):
                count += 1
                script = 'twinrun() { "%s" "$@"; }\n%s\n' % (binary, command)
                run = subprocess.run(["bash", "-c", script], cwd=work, env=env, timeout=60,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
                got = run.stdout.decode("utf-8", "replace")
                problems = []
                status = expected_status(command, comment)
                if run.returncode != status:
                    problems.append("exit status %d, the README says %d" % (run.returncode, status))
                if "echo $?" in command:
                    shown = re.match(r"(\d+)", comment)
                    last = got.rstrip("\n").rsplit("\n", 1)[-1]
                    if shown and last != shown.group(1):
                        problems.append("printed status %s, the README says %s"
                                        % (last, shown.group(1)))
                if output and not matches(output, got):
                    problems.append("output differs from the README:\n" + got)
                print("%s: $ %s" % ("FAIL" if problems else "ok", command))
                for p in problems:
                    print("    " + p.replace("\n", "\n    "))
                failures += bool(problems)
    if count < 5:
        print("FAIL: found only %d examples in the README's Command line section" % count)
        return 1
    print("%d examples, %d failed" % (count, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
