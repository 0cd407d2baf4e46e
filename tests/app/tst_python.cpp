#include "clirun.h"
#include "proctools.h"
#include "testmain.h"
#include <twinrun/launchspec.h>
#include <twinrun/pythonrun.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

// `twinrun run ... --python`: for every built-in deterministic target and a spread of values,
// TwinRun's thread and process and CPython's Thread and Process print the same bytes (or differ
// only as documented); a doctored Python target is reported as different; no Python is a
// clear refusal (exit 2) and nothing else changes. One launch runs four ways, so the values
// of faz_algo go in a few batches: a 2-core machine runs this in seconds.

using namespace twinrun;

namespace {

constexpr int kRunTimeoutMs = 120000;

struct Launch {
    clirun::Outcome outcome;
    QList<QJsonObject> runs;
    QList<QJsonObject> comparisons;
};

Launch runSpec(const LaunchSpec& spec, const QStringList& extra = {},
               const QProcessEnvironment& env = clirun::headless())
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("spec.json"));
    if (!writeLaunchSpecFile(path, spec))
        return {};
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(clirun::binary(), QStringList{QStringLiteral("run"), QStringLiteral("--spec"), path,
                                          QStringLiteral("--python"), QStringLiteral("--timeout"),
                                          QStringLiteral("60")} +
                                  extra);
    Launch launch{clirun::finish(p, kRunTimeoutMs), {}, {}};
    if (!extra.contains(QStringLiteral("--json")))
        return launch;
    for (const QByteArray& line : launch.outcome.out.split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(QStringLiteral("comparisons"))) {
            for (const QJsonValue& c : object.value(QStringLiteral("comparisons")).toArray())
                launch.comparisons << c.toObject();
        } else if (!object.isEmpty()) {
            launch.runs << object;
        }
    }
    return launch;
}

LaunchSpec specOf(const QString& target, const QStringList& literals,
                  LaunchSpec::Mode mode = LaunchSpec::Mode::Both)
{
    LaunchSpec spec;
    spec.mode = mode;
    spec.worker.target = target;
    for (const QString& literal : literals) {
        if (literal == QLatin1String("nan")) // no literal makes it: as the window's float field
            spec.worker.args << Value::fromFloat(std::nan(""));
        else
            spec.worker.args << *Value::parse(literal).value;
    }
    return spec;
}

QString describe(const Launch& launch)
{
    return QString::fromUtf8(launch.outcome.out.left(4000) + "\n--- stderr:\n" +
                             launch.outcome.err.left(2000));
}

bool pythonMissing(QString* why)
{
    const PythonSetup setup = PythonSetup::locate();
    *why = setup.error;
    return !setup.isUsable();
}

} // namespace

class TestPython : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameBytesFourWays_data();
    void sameBytesFourWays();
    void documentedDifferences_data();
    void documentedDifferences();
    void doctoredPythonIsDifferent();
    void timesSideBySide();
    void signalStopsEveryRun();
    void noPythonIsAClearRefusal();
};

