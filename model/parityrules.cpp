#include <twinrun/parityrules.h>

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace twinrun {

namespace {

// The verdicts' words in the app's language (PairVerdict::shownText).
struct ParityText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Parity)
};

// Each rule: its key, a short title for one-line verdicts (the compare view) and its text as
// resources/python/twinrun_compare.py words it (tst_parityrules compares the two), in English;
// the *ShownText/TitleText functions give them in the app's language.
struct Rule {
    const char* key;
    const char* title;
    const char* text;
};
const Rule kRules[] = {
    {"thread-exit-code", QT_TRANSLATE_NOOP("twinrun::Parity", "a thread's exit code"),
     QT_TRANSLATE_NOOP(
         "twinrun::Parity",
         "a Python thread has no exit code; TwinRun gives a thread the process meaning (0, N for "
         "exit(N), 1 for an uncaught error)")},
    {"error-traceback", QT_TRANSLATE_NOOP("twinrun::Parity", "Python's traceback"),
     QT_TRANSLATE_NOOP("twinrun::Parity",
                       "an uncaught error: TwinRun prints 'RuntimeError: <message>', Python a "
                       "traceback ending in that same line")},
    {"thread-not-stoppable", QT_TRANSLATE_NOOP("twinrun::Parity", "a thread cannot be stopped"),
     QT_TRANSLATE_NOOP(
         "twinrun::Parity",
         "a thread cannot be killed: kill() on a thread is refused (TwinRun) or does not exist "
         "(Python, which cannot terminate() one either); the stopped run's output is a prefix of "
         "the other's")},
    {"differs-by-nature", QT_TRANSLATE_NOOP("twinrun::Parity", "values that differ by nature"),
     QT_TRANSLATE_NOOP(
         "twinrun::Parity",
         "whoami prints the same lines with values that differ by nature (name, pid, ident)")},
};

const Rule* findRule(const QString& key)
{
    for (const Rule& rule : kRules) {
        if (key == QLatin1String(rule.key))
            return &rule;
    }
    return nullptr;
}

// The words for each run kind, in RunKind's order: the name ("python-thread": --json, --as, and
// the source of runKindText) and the title (the verdicts' "Python Thread").
struct KindWords {
    const char* name;
    const char* title;
};
const KindWords kKinds[] = {
    {QT_TRANSLATE_NOOP("twinrun::RunText", "thread"),
     QT_TRANSLATE_NOOP("twinrun::Parity", "TwinRun thread")},
    {QT_TRANSLATE_NOOP("twinrun::RunText", "process"),
     QT_TRANSLATE_NOOP("twinrun::Parity", "TwinRun process")},
    {QT_TRANSLATE_NOOP("twinrun::RunText", "python-thread"),
     QT_TRANSLATE_NOOP("twinrun::Parity", "Python Thread")},
    {QT_TRANSLATE_NOOP("twinrun::RunText", "python-process"),
     QT_TRANSLATE_NOOP("twinrun::Parity", "Python Process")},
};
static_assert(std::size(kKinds) == static_cast<std::size_t>(RunKind::PythonProcess) + 1);

const KindWords& words(RunKind kind)
{
    return kKinds[static_cast<std::size_t>(kind)];
}

const QString kErrorTraceback = QStringLiteral("error-traceback");
const QString kThreadExitCode = QStringLiteral("thread-exit-code");
const QString kNotStoppable = QStringLiteral("thread-not-stoppable");
const QString kByNature = QStringLiteral("differs-by-nature");
// The target whose values differ by nature (pids, idents): its lines' labels are compared.
const QString kNondeterministicTarget = QStringLiteral("whoami");

constexpr qsizetype kMaxHeldLine = 64 * 1024;
constexpr QByteArrayView kTraceback = "Traceback (most recent call last):";

bool isStopped(const QString& state)
{
    return state == QLatin1String("terminated") || state == QLatin1String("killed");
}

