#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/outputchunk.h>
#include <twinrun/streamcomparator.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace twinrun {

// The verdict on two runs of one call, any of TwinRun's thread and process and CPython's
// threading.Thread and multiprocessing.Process, with the documented differences (README
// "Parity choices", docs/PARITY.md) as rules. This is the C++ home of those rules; the Python
// runner keeps its own copy (resources/python/twinrun_compare.py, for `twinrun_python.py
// compare` without TwinRun) and tst_parityrules feeds the same cases to both and requires the
// same verdicts, word for word.
//
// A difference is documented only when a rule explains it:
// - error-traceback (stderr): each Python traceback reduced to its last line makes both stderrs
//   equal (TwinRun prints "RuntimeError: msg", Python a traceback ending in that line);
// - thread-exit-code (exit code): a Python thread without an exit code against a run with one;
// - thread-not-stoppable (state, exit code, output): one run was stopped (terminated/killed)
//   and the other is a thread that was not; the stopped run's output is a prefix of the other's;
// - differs-by-nature (stdout): whoami on both sides, the same labels on every line.
// Everything else that differs is a real difference.

// A run kind's words have one table (parityrules.cpp): its name, as --as and --json say it, and
// its title, as the verdicts say it; each in English and in the app's language.
enum class RunKind { Thread, Process, PythonThread, PythonProcess };
TWINRUN_MODEL_EXPORT QString runKindName(RunKind kind); // "thread", ..., "python-process"
// runKindName() in the app's language, for people: which run a `--python` header is about
// ("processo", "thread do Python"). --json keeps runKindName().
TWINRUN_MODEL_EXPORT QString runKindText(RunKind kind);
// "TwinRun thread", "TwinRun process", "Python Thread", "Python Process"
TWINRUN_MODEL_EXPORT QString runKindTitle(RunKind kind);
// runKindTitle() in the app's language, for people (verdict lines, the times line).
TWINRUN_MODEL_EXPORT QString runKindTitleText(RunKind kind);
inline bool isThreadKind(RunKind kind)
{
    return kind == RunKind::Thread || kind == RunKind::PythonThread;
}
inline bool isPythonKind(RunKind kind)
{
    return kind == RunKind::PythonThread || kind == RunKind::PythonProcess;
}

// How a run ended, as the rules see it. state: Worker::stateName() names ("finished",
// "terminated", ...; "running" for a Python thread the runner could not stop).
struct TWINRUN_MODEL_EXPORT RunEnd {
    QString state;
    std::optional<int> exitCode;
};

struct TWINRUN_MODEL_EXPORT PairVerdict {
    enum class Kind { Identical, Documented, Different, Incomplete };
    Kind kind = Kind::Incomplete;
    // "identical: same stdout, stderr and exit code", "differs as documented: <rule text>[;
    // ...]", "different: stdout differs from line 3[; stderr differs from line 1][; exit codes
    // differ][; states differ]" or "incomplete: ..." while a run has not ended.
    QString text;
    // The same verdict in the app's language (its translator; English without one), for people:
    // the window and the command line's lines. text stays English: --json and the checks
    // against the Python runner's comparison read it.
    QString shownText;
    QStringList rules;             // the rule keys that explain a documented difference
    qsizetype firstStdoutDiff = 0; // 1-based raw line where stdout first differs, 0 if equal
    qsizetype firstStderrDiff = 0;
    bool agrees() const { return kind == Kind::Identical || kind == Kind::Documented; }
};

// The rule's text as the verdict says it; empty for an unknown key.
TWINRUN_MODEL_EXPORT QString parityRuleText(const QString& rule);
// The same in the app's language, as PairVerdict::shownText says it.
TWINRUN_MODEL_EXPORT QString parityRuleShownText(const QString& rule);
// The rule's short title in the app's language, for one-line verdicts ("Python's traceback" for
// error-traceback); the key itself for an unknown one.
TWINRUN_MODEL_EXPORT QString parityRuleTitleText(const QString& rule);

// Turns one run's output, as it arrives in chunks, into the streams the rules compare: the raw
// bytes, stderr with each Python traceback reduced to its last line (for a Python run; a
// TwinRun run's stderr as it is), and stdout's line labels (the text before ':', for targets
// whose values differ by nature). Lines are held only while they may belong to a traceback's
// start or chain (a few short lines; a line over 64 KiB ends that), so memory stays bounded.
class TWINRUN_MODEL_EXPORT RunStreams {
public:
    enum Stream { Stdout, Stderr, ReducedStderr, StdoutLabels, StreamCount };
    using Sink = std::array<QByteArray, StreamCount>; // what each stream gained

    RunStreams(RunKind kind, const QString& target);
    // Returns the bytes each stream gained from this chunk.
    Sink feed(Channel channel, QByteArrayView data);
    Sink finish(); // the run ended: what was held back

private:
    enum class Held { None, Header, Traceback, Last, LastBlank, Chain, ChainBlank };
    void reduceLine(QByteArrayView line, QByteArray& out); // a whole line, without its '\n'
    void reduce(QByteArrayView data, QByteArray& out);
    void labels(QByteArrayView data, QByteArray& out);

    bool m_python;
    bool m_labels;
    bool m_inLabel = true;
    Held m_held = Held::None;
    QByteArray m_heldLines; // lines that may be part of a traceback, with their '\n'
    QByteArray m_line;      // the line being read, without its '\n'
    bool m_passing = false; // the line being read was too long to hold: passed on as it comes
};

// Two runs compared as their outputs arrive (in bounded memory: StreamComparator), then judged
// by the rules once both have ended.
class TWINRUN_MODEL_EXPORT PairComparator {
public:
    PairComparator(RunKind a, RunKind b, const QString& target);

    void feed(int side, const RunStreams::Sink& gained);
    void end(int side, const RunEnd& end);
    bool hasEnded(int side) const { return m_ends[side].has_value(); }
    PairVerdict verdict() const;
    RunKind kind(int side) const { return m_kinds[side]; }

private:
    QString explainOutput(Channel channel, int stopped) const;
    QString explainExit(int stopped) const;
    int stoppedSide() const;

    std::array<RunKind, 2> m_kinds;
    QString m_target;
    StreamComparator m_raw;     // stdout, stderr
    StreamComparator m_derived; // stderr: reduced; stdout: labels
    std::array<std::optional<RunEnd>, 2> m_ends;
};

// One run as a whole record (a test, a report read back).
struct TWINRUN_MODEL_EXPORT RunRecord {
    RunKind kind = RunKind::Thread;
    QByteArray out;
    QByteArray err;
    RunEnd end;
};

TWINRUN_MODEL_EXPORT PairVerdict compareRecords(const RunRecord& a, const RunRecord& b,
                                                const QString& target);

} // namespace twinrun