void TestPython::sameBytesFourWays_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("mode");
    const int both = int(LaunchSpec::Mode::Both);
    QTest::newRow("faz_algo ints") << "faz_algo"
                                   << QStringList{"0",
                                                  "1",
                                                  "-1",
                                                  "9223372036854775807",
                                                  "-9223372036854775808",
                                                  "9223372036854775808",
                                                  "-18446744073709551617",
                                                  "0x1f",
                                                  "True"}
                                   << both;
    QTest::newRow("faz_algo floats")
        << "faz_algo" << QStringList{"1e16",          "1e-5",
                                     "1e15",          "9999999999999998.0",
                                     "0.0001",        "1.5",
                                     "-0.0",          "1e999",
                                     "-1e999",        "nan",
                                     "0.1",           "1e22",
                                     "5e-324",        "1.7976931348623157e308",
                                     "123456789.123", "2.5e-7"}
        << both;
    QTest::newRow("faz_algo strings") << "faz_algo"
                                      << QStringList{R"('He said "hi" and it\'s')",
                                                     R"('tab\there\nnew line\\back')",
                                                     "'Edson Ação ü 日本 🐍'",
                                                     R"('\x1b[31m')",
                                                     "''",
                                                     "Edson",
                                                     R"("'")",
                                                     R"('\u00e9\N{EM DASH}')"}
                                      << both;
    QTest::newRow("faz_algo containers") << "faz_algo"
                                         << QStringList{"(1, 'a', [2.5, {'k': (None, True)}])",
                                                        "[]",
                                                        "()",
                                                        "(1,)",
                                                        "{'a': [1, 2], 3: 'x', 'é': {'n': -0.0}}",
                                                        "[[[]], ('q\"',)]",
                                                        "None"}
                                         << both;
    QTest::newRow("count") << "count" << QStringList{"5"} << both;
    QTest::newRow("count 0") << "count" << QStringList{"0", "0.001"} << both;
    QTest::newRow("sleep") << "sleep" << QStringList{"0.01"} << both;
    QTest::newRow("burn") << "burn" << QStringList{"1000"} << both;
    QTest::newRow("exit 3") << "exit" << QStringList{"3"} << both;
    QTest::newRow("exit 300") << "exit" << QStringList{"300"} << both;
    QTest::newRow("flood") << "flood" << QStringList{"300", "7"} << both;
    QTest::newRow("noop") << "noop" << QStringList{} << both;
    QTest::newRow("stubborn") << "stubborn" << QStringList{"0.01"} << both;
    QTest::newRow("crash") << "crash" << QStringList{} << int(LaunchSpec::Mode::Process);
}

void TestPython::sameBytesFourWays()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython to compare with: %1").arg(why)));
    QFETCH(QString, target);
    QFETCH(QStringList, args);
    QFETCH(int, mode);
    const Launch launch =
        runSpec(specOf(target, args, LaunchSpec::Mode(mode)), {QStringLiteral("--json")});
    QVERIFY2(launch.outcome.status == 0, qPrintable(describe(launch)));
    QCOMPARE(launch.runs.size(), mode == int(LaunchSpec::Mode::Both) ? 4 : 2);
    const QJsonObject first = launch.runs.first();
    for (const QJsonObject& run : launch.runs) {
        const QString who = run.value(QStringLiteral("backend")).toString();
        QVERIFY2(run.value(QStringLiteral("stdout")) == first.value(QStringLiteral("stdout")),
                 qPrintable(who + QStringLiteral(": ") + describe(launch)));
        QCOMPARE(run.value(QStringLiteral("stderr")), first.value(QStringLiteral("stderr")));
        QCOMPARE(run.value(QStringLiteral("exit_code")), first.value(QStringLiteral("exit_code")));
    }
    QVERIFY(!first.value(QStringLiteral("stdout")).toString().isEmpty() || target == "noop" ||
            target == "exit" || target == "crash" || (args == QStringList{"0", "0.001"}));
    QCOMPARE(launch.comparisons.size(), mode == int(LaunchSpec::Mode::Both) ? 4 : 1);
    for (const QJsonObject& c : launch.comparisons)
        QCOMPARE(c.value(QStringLiteral("kind")).toString(), QStringLiteral("identical"));
}

void TestPython::documentedDifferences_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("rule");
    QTest::newRow("fail") << "fail" << QStringList{"'boom'"} << "error-traceback";
    QTest::newRow("fail, quotes and é")
        << "fail" << QStringList{R"('it\'s "é"')"} << "error-traceback";
    QTest::newRow("whoami") << "whoami" << QStringList{} << "differs-by-nature";
}

