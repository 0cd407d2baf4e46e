#include "testmain.h"
#include <twinrun/parityrules.h>
#include <twinrun/pythonrun.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

// The documented-difference rules have two homes, on purpose: model/parityrules.cpp (TwinRun's
// verdicts) and resources/python/twinrun_compare.py (`twinrun_python.py compare`, usable without
// TwinRun). This test holds them to one meaning: every case goes to both, and both must give the
// same verdict text, kind and rules. It also checks each case's expected verdict, so a rule
// that changed in both places the same wrong way is caught too.

using namespace twinrun;

namespace {

constexpr int kTimeoutMs = 60000;

const QByteArray kThreadTraceback = "Exception in thread Thread-1 (fail):\n"
                                    "Traceback (most recent call last):\n"
                                    "  File \"/usr/lib/python3.11/threading.py\", line 1045, in "
                                    "_bootstrap_inner\n"
                                    "    self.run()\n"
                                    "  File \"/opt/twinrun/twinrun_targets.py\", line 63, in fail\n"
                                    "    raise RuntimeError(message)\n"
                                    "RuntimeError: boom\n";
const QByteArray kProcessTraceback = "Process Process-1:\n"
                                     "Traceback (most recent call last):\n"
                                     "  File \"/usr/lib/python3.11/multiprocessing/process.py\", "
                                     "line 314, in _bootstrap\n"
                                     "    self.run()\n"
                                     "    ^^^^^^^^^^\n"
                                     "RuntimeError: boom\n";
const QByteArray kChained = "Traceback (most recent call last):\n"
                            "  File \"x.py\", line 1, in f\n"
                            "ValueError: inner\n"
                            "\n"
                            "During handling of the above exception, another exception occurred:\n"
                            "\n"
                            "Traceback (most recent call last):\n"
                            "  File \"x.py\", line 3, in f\n"
                            "RuntimeError: boom\n";

struct Case {
    const char* name;
    RunRecord a;
    RunRecord b;
    QString target;
    PairVerdict::Kind kind;
    QStringList rules;
};

RunRecord rec(RunKind kind, QByteArray out = {}, QByteArray err = {}, std::optional<int> code = 0,
              QString state = QStringLiteral("finished"))
{
    return {kind, std::move(out), std::move(err), {std::move(state), code}};
}

using K = PairVerdict::Kind;
const QString faz = QStringLiteral("faz_algo");
const QString failed = QStringLiteral("failed");

QList<Case> cases()
{
    const RunKind T = RunKind::Thread, P = RunKind::Process, PT = RunKind::PythonThread,
                  PP = RunKind::PythonProcess;
    const QByteArray otherError =
        QByteArray(kThreadTraceback).replace("RuntimeError: boom", "TypeError: boom");
    const QString count = QStringLiteral("count");
    const QString whoami = QStringLiteral("whoami");
    return {
        {"identical", rec(T, "1\n"), rec(PP, "1\n"), faz, K::Identical, {}},
        {"different output and code",
         rec(T, "1\n2\n3\n"),
         rec(PT, "1\n2\n4\n", {}, 3),
         faz,
         K::Different,
         {}},
        {"no newline at the end", rec(T, "1\n2"), rec(P, "1\n2\n"), faz, K::Different, {}},
        {"thread traceback",
         rec(T, {}, "RuntimeError: boom\n", 1, failed),
         rec(PT, {}, kThreadTraceback, 1, failed),
         faz,
         K::Documented,
         {"error-traceback"}},
        {"process traceback",
         rec(P, {}, "RuntimeError: boom\n", 1, failed),
         rec(PP, {}, kProcessTraceback, 1, failed),
         faz,
         K::Documented,
         {"error-traceback"}},
        {"chained traceback",
         rec(P, {}, "RuntimeError: boom\n", 1, failed),
         rec(PP, {}, kChained, 1, failed),
         faz,
         K::Documented,
         {"error-traceback"}},
        {"tracebacks on both Python sides",
         rec(PT, {}, kThreadTraceback, 1, failed),
         rec(PP, {}, kProcessTraceback, 1, failed),
         faz,
         K::Documented,
         {"error-traceback"}},
        {"traceback between lines",
         rec(T, {}, "before\nRuntimeError: boom\nafter\n", 1, failed),
         rec(PT, {}, "before\n" + kThreadTraceback + "after\n", 1, failed),
         faz,
         K::Documented,
         {"error-traceback"}},
        {"another error type",
         rec(P, {}, "RuntimeError: boom\n", 1, failed),
         rec(PT, {}, otherError, 1, failed),
         faz,
         K::Different,
         {}},
        {"traceback on TwinRun's side",
         rec(T, {}, kThreadTraceback, 1, failed),
         rec(P, {}, "RuntimeError: boom\n", 1, failed),
         faz,
         K::Different,
         {}},
        {"header without traceback",
         rec(T, {}, "Process Process-1:\nx\n"),
         rec(PP, {}, "Process Process-1:\nx\n"),
         faz,
         K::Identical,
         {}},
        {"Python thread without exit code",
         rec(T, {}, {}, 3, failed),
         rec(PT, {}, {}, std::nullopt, failed),
         faz,
         K::Documented,
         {"thread-exit-code"}},
        {"Python process without exit code",
         rec(P, {}, {}, 3, failed),
         rec(PP, {}, {}, std::nullopt, failed),
         faz,
         K::Different,
         {}},
        {"killed process, thread runs on",
         rec(P, "1\n", {}, -9, QStringLiteral("killed")),
         rec(T, "1\n2\n3\n"),
         count,
         K::Documented,
         {"thread-not-stoppable"}},
        {"terminated thread, Python thread not",
         rec(T, "1\n", {}, -15, QStringLiteral("terminated")),
         rec(PT, "1\n2\n", {}, std::nullopt, QStringLiteral("running")),
         count,
         K::Documented,
         {"thread-not-stoppable"}},
        {"killed, output not a prefix",
         rec(P, "9\n", {}, -9, QStringLiteral("killed")),
         rec(T, "1\n2\n3\n"),
         faz,
         K::Different,
         {"thread-not-stoppable"}},
        {"two processes, one killed",
         rec(P, "1\n", {}, -9, QStringLiteral("killed")),
         rec(PP, "1\n2\n3\n"),
         count,
         K::Different,
         {}},
        {"whoami labels",
         rec(T, "name: Thread-1 (whoami)\npid: 1\n"),
         rec(PP, "name: Process-1\npid: 2\n"),
         whoami,
         K::Documented,
         {"differs-by-nature"}},
        {"whoami other labels",
         rec(T, "name: Thread-1 (whoami)\npid: 1\n"),
         rec(PP, "name: Process-1\nuid: 2\n"),
         whoami,
         K::Different,
         {}},
        {"not whoami",
         rec(T, "name: Thread-1 (whoami)\npid: 1\n"),
         rec(PP, "name: Process-1\npid: 2\n"),
         faz,
         K::Different,
         {}},
        {"crash vs finished",
         rec(P, {}, {}, -11, QStringLiteral("crashed")),
         rec(PP, {}, {}, 0),
         faz,
         K::Different,
         {}},
    };
}

QJsonObject recordJson(const RunRecord& r, const QString& target)
{
    return {
        {QStringLiteral("stdout"), QString::fromUtf8(r.out)},
        {QStringLiteral("stderr"), QString::fromUtf8(r.err)},
        {QStringLiteral("exit_code"), r.end.exitCode ? QJsonValue(*r.end.exitCode) : QJsonValue()},
        {QStringLiteral("state"), r.end.state},
        {QStringLiteral("backend"), runKindName(r.kind)},
        {QStringLiteral("target"), target}};
}

QString kindName(PairVerdict::Kind kind)
{
    switch (kind) {
    case K::Identical:
        return QStringLiteral("identical");
    case K::Documented:
        return QStringLiteral("documented");
    case K::Different:
        return QStringLiteral("different");
    case K::Incomplete:
        break;
    }
    return QStringLiteral("incomplete");
}

} // namespace

class TestParityRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expectedVerdicts();
    void sameVerdictsAsPython();
    void streamingMatchesWhole();
    void incompleteUntilBothEnd();
    void wordsForRulesAndKinds();
};

void TestParityRules::expectedVerdicts()
{
    for (const Case& c : cases()) {
        const PairVerdict v = compareRecords(c.a, c.b, c.target);
        QVERIFY2(v.kind == c.kind, qPrintable(QStringLiteral("%1: %2").arg(c.name, v.text)));
        QVERIFY2(v.rules == c.rules, c.name);
        // Symmetric: the order of the two runs changes nothing.
        const PairVerdict reversed = compareRecords(c.b, c.a, c.target);
        QCOMPARE(reversed.kind, v.kind);
        QCOMPARE(reversed.rules, v.rules);
    }
    const PairVerdict v = compareRecords(cases()[1].a, cases()[1].b, faz);
    QCOMPARE(v.text, QStringLiteral("different: stdout differs from line 3; exit codes differ"));
}

void TestParityRules::sameVerdictsAsPython()
{
    const PythonSetup python = PythonSetup::locate();
    if (!python.error.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no CPython to compare with: %1").arg(python.error)));
    QJsonArray input;
    const QList<Case> all = cases();
    for (const Case& c : all)
        input.append(QJsonArray{recordJson(c.a, c.target), recordJson(c.b, c.target)});
    const QString script =
        QStringLiteral("import json, sys\n"
                       "sys.path.insert(0, sys.argv[1])\n"
                       "import twinrun_compare as c\n"
                       "out = []\n"
                       "for a, b in json.load(sys.stdin):\n"
                       "    v = c.compare(c.record_from_json(a), c.record_from_json(b))\n"
                       "    out.append({'text': v.text, 'kind': v.kind, 'rules': v.rules})\n"
                       "print(json.dumps(out))\n");
    QProcess process;
    process.start(python.interpreter,
                  {QStringLiteral("-c"), script, QFileInfo(python.runner).absolutePath()});
    QVERIFY(process.waitForStarted(kTimeoutMs));
    process.write(QJsonDocument(input).toJson());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(kTimeoutMs));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QJsonArray verdicts = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    QCOMPARE(verdicts.size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const PairVerdict v = compareRecords(all[i].a, all[i].b, all[i].target);
        const QJsonObject py = verdicts[i].toObject();
        QCOMPARE(v.text, py.value(QStringLiteral("text")).toString());
        QCOMPARE(kindName(v.kind), py.value(QStringLiteral("kind")).toString());
        QStringList rules;
        for (const QJsonValue& r : py.value(QStringLiteral("rules")).toArray())
            rules << r.toString();
        QCOMPARE(v.rules, rules);
    }
}