bool isFinalState(const QString& state)
{
    static const QStringList final{QStringLiteral("finished"), QStringLiteral("failed"),
                                   QStringLiteral("crashed"),  QStringLiteral("terminated"),
                                   QStringLiteral("killed"),   QStringLiteral("failed to start")};
    return final.contains(state);
}

// "Exception in thread NAME:" (threading.excepthook) or "Process NAME:" (multiprocessing).
bool isTracebackHeader(QByteArrayView line)
{
    return line.endsWith(':') &&
           (line.startsWith("Exception in thread ") || line.startsWith("Process "));
}

bool isChainText(QByteArrayView line)
{
    return line == "During handling of the above exception, another exception occurred:" ||
           line == "The above exception was the direct cause of the following exception:";
}

} // namespace

QString runKindName(RunKind kind)
{
    return QString::fromLatin1(words(kind).name);
}

QString runKindText(RunKind kind)
{
    return QCoreApplication::translate("twinrun::RunText", words(kind).name);
}

QString runKindTitle(RunKind kind)
{
    return QString::fromLatin1(words(kind).title);
}

QString runKindTitleText(RunKind kind)
{
    return ParityText::tr(words(kind).title);
}

QString parityRuleText(const QString& rule)
{
    const Rule* found = findRule(rule);
    return found ? QString::fromUtf8(found->text) : QString();
}

QString parityRuleShownText(const QString& rule)
{
    const Rule* found = findRule(rule);
    return found ? ParityText::tr(found->text) : QString();
}

QString parityRuleTitleText(const QString& rule)
{
    const Rule* found = findRule(rule);
    return found ? ParityText::tr(found->title) : rule;
}

// ---- RunStreams ------------------------------------------------------------------------------

RunStreams::RunStreams(RunKind kind, const QString& target)
    : m_python(isPythonKind(kind))
    , m_labels(target == kNondeterministicTarget)
{
}

RunStreams::Sink RunStreams::feed(Channel channel, QByteArrayView data)
{
    Sink gained;
    if (channel == Channel::Stdout) {
        gained[Stdout] = data.toByteArray();
        if (m_labels)
            labels(data, gained[StdoutLabels]);
    } else {
        gained[Stderr] = data.toByteArray();
        if (m_python)
            reduce(data, gained[ReducedStderr]);
        else
            gained[ReducedStderr] = gained[Stderr];
    }
    return gained;
}

RunStreams::Sink RunStreams::finish()
{
    Sink gained;
    // What was held may still be a traceback's start: as the regex, keep it as written.
    gained[ReducedStderr] = m_heldLines + m_line;
    m_heldLines.clear();
    m_line.clear();
    m_held = Held::None;
    return gained;
}

void RunStreams::labels(QByteArrayView data, QByteArray& out)
{
    // Each line's text before its first ':' (Python: line.split(b":", 1)[0]), newlines kept.
    for (char c : data) {
        if (c == '\n') {
            out += '\n';
            m_inLabel = true;
        } else if (m_inLabel) {
            if (c == ':')
                m_inLabel = false;
            else
                out += c;
        }
    }
}

void RunStreams::reduce(QByteArrayView data, QByteArray& out)
{
    while (!data.isEmpty()) {
        const qsizetype newline = data.indexOf('\n');
        const QByteArrayView piece = newline < 0 ? data : data.first(newline);
        data = newline < 0 ? QByteArrayView() : data.sliced(newline + 1);
        if (m_passing) {
            out += piece;
        } else {
            m_line += piece;
            if (m_line.size() > kMaxHeldLine) {
                // Too long for a traceback's line: everything held goes on as written.
                out += m_heldLines + m_line;
                m_heldLines.clear();
                m_line.clear();
                m_held = Held::None;
                m_passing = true;
            }
        }
        if (newline < 0)
            return;
        if (m_passing) {
            out += '\n';
            m_passing = false;
        } else {
            reduceLine(m_line, out);
            m_line.clear();
        }
    }
}