void TestPython::documentedDifferences()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython to compare with: %1").arg(why)));
    QFETCH(QString, target);
    QFETCH(QStringList, args);
    QFETCH(QString, rule);
    const Launch launch = runSpec(specOf(target, args), {QStringLiteral("--json")});
    QVERIFY2(launch.outcome.status == 0, qPrintable(describe(launch)));
    QCOMPARE(launch.comparisons.size(), 4);
    int documented = 0;
    for (const QJsonObject& c : launch.comparisons) {
        const QString kind = c.value(QStringLiteral("kind")).toString();
        QVERIFY2(kind == QLatin1String("identical") || kind == QLatin1String("documented"),
                 qPrintable(describe(launch)));
        if (kind == QLatin1String("documented")) {
            ++documented;
            QCOMPARE(c.value(QStringLiteral("rules")).toArray(), QJsonArray{rule});
            QVERIFY(c.value(QStringLiteral("verdict"))
                        .toString()
                        .startsWith(QStringLiteral("differs as documented: ")));
        }
    }
    QVERIFY2(documented >= 2, qPrintable(describe(launch))); // TwinRun vs Python, both pairs
    // The human output says it too, pair by pair.
    const Launch text = runSpec(specOf(target, args));
    QCOMPARE(text.outcome.status, 0);
    QVERIFY(text.outcome.out.contains("TwinRun thread vs Python Thread: differs as documented: "));
    QVERIFY(text.outcome.out.contains("\ntimes: TwinRun thread "));
}

void TestPython::doctoredPythonIsDifferent()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython to compare with: %1").arg(why)));
    // A copy of the Python modules whose faz_algo says something else: a real difference.
    QTemporaryDir dir;
    const QDir source = QFileInfo(PythonSetup::locate().runner).dir();
    for (const QString& name : source.entryList({QStringLiteral("*.py")}, QDir::Files)) {
        QFile in(source.filePath(name));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        if (name == QLatin1String("twinrun_targets.py")) {
            QVERIFY(text.contains("Fazendo algo com o"));
            text.replace("Fazendo algo com o", "Fazendo outra coisa com o");
        }
        QFile out(dir.filePath(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
    }
    QProcessEnvironment env = clirun::headless();
    env.insert(QStringLiteral("TWINRUN_PYTHON_DIR"), dir.path());
    const LaunchSpec spec = specOf(QStringLiteral("faz_algo"), {"1", "1.5", "'Edson'"});
    const Launch launch = runSpec(spec, {}, env);
    QVERIFY2(launch.outcome.status == 1, qPrintable(describe(launch)));
    const QByteArray out = launch.outcome.out;
    QVERIFY2(out.contains("TwinRun thread vs Python Thread: different: stdout differs from line 1\n"
                          "  TwinRun thread, stdout line 1: 'Fazendo algo com o \"1\" do tipo "
                          "<class \\'int\\'>.'\n"
                          "  Python Thread, stdout line 1: 'Fazendo outra coisa com o"),
             out.constData());
    QVERIFY(out.contains("TwinRun process vs Python Process: different: stdout differs from "
                         "line 1\n"));
    QVERIFY(out.contains("TwinRun thread vs TwinRun process: identical"));
    QVERIFY(out.contains("Python Thread vs Python Process: identical"));
}

void TestPython::timesSideBySide()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython to compare with: %1").arg(why)));
    // Wall and CPU time of all four runs, in one style (runTimeText): a CPU-bound call shows
    // that every run did the same work, whatever each waited for.
    const Launch launch = runSpec(specOf(QStringLiteral("burn"), {"200000"}));
    QVERIFY2(launch.outcome.status == 0, qPrintable(describe(launch)));
    const QString time = QStringLiteral("[0-9.]+ (ms|s), CPU [0-9.]+ (ms|s)");
    const QRegularExpression times(
        QStringLiteral("\\ntimes: TwinRun thread %1; TwinRun process %1; Python Thread %1; "
                       "Python Process %1\\n$")
            .arg(time));
    QVERIFY2(times.match(QString::fromUtf8(launch.outcome.out)).hasMatch(),
             qPrintable(describe(launch)));
}