void TestParityRules::streamingMatchesWhole()
{
    // A Python traceback cut at every byte gives the verdict the whole text gives.
    const QByteArray err = "before\n" + kChained + "after";
    for (qsizetype cut = 0; cut <= err.size(); ++cut) {
        RunStreams streams(RunKind::PythonProcess, faz);
        QByteArray reduced =
            streams.feed(Channel::Stderr, err.first(cut))[RunStreams::ReducedStderr];
        reduced += streams.feed(Channel::Stderr, err.sliced(cut))[RunStreams::ReducedStderr];
        reduced += streams.finish()[RunStreams::ReducedStderr];
        QCOMPARE(reduced, QByteArray("before\nRuntimeError: boom\nafter"));
    }
}

void TestParityRules::incompleteUntilBothEnd()
{
    PairComparator pair(RunKind::Thread, RunKind::PythonThread, faz);
    RunStreams streams(RunKind::Thread, faz);
    pair.feed(0, streams.feed(Channel::Stdout, "1\n"));
    pair.end(0, {QStringLiteral("finished"), 0});
    QCOMPARE(pair.verdict().kind, K::Incomplete);
    QVERIFY(pair.verdict().text.contains(QStringLiteral("Python Thread")));
    RunStreams python(RunKind::PythonThread, faz);
    pair.feed(1, python.feed(Channel::Stdout, "1\n"));
    pair.end(1, {QStringLiteral("finished"), 0});
    QCOMPARE(pair.verdict().kind, K::Identical);
}

// Every rule a verdict can name has a short title and a text of its own; an unknown key shows
// as itself. Every run kind has its name and title (English: no translator in this test).
void TestParityRules::wordsForRulesAndKinds()
{
    QSet<QString> named;
    for (const Case& c : cases())
        named.unite(QSet<QString>(c.rules.begin(), c.rules.end()));
    QCOMPARE(named.size(), 4);
    QSet<QString> titles;
    for (const QString& rule : named) {
        const QString title = parityRuleTitleText(rule);
        QVERIFY2(!title.isEmpty() && title != rule, qPrintable(rule));
        QVERIFY2(parityRuleText(rule).size() > title.size(), qPrintable(rule));
        QCOMPARE(parityRuleShownText(rule), parityRuleText(rule));
        titles.insert(title);
    }
    QCOMPARE(titles.size(), named.size());
    QCOMPARE(parityRuleTitleText(QStringLiteral("no-such-rule")), QStringLiteral("no-such-rule"));
    QCOMPARE(parityRuleText(QStringLiteral("no-such-rule")), QString());

    const QStringList names{QStringLiteral("thread"), QStringLiteral("process"),
                            QStringLiteral("python-thread"), QStringLiteral("python-process")};
    const QStringList kindTitles{QStringLiteral("TwinRun thread"),
                                 QStringLiteral("TwinRun process"), QStringLiteral("Python Thread"),
                                 QStringLiteral("Python Process")};
    const RunKind kinds[] = {RunKind::Thread, RunKind::Process, RunKind::PythonThread,
                             RunKind::PythonProcess};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(runKindName(kinds[i]), names[i]);
        QCOMPARE(runKindText(kinds[i]), names[i]);
        QCOMPARE(runKindTitle(kinds[i]), kindTitles[i]);
        QCOMPARE(runKindTitleText(kinds[i]), kindTitles[i]);
    }
}

TWINRUN_TEST_MAIN(TestParityRules)
#include "tst_parityrules.moc"