void RunStreams::reduceLine(QByteArrayView line, QByteArray& out)
{
    // twinrun_compare.py's _TRACEBACK, a line at a time: an optional header, then tracebacks
    // chained by "During handling ..." / "The above exception ...", each dropped but for the
    // last one's last line.
    const auto hold = [&](Held next) {
        m_heldLines += line;
        m_heldLines += '\n';
        m_held = next;
    };
    const auto release = [&] {
        out += m_heldLines;
        m_heldLines.clear();
        m_held = Held::None;
        reduceLine(line, out);
    };
    switch (m_held) {
    case Held::None:
        if (isTracebackHeader(line))
            hold(Held::Header);
        else if (line == kTraceback)
            m_held = Held::Traceback;
        else
            out += line.toByteArray() + '\n';
        return;
    case Held::Header:
    case Held::ChainBlank:
        if (line == kTraceback) {
            m_heldLines.clear();
            m_held = Held::Traceback;
        } else {
            release();
        }
        return;
    case Held::Traceback:
        if (!line.startsWith(' ') && !line.startsWith('\t'))
            hold(Held::Last); // the error line: kept unless a chained traceback follows
        return;
    case Held::Last:
        line.isEmpty() ? hold(Held::LastBlank) : release();
        return;
    case Held::LastBlank:
        isChainText(line) ? hold(Held::Chain) : release();
        return;
    case Held::Chain:
        line.isEmpty() ? hold(Held::ChainBlank) : release();
        return;
    }
}

// ---- PairComparator ---------------------------------------------------------------------------

PairComparator::PairComparator(RunKind a, RunKind b, const QString& target)
    : m_kinds{a, b}
    , m_target(target)
{
}

void PairComparator::feed(int side, const RunStreams::Sink& gained)
{
    m_raw.feed(side, Channel::Stdout, gained[RunStreams::Stdout]);
    m_raw.feed(side, Channel::Stderr, gained[RunStreams::Stderr]);
    m_derived.feed(side, Channel::Stdout, gained[RunStreams::StdoutLabels]);
    m_derived.feed(side, Channel::Stderr, gained[RunStreams::ReducedStderr]);
}

void PairComparator::end(int side, const RunEnd& end)
{
    m_ends[side] = end;
    m_raw.endSide(side);
    m_derived.endSide(side);
}

int PairComparator::stoppedSide() const
{
    for (int stopped = 0; stopped < 2; ++stopped) {
        const int other = 1 - stopped;
        if (isStopped(m_ends[stopped]->state) && isThreadKind(m_kinds[other]) &&
            !isStopped(m_ends[other]->state) &&
            (!isThreadKind(m_kinds[stopped]) || isPythonKind(m_kinds[other])))
            return stopped;
    }
    return -1;
}

QString PairComparator::explainOutput(Channel channel, int stopped) const
{
    const StreamComparator* compared = &m_raw;
    if (channel == Channel::Stderr) {
        if (!m_derived.result(Channel::Stderr).firstDifferentLine)
            return kErrorTraceback;
        compared = &m_derived; // the stopped run's prefix, tracebacks reduced
    } else if (m_target == kNondeterministicTarget &&
               !m_derived.result(Channel::Stdout).firstDifferentLine) {
        return kByNature;
    }
    if (stopped >= 0 && compared->isPrefix(stopped, channel))
        return kNotStoppable;
    return {};
}

QString PairComparator::explainExit(int stopped) const
{
    if (stopped >= 0)
        return kNotStoppable;
    for (int side = 0; side < 2; ++side) {
        const RunEnd& raw = *m_ends[side];
        if (m_kinds[side] == RunKind::PythonThread && !raw.exitCode && isFinalState(raw.state) &&
            raw.state != QLatin1String("failed to start") && m_ends[1 - side]->exitCode)
            return kThreadExitCode;
    }
    return {};
}