void TestPython::signalStopsEveryRun()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython to compare with: %1").arg(why)));
    // SIGTERM while TwinRun's thread ignores stops (stubborn never looks, even when the stop
    // comes first): the Python run is stopped, the thread is left behind after the grace, and
    // the exit status names the signal.
    QProcess p;
    p.setProcessEnvironment(clirun::headless());
    p.start(clirun::binary(), {QStringLiteral("run"), QStringLiteral("stubborn"),
                               QStringLiteral("60"), QStringLiteral("--python")});
    QVERIFY(p.waitForStarted(kRunTimeoutMs));
    // The Python runner is started once the signals are caught.
    QList<qint64> children;
    QTRY_VERIFY_WITH_TIMEOUT(!(children = proctools::childrenOf(p.processId())).isEmpty(),
                             kRunTimeoutMs);
    ::kill(pid_t(p.processId()), SIGTERM);
    QElapsedTimer clock;
    clock.start();
    const clirun::Outcome o = clirun::finish(p, kRunTimeoutMs);
    QCOMPARE(o.status, 128 + SIGTERM);
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(o.err.contains("twinrun: Thread-1 (stubborn) is still running and cannot be killed"),
             o.err.constData());
    // Stopped, whether it had begun or not (the signal may come before it starts).
    QVERIFY2(o.out.contains("\n== python-thread "), o.out.constData());
    QVERIFY2(o.out.contains("\nTwinRun thread vs Python Thread: incomplete"), o.out.constData());
    for (qint64 child : std::as_const(children))
        QTRY_VERIFY_WITH_TIMEOUT(!proctools::isRunning(child), kRunTimeoutMs);
}

void TestPython::noPythonIsAClearRefusal()
{
    // No python3 on PATH: --python says so (exit 2); without it, everything works.
    QProcessEnvironment env = clirun::headless();
    env.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
    const QStringList call{QStringLiteral("run"), QStringLiteral("faz_algo"), QStringLiteral("1")};
    const auto run = [&](const QStringList& args, const QProcessEnvironment& e) {
        QProcess p;
        p.setProcessEnvironment(e);
        p.start(clirun::binary(), args);
        return clirun::finish(p, kRunTimeoutMs);
    };
    clirun::Outcome o = run(call + QStringList{QStringLiteral("--python")}, env);
    QCOMPARE(o.status, 2);
    QCOMPARE(o.err, QByteArray("twinrun run: --python: python3 was not found on PATH: install "
                               "Python 3 (or give the interpreter's path) to compare with "
                               "CPython\n"));
    QVERIFY(o.out.isEmpty());
    o = run(call, env);
    QCOMPARE(o.status, 0);
    QCOMPARE(o.out, QByteArray("Fazendo algo com o \"1\" do tipo <class 'int'>.\n"));

    o = run(call + QStringList{QStringLiteral("--python"), QStringLiteral("--python-exe"),
                               QStringLiteral("/nonexistent/python3")},
            clirun::headless());
    QCOMPARE(o.status, 2);
    QVERIFY2(o.err.contains("the Python interpreter /nonexistent/python3 is not an executable"),
             o.err.constData());
    o = run(call + QStringList{QStringLiteral("--python-exe"), QStringLiteral("python3")},
            clirun::headless());
    QCOMPARE(o.status, 2);
    QVERIFY(o.err.contains("--python-exe: only with --python"));

    // The runner missing (an install without share/twinrun/python) is named.
    QProcessEnvironment noRunner = clirun::headless();
    noRunner.insert(QStringLiteral("TWINRUN_PYTHON_DIR"), QStringLiteral("/nonexistent/dir"));
    QString why;
    if (!pythonMissing(&why)) {
        o = run(call + QStringList{QStringLiteral("--python")}, noRunner);
        QCOMPARE(o.status, 2);
        QVERIFY2(o.err.contains("TwinRun's Python runner /nonexistent/dir/twinrun_python.py is "
                                "missing"),
                 o.err.constData());
    }
}

TWINRUN_TEST_MAIN(TestPython)
#include "tst_python.moc"
