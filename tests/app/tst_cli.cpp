#include "clirun.h"
#include "proctools.h"
#include "testmain.h"
#include "testvalues.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdlib>

#include <fcntl.h>
#include <unistd.h>

namespace {

using namespace clirun;

const QByteArray& kSeed = testvalues::kSeedOutput;

} // namespace

// Runs the built twinrun binary as a user or a script would, and checks what it prints.
class TstCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (binary().isEmpty() || workerBinary().isEmpty())
            QSKIP("TWINRUN_BINARY or TWINRUN_WORKER_BINARY is not set (ctest sets them)");
    }

    void seedExample_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("thread") << "thread";
        QTest::newRow("process") << "process";
    }
    void seedExample()
    {
        QFETCH(QString, backend);
        const Outcome o = runTwinrun({"run", "faz_algo", "1", "1.5", "Edson", "--as", backend});
        QCOMPARE(o.err, QByteArray());
        QCOMPARE(o.out, kSeed);
        QCOMPARE(o.status, 0);
    }

    void defaultIsThread()
    {
        const Outcome o = runTwinrun({"run", "whoami"});
        QCOMPARE(o.status, 0);
        QVERIFY(o.out.contains("backend: thread\n"));
        QVERIFY(o.out.contains("name: Thread-1 (whoami)\n"));
    }

    void both()
    {
        const Outcome o = runTwinrun({"run", "faz_algo", "1", "1.5", "Edson", "--as", "both"});
        QCOMPARE(o.status, 0);
        QVERIFY2(o.out.contains("== thread Thread-1 (faz_algo): finished, exit code 0"), o.out);
        QVERIFY(o.out.contains("== process Process-1: finished, exit code 0"));
        QCOMPARE(o.out.count(kSeed), 2);
        QVERIFY(o.out.contains("\nidentical: same stdout, stderr and exit code"));
    }

    void bothDifferent()
    {
        const Outcome o = runTwinrun({"run", "whoami", "--as", "both"});
        QCOMPARE(o.status, 1);
        QVERIFY2(o.out.contains("\ndifferent: stdout differs from line 1"), o.out);
    }

    void bothFailingIdentically()
    {
        const Outcome o = runTwinrun({"run", "fail", "--as", "both"});
        QCOMPARE(o.status, 1);
        QVERIFY(o.out.contains("identical"));
        QCOMPARE(o.err.count("RuntimeError: failure\n"), 2);
    }

    void negativeArgumentAfterDoubleDash()
    {
        const Outcome o = runTwinrun({"run", "faz_algo", "--as", "process", "--", "-5", "1.5"});
        QCOMPARE(o.status, 0);
        QCOMPARE(o.out, QByteArray("Fazendo algo com o \"-5\" do tipo <class 'int'>.\n"
                                   "Fazendo algo com o \"1.5\" do tipo <class 'float'>.\n"));
    }

    void kwargsAndName()
    {
        const Outcome o = runTwinrun({"run", "count", "3", "--kwarg", "delay=0", "--name",
                                      "counter", "--as", "process", "--json"});
        QCOMPARE(o.status, 0);
        const QJsonObject j = QJsonDocument::fromJson(o.out).object();
        QCOMPARE(j.value("name").toString(), QStringLiteral("counter"));
        QCOMPARE(j.value("backend").toString(), QStringLiteral("process"));
        QCOMPARE(j.value("stdout").toString(), QStringLiteral("1\n2\n3\n"));
        QCOMPARE(j.value("kwargs").toObject().value("delay").toObject().value("type").toString(),
                 QStringLiteral("int"));
    }

    void json_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("objects");
        QTest::newRow("thread") << "thread" << 1;
        QTest::newRow("process") << "process" << 1;
        QTest::newRow("both") << "both" << 2;
    }
    void json()
    {
        QFETCH(QString, backend);
        QFETCH(int, objects);
        const Outcome o =
            runTwinrun({"run", "faz_algo", "1", "1.5", "Edson", "--as", backend, "--json"});
        QCOMPARE(o.status, 0);
        const QList<QByteArray> lines = o.out.trimmed().split('\n');
        QCOMPARE(lines.size(), objects);
        for (const QByteArray& line : lines) {
            QJsonParseError error;
            const QJsonObject j = QJsonDocument::fromJson(line, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(j.value("target").toString(), QStringLiteral("faz_algo"));
            QCOMPARE(j.value("state").toString(), QStringLiteral("finished"));
            QCOMPARE(j.value("exit_code").toInt(-1), 0);
            QCOMPARE(j.value("stdout").toString().toUtf8(), kSeed);
            QCOMPARE(j.value("stderr").toString(), QString());
            const QJsonArray args = j.value("args").toArray();
            QCOMPARE(args.size(), 3);
            QCOMPARE(args[0].toObject().value("type").toString(), QStringLiteral("int"));
            QCOMPARE(args[0].toObject().value("value").toInteger(), 1);
            QCOMPARE(args[1].toObject().value("type").toString(), QStringLiteral("float"));
            QCOMPARE(args[2].toObject().value("value").toString(), QStringLiteral("Edson"));
            QVERIFY(j.value("pid").toInteger() > 0);
            QVERIFY(!j.value("ident").toString().isEmpty());
            QVERIFY(j.contains("start_time"));
            QVERIFY(j.value("duration_ms").toDouble() > 0);
        }
    }

    void exitStatuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("err");
        QTest::newRow("exit 7 thread") << QStringList{"run", "exit", "7"} << 7 << QByteArray();
        QTest::newRow("exit 7 process")
            << QStringList{"run", "exit", "7", "--as", "process"} << 7 << QByteArray();
        QTest::newRow("fail") << QStringList{"run", "fail", "oops"} << 1
                              << QByteArray("RuntimeError: oops\n");
        QTest::newRow("segv") << QStringList{"run", "crash", "--as", "process"} << 128 + SIGSEGV
                              << QByteArray();
        QTest::newRow("abort") << QStringList{"run", "crash", "abort", "--as", "process"}
                               << 128 + SIGABRT << QByteArray();
        QTest::newRow("timeout thread")
            << QStringList{"run", "sleep", "30", "--timeout", "0.2"} << 124 << QByteArray();
        QTest::newRow("timeout process")
            << QStringList{"run", "sleep", "30", "--as", "process", "--timeout", "0.2"} << 124
            << QByteArray();
    }
    void exitStatuses()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QByteArray, err);
        const Outcome o = runTwinrun(args);
        QCOMPARE(o.status, status);
        QCOMPARE(o.err, err);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown target")
            << QStringList{"run", "nope"}
            << QByteArray("unknown target 'nope' (known: faz_algo, count");
        QTest::newRow("no target") << QStringList{"run"} << QByteArray("missing TARGET");
        QTest::newRow("arity") << QStringList{"run", "count"}
                               << QByteArray("count() missing 1 required positional argument: 'n'");
        QTest::newRow("too many") << QStringList{"run", "exit", "1", "2"}
                                  << QByteArray(
                                         "exit() takes 1 positional argument but 2 were given");
        QTest::newRow("type") << QStringList{"run", "count", "abc"}
                              << QByteArray("count() argument 'n' must be int, not str ('abc')");
        QTest::newRow("malformed literal")
            << QStringList{"run", "faz_algo", "'abc"} << QByteArray("ARG 1:");
        // faz_algo takes ints of any size, as Python; a parameter declared int takes 64 bits.
        QTest::newRow("int too big") << QStringList{"run", "count", "99999999999999999999"}
                                     << QByteArray("argument 'n' must fit in 64 bits");
        QTest::newRow("unknown option") << QStringList{"run", "count", "1", "--bogus"}
                                        << QByteArray("unknown option '--bogus'");
        QTest::newRow("option-like ARG without --")
            << QStringList{"run", "faz_algo", "-x"} << QByteArray("unknown option '-x'");
        QTest::newRow("bad backend")
            << QStringList{"run", "count", "1", "--as", "fiber"}
            << QByteArray("--as 'fiber': expected thread, process or both");
        QTest::newRow("kwarg no key") << QStringList{"run", "count", "1", "--kwarg", "=x"}
                                      << QByteArray("--kwarg '=x': expected KEY=VALUE");
        QTest::newRow("kwarg not identifier")
            << QStringList{"run", "count", "1", "--kwarg", "1a=2"} << QByteArray("--kwarg '1a=2'");
        QTest::newRow("kwarg twice")
            << QStringList{"run", "count", "1", "--kwarg", "delay=1", "--kwarg", "delay=2"}
            << QByteArray("given more than once");
        QTest::newRow("kwarg unexpected")
            << QStringList{"run", "count", "1", "--kwarg", "speed=2"}
            << QByteArray("count() got an unexpected keyword argument 'speed'");
        QTest::newRow("kwarg duplicate of positional")
            << QStringList{"run", "count", "1", "--kwarg", "n=2"}
            << QByteArray("count() got multiple values for argument 'n'");
        QTest::newRow("bad timeout") << QStringList{"run", "count", "1", "--timeout", "soon"}
                                     << QByteArray("--timeout 'soon'");
        QTest::newRow("crash as thread")
            << QStringList{"run", "crash"} << QByteArray("crash() refused as a thread");
        QTest::newRow("crash as both") << QStringList{"run", "crash", "--as", "both"}
                                       << QByteArray("crash() refused as a thread");
        QTest::newRow("crash how") << QStringList{"run", "crash", "boom", "--as", "process"}
                                   << QByteArray("'segv' or 'abort'");
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << QByteArray("unknown command 'frobnicate'");
        QTest::newRow("unknown global option")
            << QStringList{"--frobnicate"} << QByteArray("unknown option '--frobnicate'");
        QTest::newRow("targets extra")
            << QStringList{"targets", "x"} << QByteArray("unexpected argument 'x'");
        QTest::newRow("demo extra") << QStringList{"demo", "--json", "x"}
                                    << QByteArray("twinrun demo: unexpected argument 'x'");
        QTest::newRow("demo unknown option")
            << QStringList{"demo", "--frobnicate"} << QByteArray("unknown option '--frobnicate'");
        QTest::newRow("bench extra")
            << QStringList{"bench", "x"} << QByteArray("twinrun bench: unexpected argument 'x'");
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Outcome o = runTwinrun(args);
        QCOMPARE(o.status, 2);
        QCOMPARE(o.out, QByteArray());
        QVERIFY2(o.err.contains(message), o.err.constData());
        QVERIFY2(o.err.startsWith("twinrun"), o.err.constData());
        QCOMPARE(o.err.count('\n'), 1); // one line
    }

    void presetFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected"); // on stdout when 0, else on stderr
        const QByteArray seed =
            R"({"version":1,"mode":"both","worker":{"version":1,"target":"faz_algo",)"
            R"("args":[{"type":"int","value":1},{"type":"float","value":1.5},)"
            R"({"type":"str","value":"Edson"}]}})";
        QTest::newRow("seed both") << seed << QStringList{} << 0 << QByteArray("identical");
        QTest::newRow("with --json")
            << seed << QStringList{"--json"} << 0 << QByteArray("\"backend\":\"process\"");
        QTest::newRow("malformed") << QByteArray("{\"version\":1,") << QStringList{} << 2
                                   << QByteArray("the launch spec is not valid JSON");
        QTest::newRow("newer")
            << QByteArray(R"({"version":9,"mode":"thread","worker":{"version":1,"target":"noop"}})")
            << QStringList{} << 2 << QByteArray("newer");
        QTest::newRow("bad mode")
            << QByteArray(R"({"version":1,"mode":"fiber","worker":{"version":1,"target":"noop"}})")
            << QStringList{} << 2 << QByteArray("mode");
        QTest::newRow("wrong args")
            << QByteArray(
                   R"({"version":1,"mode":"thread","worker":{"version":1,"target":"count"}})")
            << QStringList{} << 2
            << QByteArray("count() missing 1 required positional argument: 'n'");
        QTest::newRow("with TARGET")
            << seed << QStringList{"count"} << 2 << QByteArray("drop TARGET");
        QTest::newRow("with --as")
            << seed << QStringList{"--as", "thread"} << 2 << QByteArray("drop --as");
    }
    void presetFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extra);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("preset.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Outcome o = runTwinrun(QStringList{"run", "--spec", path} + extra);
        QCOMPARE(o.status, status);
        if (status == 0) {
            QVERIFY2(o.out.contains(expected), o.out.constData());
        } else {
            QVERIFY2(o.err.contains(expected), o.err.constData());
            QVERIFY2(o.err.contains(path.toUtf8()) || expected.startsWith("count()") ||
                         expected.startsWith("drop"),
                     o.err.constData());
        }
    }

    void presetFileMissing()
    {
        const Outcome o = runTwinrun({"run", "--spec", "/nonexistent/preset.json"});
        QCOMPARE(o.status, 2);
        QVERIFY2(o.err.contains("--spec '/nonexistent/preset.json': cannot read it"),
                 o.err.constData());
    }

    void targets()
    {
        const Outcome o = runTwinrun({"targets"});
        QCOMPARE(o.status, 0);
        QVERIFY(o.out.contains("faz_algo(*args)\n"));
        QVERIFY(o.out.contains("count(n: int, delay: float = 0.0)\n"));
        QVERIFY(o.out.contains("crash(how: str = 'segv')  [process only]\n"));
        const Outcome j = runTwinrun({"targets", "--json"});
        QCOMPARE(j.status, 0);
        const QJsonArray all = QJsonDocument::fromJson(j.out).array();
        QVERIFY(all.size() >= 9);
        QCOMPARE(all[0].toObject().value("name").toString(), QStringLiteral("faz_algo"));
        QCOMPARE(all[1]
                     .toObject()
                     .value("params")
                     .toArray()[1]
                     .toObject()
                     .value("default")
                     .toObject()
                     .value("value")
                     .toDouble(),
                 0.0);
    }

    void helpAndVersion()
    {
        const Outcome h = runTwinrun({"--help"});
        QCOMPARE(h.status, 0);
        QVERIFY(h.out.contains("twinrun run faz_algo 1 1.5 Edson --as both"));
        const Outcome rh = runTwinrun({"run", "--help"});
        QCOMPARE(rh.status, 0);
        QVERIFY(rh.out.contains("--timeout"));
        // Every command has its own help, its usage line naming the command.
        for (const char* command : {"demo", "targets", "bench"}) {
            const Outcome ch = runTwinrun({command, "-h"});
            QCOMPARE(ch.status, 0);
            QVERIFY2(ch.out.startsWith("Usage: twinrun " + QByteArray(command) + " [options]"),
                     ch.out.constData());
            QVERIFY(ch.out.contains("--json"));
        }
        const Outcome v = runTwinrun({"--version"});
        QCOMPARE(v.status, 0);
        QVERIFY(v.out.startsWith("twinrun "));
    }

    void headlessWithoutDisplayRunsDemo()
    {
        const Outcome o = runTwinrun({});
        QCOMPARE(o.status, 0);
        QVERIFY(o.err.contains("no display"));
        QVERIFY(o.out.contains("identical"));
    }

    void childModeRefusesGarbage_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("empty") << QByteArray() << QByteArray("not valid JSON");
        QTest::newRow("garbage") << QByteArray("hello") << QByteArray("not valid JSON");
        QTest::newRow("truncated")
            << QByteArray("{\"version\":1,\"target\":\"count\"") << QByteArray("not valid JSON");
        QTest::newRow("array") << QByteArray("[1]") << QByteArray("must be a JSON object");
        QTest::newRow("newer") << QByteArray("{\"version\":99,\"target\":\"count\"}")
                               << QByteArray("newer");
        QTest::newRow("no target") << QByteArray("{\"version\":1}") << QByteArray("'target'");
        QTest::newRow("bad arg")
            << QByteArray("{\"version\":1,\"target\":\"count\",\"args\":[{\"type\":\"int\"}]}")
            << QByteArray("args[0]");
        QTest::newRow("unknown target") << QByteArray("{\"version\":1,\"target\":\"nope\"}")
                                        << QByteArray("unknown target 'nope'");
        QTest::newRow("arity") << QByteArray("{\"version\":1,\"target\":\"count\"}")
                               << QByteArray("missing 1 required");
    }
    void childModeRefusesGarbage()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, message);
        const Outcome o = runProgram(workerBinary(), {"--twinrun-child"}, input);
        QCOMPARE(o.status, 2);
        QVERIFY2(o.err.contains(message), o.err.constData());
    }

    void childModeRefusesATerminal()
    {
        const int terminal = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (terminal < 0 || ::grantpt(terminal) != 0 || ::unlockpt(terminal) != 0)
            QSKIP("no pseudo-terminal available");
        QProcess p;
        p.setStandardInputFile(QString::fromLocal8Bit(::ptsname(terminal)));
        p.start(workerBinary(), {"--twinrun-child"});
        QVERIFY(p.waitForFinished(20000));
        ::close(terminal);
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("internal to TwinRun's process workers") &&
                     err.contains("not a terminal"),
                 err.constData());
    }

    void childModeRefusesOversizedSpec()
    {
        const Outcome o =
            runProgram(workerBinary(), {"--twinrun-child"}, QByteArray(17 * 1024 * 1024, ' '));
        QCOMPARE(o.status, 2);
        QVERIFY2(o.err.contains("larger than 16 MiB"), o.err.constData());
    }

    void quitSignalsStopWorkers_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT thread") << "thread" << SIGINT;
        QTest::newRow("SIGINT process") << "process" << SIGINT;
        QTest::newRow("SIGTERM thread") << "thread" << SIGTERM;
        QTest::newRow("SIGTERM process") << "process" << SIGTERM;
    }
    void quitSignalsStopWorkers()
    {
        QFETCH(QString, backend);
        QFETCH(int, signal);
        QProcess p;
        p.start(binary(), {"run", "count", "1000", "--kwarg", "delay=0.05", "--as", backend});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.waitForReadyRead(10) || p.bytesAvailable() > 0, 20000);
        const QList<qint64> children = proctools::childrenOf(p.processId());
        QCOMPARE(children.size(), backend == QLatin1String("process") ? 1 : 0);
        ::kill(static_cast<pid_t>(p.processId()), signal);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 128 + signal);
        for (qint64 child : children)
            QVERIFY(!proctools::isRunning(child));
    }

    // PARITY.md: a process worker never outlives the app, even when the app is SIGKILLed:
    // the command line or the window, started by spawn or by the fork server (whose workers
    // are the app's grandchildren).
    void noOrphanWhenAppIsKilled_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("windowSpec");
        QTest::addColumn<int>("depth");
        const QByteArray window = R"({"version":1,"mode":"process","worker":{"version":1,)"
                                  R"("target":"sleep","args":[{"type":"float","value":60}],)"
                                  R"("start_method":"%1"}})";
        QTest::newRow("cli spawn")
            << QStringList{"run", "sleep", "60", "--as", "process"} << QByteArray() << 1;
        QTest::newRow("cli forkserver")
            << QStringList{"run", "sleep", "60", "--as", "process", "--start-method", "forkserver"}
            << QByteArray() << 2;
        QTest::newRow("window spawn")
            << QStringList{} << QByteArray(window).replace("%1", "spawn") << 1;
        QTest::newRow("window forkserver")
            << QStringList{} << QByteArray(window).replace("%1", "forkserver") << 2;
    }
    void noOrphanWhenAppIsKilled()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, windowSpec);
        QFETCH(int, depth);
        QProcess p;
        if (!windowSpec.isEmpty()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("TWINRUN_DEMO_LAUNCH"), QString::fromUtf8(windowSpec));
            env.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       QDir::tempPath() + QStringLiteral("/twinrun-tst-cli"));
            p.setProcessEnvironment(env);
        }
        p.start(binary(), args);
        QVERIFY(p.waitForStarted());
        const auto descendants = [&] {
            QList<qint64> level{p.processId()};
            for (int d = 0; d < depth; ++d) {
                QList<qint64> next;
                for (qint64 pid : level)
                    next << proctools::childrenOf(pid);
                level = next;
            }
            return level;
        };
        QList<qint64> workers;
        QTRY_VERIFY_WITH_TIMEOUT(!(workers = descendants()).isEmpty(), 20000);
        const qint64 worker = workers.constFirst();
        QVERIFY(proctools::isRunning(worker));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!proctools::isRunning(worker), 2000);
    }
};

TWINRUN_TEST_MAIN(TstCli)
#include "tst_cli.moc"