PairVerdict PairComparator::verdict() const
{
    // Every text twice: in the contract's English (text) and in the app's language (shownText).
    PairVerdict v;
    if (!m_ends[0] || !m_ends[1]) {
        const RunKind waiting = m_kinds[m_ends[0] ? 1 : 0];
        v.text = QStringLiteral("incomplete: the %1 has not ended").arg(runKindTitle(waiting));
        v.shownText =
            ParityText::tr("incomplete: the %1 has not ended").arg(runKindTitleText(waiting));
        return v;
    }
    for (const StreamComparator* c : {&m_raw, &m_derived}) {
        for (Channel channel : {Channel::Stdout, Channel::Stderr}) {
            if (const QString error = c->result(channel).error; !error.isEmpty()) {
                v.text =
                    QStringLiteral("incomplete: the output could not be compared (%1)").arg(error);
                v.shownText =
                    ParityText::tr("incomplete: the output could not be compared (%1)").arg(error);
                return v;
            }
        }
    }
    const int stopped = stoppedSide();
    QStringList real;
    QStringList realShown;
    const auto note = [&](const QString& difference, const QString& shown, const QString& rule) {
        if (rule.isEmpty()) {
            real << difference;
            realShown << shown;
        } else if (!v.rules.contains(rule)) {
            v.rules << rule;
        }
    };
    v.firstStdoutDiff = m_raw.result(Channel::Stdout).firstDifferentLine;
    v.firstStderrDiff = m_raw.result(Channel::Stderr).firstDifferentLine;
    if (v.firstStdoutDiff)
        note(QStringLiteral("stdout differs from line %1").arg(v.firstStdoutDiff),
             ParityText::tr("stdout differs from line %1").arg(v.firstStdoutDiff),
             explainOutput(Channel::Stdout, stopped));
    if (v.firstStderrDiff)
        note(QStringLiteral("stderr differs from line %1").arg(v.firstStderrDiff),
             ParityText::tr("stderr differs from line %1").arg(v.firstStderrDiff),
             explainOutput(Channel::Stderr, stopped));
    const bool codesDiffer = m_ends[0]->exitCode != m_ends[1]->exitCode;
    if (codesDiffer)
        note(QStringLiteral("exit codes differ"), ParityText::tr("exit codes differ"),
             explainExit(stopped));
    if (m_ends[0]->state != m_ends[1]->state)
        note(QStringLiteral("states differ"), ParityText::tr("states differ"),
             stopped >= 0  ? kNotStoppable
             : codesDiffer ? explainExit(stopped)
                           : QString());
    if (!real.isEmpty()) {
        v.kind = PairVerdict::Kind::Different;
        v.text = QStringLiteral("different: ") + real.join(QStringLiteral("; "));
        v.shownText = ParityText::tr("different: %1").arg(realShown.join(QStringLiteral("; ")));
    } else if (!v.rules.isEmpty()) {
        QStringList texts;
        QStringList shown;
        for (const QString& rule : std::as_const(v.rules)) {
            texts << parityRuleText(rule);
            shown << parityRuleShownText(rule);
        }
        v.kind = PairVerdict::Kind::Documented;
        v.text = QStringLiteral("differs as documented: ") + texts.join(QStringLiteral("; "));
        v.shownText =
            ParityText::tr("differs as documented: %1").arg(shown.join(QStringLiteral("; ")));
    } else {
        v.kind = PairVerdict::Kind::Identical;
        v.text = QStringLiteral("identical: same stdout, stderr and exit code");
        v.shownText = ParityText::tr("identical: same stdout, stderr and exit code");
    }
    return v;
}

PairVerdict compareRecords(const RunRecord& a, const RunRecord& b, const QString& target)
{
    PairComparator pair(a.kind, b.kind, target);
    const RunRecord* records[2] = {&a, &b};
    for (int side = 0; side < 2; ++side) {
        // The comparator keeps only what one side is ahead by; a whole record is at hand anyway.
        RunStreams streams(records[side]->kind, target);
        pair.feed(side, streams.feed(Channel::Stdout, records[side]->out));
        pair.feed(side, streams.feed(Channel::Stderr, records[side]->err));
        pair.feed(side, streams.finish());
    }
    pair.end(0, a.end);
    pair.end(1, b.end);
    return pair.verdict();
}

} // namespace twinrun
