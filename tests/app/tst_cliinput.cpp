// What `twinrun` does with what a user types: file descriptors at start-up, --spec files that
// are not plain files, the one spec-size limit, how messages echo input, help and negative
// numbers. Runs the built binary as a user or a script would.
#include "clirun.h"
#include "testmain.h"
#include "testvalues.h"

#include <twinrun/workerfactory.h>
#include <twinrun/workerspec.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace clirun;

// twinrun started by bash after `setup` (ulimit ...): "$0" is the binary.
Outcome runInShell(const QString& setup, const QStringList& args)
{
    QProcess p;
    p.setProcessEnvironment(headless());
    p.start(QStringLiteral("bash"),
            QStringList{QStringLiteral("-c"), setup + QStringLiteral("; exec \"$0\" \"$@\""),
                        binary()} +
                args);
    if (!p.waitForStarted(20000))
        return {{}, "could not start bash", -1};
    p.closeWriteChannel();
    return finish(p, 30000);
}

// One line on stderr, nothing that drives a terminal, not the whole of a long input.
void verifyOneSafeLine(const QByteArray& err)
{
    QVERIFY2(err.endsWith('\n') && err.count('\n') == 1, err.left(300).constData());
    for (char c : err.chopped(1))
        QVERIFY2(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, err.left(300).constData());
    QVERIFY2(err.size() < 400, err.left(300).constData());
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QByteArray launchSpecWithStr(qsizetype chars, char fill)
{
    QByteArray text(chars, fill);
    if (fill == '\x01')
        text = QByteArray("\\u0001").repeated(chars);
    return "{\"version\":1,\"mode\":\"thread\",\"worker\":{\"version\":1,\"target\":"
           "\"faz_algo\",\"args\":[{\"type\":\"str\",\"value\":\"" +
           text + "\"}]}}";
}

} // namespace

class TstCliInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (binary().isEmpty())
            QSKIP("TWINRUN_BINARY is not set (ctest sets it)");
    }

    // Issue 8 item 3: `ulimit -n 6` made Qt/GLib abort (133/134); now one line and exit 1.
    void tooFewFileDescriptors_data()
    {
        QTest::addColumn<int>("limit");
        for (int limit : {6, 8, 12})
            QTest::addRow("ulimit -n %d", limit) << limit;
    }
    void tooFewFileDescriptors()
    {
        QFETCH(int, limit);
        for (const QStringList& args :
             {QStringList{"run", "faz_algo", "1"},
              QStringList{"run", "faz_algo", "1", "--as", "both"}, QStringList{"targets"}}) {
            const Outcome o = runInShell(QStringLiteral("ulimit -n %1").arg(limit), args);
            QCOMPARE(o.status, 1);
            QCOMPARE(o.out, QByteArray());
            verifyOneSafeLine(o.err);
            QVERIFY2(o.err.startsWith(QStringLiteral("twinrun: too few file descriptors (ulimit -n "
                                                     "%1)")
                                          .arg(limit)
                                          .toUtf8()),
                     o.err.constData());
            QVERIFY2(o.err.contains("need at least"), o.err.constData());
        }
    }

    // A low soft limit under a higher hard one is raised: the run works.
    void softLimitIsRaised()
    {
        rlimit limit{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
        if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < 64)
            QSKIP("the hard limit on open files is below 64 here");
        const Outcome o = runInShell(QStringLiteral("ulimit -Sn 8"),
                                     {"run", "faz_algo", "1", "1.5", "Edson", "--as", "both"});
        QCOMPARE(o.err, QByteArray());
        QCOMPARE(o.status, 0);
        QCOMPARE(o.out.count(testvalues::kSeedOutput), 2);

        // And the running app's soft limit is the hard one. Its first line of output shows that
        // start-up is over (a sanitizer build can take many seconds to get there); the limits are
        // read then, once, and shown when they are wrong.
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(QStringLiteral("bash"),
                {"-c", "ulimit -Sn 64; exec \"$0\" run count 100000 0.05", binary()});
        QVERIFY(p.waitForStarted(20000));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine() || p.state() != QProcess::Running, 120000);
        QFile file(QStringLiteral("/proc/%1/limits").arg(p.processId()));
        const QString limits =
            file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString();
        p.kill();
        QVERIFY(p.waitForFinished(20000));
        const QByteArray first = p.readLine();
        QVERIFY2(first == "1\n", qPrintable(QStringLiteral("first line '%1', stderr '%2'")
                                                 .arg(QString::fromLocal8Bit(first),
                                                      QString::fromLocal8Bit(p.readAllStandardError()))));
        const QString hard = limit.rlim_max == RLIM_INFINITY
                                 ? QStringLiteral("unlimited")
                                 : QString::number(static_cast<qulonglong>(limit.rlim_max));
        const QRegularExpression raised(QStringLiteral("Max open files\\s+%1\\s+%1\\s").arg(hard));
        QVERIFY2(raised.match(limits).hasMatch(), qPrintable(limits));
    }

    // Issue 8 item 6: what is not a regular file is refused at once, with one line.
    void specNotARegularFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("fifo") << "fifo" << QByteArray("a FIFO, not a regular file");
        QTest::newRow("directory") << "directory" << QByteArray("a directory, not a regular file");
        QTest::newRow("/dev/zero") << "/dev/zero" << QByteArray("a device, not a regular file");
        QTest::newRow("missing") << "missing" << QByteArray("cannot read it: No such file");
        QTest::newRow("empty name") << "" << QByteArray("--spec '': expected a file name");
        QTest::newRow("huge") << "huge" << QByteArray("larger than 32 MiB");
    }
    void specNotARegularFile()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        QString path = kind;
        if (kind == QLatin1String("fifo")) {
            path = dir.filePath(QStringLiteral("fifo"));
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("directory")) {
            path = dir.path();
        } else if (kind == QLatin1String("missing")) {
            path = dir.filePath(QStringLiteral("missing.json"));
        } else if (kind == QLatin1String("huge")) {
            path = dir.filePath(QStringLiteral("huge.json"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(qint64(40) << 20)); // sparse: nothing is written
        }
        const Outcome o = runTwinrun({"run", "--spec", path});
        QCOMPARE(o.status, 2);
        verifyOneSafeLine(o.err);
        QVERIFY2(o.err.contains(message), o.err.constData());
        QVERIFY2(o.err.contains("--spec '" + path.toUtf8() + "'"), o.err.constData());
    }

    void specUnreadable()
    {
        if (::geteuid() == 0)
            QSKIP("root reads any file");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret.json"));
        writeFile(path, "{}");
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        const Outcome o = runTwinrun({"run", "--spec", path});
        QCOMPARE(o.status, 2);
        verifyOneSafeLine(o.err);
        QVERIFY2(o.err.contains("cannot read it: Permission denied"), o.err.constData());
    }

    // Issue 8 item 8: one limit (the child's spec as JSON), refused where the user gives it.
    void specSizeOneLimit_data()
    {
        QTest::addColumn<QByteArray>("content");
        // A file of 16 MiB less a byte (the old bound on the file) whose worker, as the child
        // gets it (with kwargs, name, daemon, start_method), is over 16 MiB.
        QTest::newRow("file near the limit")
            << launchSpecWithStr(twinrun::kMaxWorkerSpecBytes - 112, 'x');
        // 3 M control characters: 18 MiB as JSON.
        QTest::newRow("control characters") << launchSpecWithStr(3 * 1024 * 1024, '\x01');
    }
    void specSizeOneLimit()
    {
        QFETCH(QByteArray, content);
        QVERIFY(content.size() < twinrun::kMaxWorkerSpecBytes * 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.json"));
        writeFile(path, content);
        const Outcome o = runTwinrun({"run", "--spec", path});
        QCOMPARE(o.status, 2);
        QCOMPARE(o.out, QByteArray());
        verifyOneSafeLine(o.err);
        QVERIFY2(o.err.contains("over the 16 MiB limit"), o.err.constData());
    }

    // The same rule holds for a worker started from code (the window): both backends refuse.
    void workerRefusesOversizedSpec()
    {
        twinrun::WorkerSpec spec;
        spec.target = QStringLiteral("faz_algo");
        spec.args = {twinrun::Value::fromStr(QString(twinrun::kMaxWorkerSpecBytes, u'x'))};
        for (twinrun::Backend backend : {twinrun::Backend::Thread, twinrun::Backend::Process}) {
            std::unique_ptr<twinrun::Worker> worker(twinrun::createWorker(backend, spec));
            const twinrun::Status status = worker->start();
            QVERIFY(!status);
            QVERIFY2(status.message().contains(QLatin1String("over the 16 MiB limit")),
                     qPrintable(status.message()));
            QCOMPARE(worker->state(), twinrun::Worker::State::FailedToStart);
        }
        spec.args = {twinrun::Value::fromStr(QString(1000, u'x'))};
        QVERIFY(twinrun::checkWorkerSpecSize(spec));
    }

    // Issue 8 item 10: what a message echoes is quoted, escaped and cut.
    void echoedInputIsSafe_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString longText(120000, u'a');
        QTest::newRow("newline in target")
            << QStringList{"run", "no\npe"} << QByteArray("unknown target 'no\\npe'");
        QTest::newRow("escape in argument")
            << QStringList{"run", "count", "\x1b[31m"}
            << QByteArray("count() argument 'n' must be int, not str ('\\x1b[31m')");
        QTest::newRow("escape in option value")
            << QStringList{"run", "count", "1", "--as", "\x1b[31mfiber"}
            << QByteArray("--as '\\x1b[31mfiber': expected thread, process or both");
        QTest::newRow("newline in kwarg") << QStringList{"run", "count", "1", "--kwarg", "a\nb=1"}
                                          << QByteArray("--kwarg 'a\\nb=1': expected KEY=VALUE");
        QTest::newRow("escape in unknown option") << QStringList{"run", "count", "--\x1b[2J"}
                                                  << QByteArray("unknown option '--\\x1b[2J'");
        QTest::newRow("escape in spec path")
            << QStringList{"run", "--spec", "/nonexistent/\x1b[31m"}
            << QByteArray("--spec '/nonexistent/\\x1b[31m': cannot read it");
        QTest::newRow("long malformed literal") << QStringList{"run", "faz_algo", "'" + longText}
                                                << QByteArray("... (120001 characters)");
        QTest::newRow("long unknown target")
            << QStringList{"run", longText} << QByteArray("... (120000 characters)");
        QTest::newRow("long wrong type")
            << QStringList{"run", "count", longText} << QByteArray("... (120002 characters)");
        QTest::newRow("long timeout") << QStringList{"run", "count", "1", "--timeout", longText}
                                      << QByteArray("... (120000 characters)");
        QTest::newRow("unknown command")
            << QStringList{"frob\nnicate"} << QByteArray("unknown command 'frob\\nnicate'");
    }
    void echoedInputIsSafe()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Outcome o = runTwinrun(args);
        QCOMPARE(o.status, 2);
        QCOMPARE(o.out, QByteArray());
        verifyOneSafeLine(o.err);
        QVERIFY2(o.err.contains(message), o.err.left(300).constData());
    }

    void specMessages_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("version 1e300")
            << QByteArray(
                   R"({"version":1e300,"mode":"thread","worker":{"version":1,"target":"noop"}})")
            << QByteArray("version 1e+300 is newer than this TwinRun reads (1)");
        QTest::newRow("worker version 1e300")
            << QByteArray(
                   R"({"version":1,"mode":"thread","worker":{"version":1e300,"target":"noop"}})")
            << QByteArray("version 1e+300 is newer");
        QTest::newRow("worker version 0.5")
            << QByteArray(
                   R"({"version":1,"mode":"thread","worker":{"version":0.5,"target":"noop"}})")
            << QByteArray("'version': expected an integer >= 1");
        QTest::newRow("escape in target")
            << QByteArray("{\"version\":1,\"mode\":\"thread\",\"worker\":{\"version\":1,"
                          "\"target\":\"\\u001b[31m\"}}")
            << QByteArray("unknown target '\\x1b[31m'");
        QTest::newRow("escape in kwarg name")
            << QByteArray("{\"version\":1,\"mode\":\"thread\",\"worker\":{\"version\":1,"
                          "\"target\":\"noop\",\"kwargs\":[[\"a\\nb\",{\"type\":\"int\","
                          "\"value\":1}]]}}")
            << QByteArray("unexpected keyword argument 'a\\nb'");
    }
    void specMessages()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("spec.json"));
        writeFile(path, content);
        const Outcome o = runTwinrun({"run", "--spec", path});
        QCOMPARE(o.status, 2);
        verifyOneSafeLine(o.err);
        QVERIFY2(o.err.contains(message), o.err.constData());
    }

    // Issue 8 item 13: help names the command; a negative number is an ARG.
    void helpNamesTheCommand_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("usage");
        QTest::newRow("run") << "run"
                             << QByteArray("Usage: twinrun run [options] TARGET [ARG ...]\n");
        QTest::newRow("bench") << "bench" << QByteArray("Usage: twinrun bench [options]\n");
        QTest::newRow("targets") << "targets" << QByteArray("Usage: twinrun targets [options]\n");
    }
    void helpNamesTheCommand()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, usage);
        const Outcome o = runTwinrun({command, "--help"});
        QCOMPARE(o.status, 0);
        QCOMPARE(o.err, QByteArray());
        QVERIFY2(o.out.startsWith(usage), o.out.constData());
        QVERIFY2(!o.out.contains("Displays help"), o.out.constData());
        QVERIFY2(o.out.contains("-h, --help"), o.out.constData());
    }

    void negativeNumbersAreArguments()
    {
        const Outcome o = runTwinrun({"run", "faz_algo", "-5", "-1.5", "--as", "process", "-.5"});
        QCOMPARE(o.err, QByteArray());
        QCOMPARE(o.status, 0);
        QCOMPARE(o.out, QByteArray("Fazendo algo com o \"-5\" do tipo <class 'int'>.\n"
                                   "Fazendo algo com o \"-1.5\" do tipo <class 'float'>.\n"
                                   "Fazendo algo com o \"-0.5\" do tipo <class 'float'>.\n"));
        // Reaches the target: sleep's own answer, not "Unknown option '1'".
        const Outcome sleep = runTwinrun({"run", "sleep", "-1"});
        QVERIFY2(!sleep.err.contains("option"), sleep.err.constData());
        // An option's value stays its value.
        const Outcome timeout = runTwinrun({"run", "count", "1", "--timeout", "-5"});
        QCOMPARE(timeout.status, 2);
        QVERIFY2(timeout.err.contains("--timeout '-5': expected a number"),
                 timeout.err.constData());
    }

    void optionLikeArgumentHintsAtDoubleDash()
    {
        const Outcome o = runTwinrun({"run", "faz_algo", "-x"});
        QCOMPARE(o.status, 2);
        verifyOneSafeLine(o.err);
        QVERIFY2(o.err.contains("unknown option '-x'") && o.err.contains("goes after --"),
                 o.err.constData());
    }
};

TWINRUN_TEST_MAIN(TstCliInput)
#include "tst_cliinput.moc"
