// Plugins in a program that runs workers (twinrun/pluginloader.h): the example plugin's targets
// on every backend, every refusal of the loader, the spec's plugin field, the child's checks.
#include "proctools.h"
#include "testmain.h"
#include "testvalues.h"
#include "workerrecorder.h"
#include <twinrun/plugin.h>
#include <twinrun/pluginloader.h>
#include <twinrun/worker.h>
#include <twinrun/workerfactory.h>
#include <twinrun/workerprogram.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <memory>

#include <sys/stat.h>

using namespace twinrun;
using State = Worker::State;

namespace {

constexpr int kTimeout = 60000;

QString testPlugin(const QString& name)
{
    return qEnvironmentVariable("TWINRUN_TEST_PLUGINS") + QStringLiteral("/lib%1.so").arg(name);
}

QString examplePlugin()
{
    return qEnvironmentVariable("TWINRUN_EXAMPLE_PLUGIN");
}

// Whether this process has the file mapped: dlopen'ed, or not.
bool isMapped(const QString& file)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    const QString canonical = QFileInfo(file).canonicalFilePath();
    return maps.open(QIODevice::ReadOnly) && !canonical.isEmpty() &&
           maps.readAll().contains(QFile::encodeName(canonical));
}

struct Run {
    QByteArray out;
    QByteArray err;
    State state = State::Created;
    std::optional<int> exitCode;
    QString error;
    WorkerSpec spec;
};

Run runWorker(Backend backend, WorkerSpec spec)
{
    std::unique_ptr<Worker> worker(createWorker(backend, spec));
    WorkerRecorder recorder(worker.get());
    const Status started = worker->start();
    if (started)
        (void)worker->join(kTimeout);
    return {recorder.out,       recorder.err,          worker->state(),
            worker->exitCode(), worker->errorString(), worker->spec()};
}

} // namespace

class TestPlugins : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(examplePlugin()), qPrintable(examplePlugin()));
        const PluginLoad load = loadPlugin(examplePlugin());
        QVERIFY2(load, qPrintable(load.error));
        QCOMPARE(load.plugin->name, QStringLiteral("primes"));
        QCOMPARE(load.plugin->file, QFileInfo(examplePlugin()).canonicalFilePath());
        QCOMPARE(load.plugin->targets, QStringList({QStringLiteral("primes.count_below"),
                                                    QStringLiteral("primes.summarize"),
                                                    QStringLiteral("primes.join_words")}));
        const Target* target =
            TargetRegistry::instance().find(QStringLiteral("primes.count_below"));
        QVERIFY(target);
        QCOMPARE(target->plugin, load.plugin->file);
        QCOMPARE(target->signature.toString(target->name),
                 QStringLiteral("primes.count_below(n: int)"));
        QCOMPARE(TargetRegistry::instance()
                     .find(QStringLiteral("primes.join_words"))
                     ->signature.toString(QStringLiteral("join_words")),
                 QStringLiteral("join_words(*words: str, sep: str = ' ', upper: bool = False)"));
    }

    void loadingTwiceChangesNothing()
    {
        const QList<PluginInfo> before = loadedPlugins();
        const qsizetype targets = TargetRegistry::instance().names().size();
        const PluginLoad again = loadPlugin(examplePlugin());
        QVERIFY2(again, qPrintable(again.error));
        QCOMPARE(again.plugin->name, QStringLiteral("primes"));
        QCOMPARE(loadedPlugins(), before);
        QCOMPARE(TargetRegistry::instance().names().size(), targets);
    }

    void exampleTargetsOnEveryBackend_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<Value::Items>("args");
        QTest::addColumn<Kwargs>("kwargs");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<int>("exitCode");
        const auto str = [](const char* s) { return Value::fromStr(QString::fromUtf8(s)); };
        QTest::newRow("count_below")
            << "primes.count_below" << Value::Items{Value::fromInt(20000)} << Kwargs{}
            << QByteArray("2262 primes below 20000\n") << QByteArray() << 0;
        const QString text = QDir::temp().absoluteFilePath(QStringLiteral("twinrun-summarize.txt"));
        QTest::newRow("summarize")
            << "primes.summarize" << Value::Items{Value::fromStr(text)} << Kwargs{}
            << (text + QStringLiteral(": 3 lines, 6 words, 29 bytes\n"
                                      "longest line: the longest line\n"))
                   .toUtf8()
            << QByteArray() << 0;
        QTest::newRow("summarize missing")
            << "primes.summarize" << Value::Items{str("/no/such/file.txt")} << Kwargs{}
            << QByteArray()
            << QByteArray("FileNotFoundError: [Errno 2] No such file or directory: "
                          "'/no/such/file.txt'\n")
            << 1;
        QTest::newRow("join_words")
            << "primes.join_words" << Value::Items{str("ação"), str("b"), str("c")}
            << Kwargs{{QStringLiteral("sep"), str("-")},
                      {QStringLiteral("upper"), Value::fromBool(true)}}
            << QByteArray("AÇÃO-B-C\n") << QByteArray() << 0;
        QTest::newRow("join_words defaults")
            << "primes.join_words" << Value::Items{str("a"), str("b")} << Kwargs{}
            << QByteArray("a b\n") << QByteArray() << 0;
    }

    // Thread, spawn and fork server: the same bytes, exit code and state.
    void exampleTargetsOnEveryBackend()
    {
        QFETCH(QString, target);
        QFETCH(Value::Items, args);
        QFETCH(Kwargs, kwargs);
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, err);
        QFETCH(int, exitCode);
        QFile text(QDir::temp().absoluteFilePath(QStringLiteral("twinrun-summarize.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("one two\nthe longest line\nsix\n");
        text.close();
        for (const auto& [backend, method] :
             {std::pair{Backend::Thread, StartMethod::Spawn},
              std::pair{Backend::Process, StartMethod::Spawn},
              std::pair{Backend::Process, StartMethod::ForkServer}}) {
            WorkerSpec spec = testvalues::workerSpec(target, args, method);
            spec.kwargs = kwargs;
            const Run run = runWorker(backend, spec);
            const QByteArray where = backendName(backend).toUtf8() + ' ' +
                                     startMethodName(method).toUtf8() + ": " + run.error.toUtf8();
            QVERIFY2(run.exitCode == exitCode, where.constData());
            QCOMPARE(run.out, out);
            QCOMPARE(run.err, err);
            QCOMPARE(run.state, exitCode == 0 ? State::Finished : State::Failed);
            // The worker names its plugin, for its child.
            QCOMPARE(run.spec.plugin, QFileInfo(examplePlugin()).canonicalFilePath());
        }
        text.remove();
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("badsig");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QStringLiteral("/no/such/libplugin.so") << QString()
                                 << "no such file";
        QTest::newRow("directory") << qEnvironmentVariable("TWINRUN_TEST_PLUGINS") << QString()
                                   << "is a directory, not a plugin file";
        QTest::newRow("text file") << QFINDTESTDATA("tst_plugins.cpp") << QString()
                                   << "is not a shared library (not an ELF file)";
        const QString notPlugin =
            QStringLiteral("is not a TwinRun plugin (a shared library without the marker "
                           "TWINRUN_PLUGIN() writes; see <twinrun/plugin.h>)");
        QTest::newRow("not a plugin")
            << testPlugin(QStringLiteral("nomarker")) << QString() << notPlugin;
        QTest::newRow("executable")
            << qEnvironmentVariable("TWINRUN_WORKER_BINARY") << QString() << notPlugin;
        QTest::newRow("wrong abi")
            << testPlugin(QStringLiteral("wrongabi")) << QString()
            << QStringLiteral("built for TwinRun SDK '0.1/qt6.2/libstdc++11/sdk1', this is %1: "
                              "rebuild it against this TwinRun")
                   .arg(pluginAbiTag());
        QTest::newRow("segfault") << testPlugin(QStringLiteral("crashinit")) << QString()
                                  << "crashed while loading: SIGSEGV";
        QTest::newRow("abort") << testPlugin(QStringLiteral("abortinit")) << QString()
                               << "crashed while loading: SIGABRT";
        QTest::newRow("hang") << testPlugin(QStringLiteral("hanginit")) << QString()
                              << "did not answer in 0.5 s while loading (it hangs)";
        QTest::newRow("same name") << testPlugin(QStringLiteral("primescopy")) << QString()
                                   << "a plugin named 'primes' is already loaded, from " +
                                          QFileInfo(examplePlugin()).canonicalFilePath();
        QTest::newRow("clash") << testPlugin(QStringLiteral("clash")) << QString()
                               << "its target 'clash.hello' clashes with one already loaded";
        const QString sig = QStringLiteral("target 'f' has a signature TwinRun cannot represent: ");
        QTest::newRow("duplicate parameter") << testPlugin(QStringLiteral("badsig")) << "duplicate"
                                             << sig + "duplicate parameter 'a'";
        QTest::newRow("parameter name") << testPlugin(QStringLiteral("badsig")) << "identifier"
                                        << sig + "parameter name 'not a name' is not a Python "
                                                 "identifier";
        QTest::newRow("positional after *args")
            << testPlugin(QStringLiteral("badsig")) << "after_varargs"
            << sig + "parameter 'b' is out of order (positional, *args, keyword-only, **kwargs; "
                     "one *args and one **kwargs at most)";
        QTest::newRow("required after default")
            << testPlugin(QStringLiteral("badsig")) << "required_after_default"
            << sig + "required parameter 'b' follows a parameter with a default";
        QTest::newRow("default of the wrong type")
            << testPlugin(QStringLiteral("badsig")) << "default_type"
            << sig + "parameter 'n' takes int, but its default 'ten' is of type str";
        QTest::newRow("target name") << testPlugin(QStringLiteral("badsig")) << "target_name"
                                     << "target name 'has-dash' is not a Python identifier";
        QTest::newRow("no targets") << testPlugin(QStringLiteral("badsig")) << "none"
                                    << "adds no targets";
    }

    // One line naming the file and what happened; nothing loaded, nothing registered, none of
    // the plugin's code mapped into this process.
    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(QString, badsig);
        QFETCH(QString, message);
        qputenv("TWINRUN_TEST_BADSIG", badsig.toUtf8());
        // A target of the name the clash plugin adds, registered by the program itself.
        if (!TargetRegistry::instance().find(QStringLiteral("clash.hello"))) {
            Target own;
            own.name = QStringLiteral("clash.hello");
            own.run = [](WorkerContext&, const BoundArgs&) { return 0; };
            TargetRegistry::instance().add(own);
        }
        const QList<PluginInfo> before = loadedPlugins();
        const QStringList targets = TargetRegistry::instance().names();
        // Short only for the plugin that hangs: a slow start elsewhere must not look like one.
        PluginLoadOptions options;
        options.probeTimeoutMs = message.startsWith(QLatin1String("did not answer")) ? 500 : 30000;
        const PluginLoad load = loadPlugin(path, options);
        qunsetenv("TWINRUN_TEST_BADSIG");
        QVERIFY(!load);
        QCOMPARE(load.error, QStringLiteral("plugin '%1': %2").arg(path, message));
        QVERIFY(!load.error.contains(QLatin1Char('\n')));
        QCOMPARE(loadedPlugins(), before);
        QCOMPARE(TargetRegistry::instance().names(), targets);
        if (QFileInfo(path).isFile() && !path.endsWith(QLatin1String(".cpp")))
            QVERIFY2(!isMapped(path), "a refused plugin was loaded into the app");
    }

    // A check cancelled while the probe hangs ends at once, refused as cancelled, its probe's
    // child killed and reaped; an options' cancelled() that stays false changes nothing.
    void cancelledCheckEndsAtOnce()
    {
        const QString path = testPlugin(QStringLiteral("hanginit"));
        QElapsedTimer clock;
        clock.start();
        QList<qint64> probes; // seen while it is asked: the probe runs then
        PluginLoadOptions options;
        options.probeTimeoutMs = 60000;
        options.cancelled = [&probes, &clock] {
            for (qint64 pid : proctools::childrenOf(::getpid())) {
                QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
                if (!probes.contains(pid) && cmdline.open(QIODevice::ReadOnly) &&
                    cmdline.readAll().contains("--twinrun-plugin-probe"))
                    probes << pid;
            }
            return !probes.isEmpty() && clock.elapsed() >= 300;
        };
        const PluginCheck check = checkPlugin(path, options);
        QCOMPARE(check.error, QStringLiteral("plugin '%1': the check was cancelled").arg(path));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(probes.size(), 1);
        errno = 0;
        QVERIFY(::kill(pid_t(probes.first()), 0) != 0 && errno == ESRCH); // reaped: not a zombie

        options.probeTimeoutMs = 300;
        options.cancelled = [] { return false; };
        QCOMPARE(checkPlugin(path, options).error,
                 QStringLiteral("plugin '%1': did not answer in 0.3 s while loading (it hangs)")
                     .arg(path));
    }

    // The probe's answer from a twinrun-worker of another version (or a broken one), played by a
    // script as the worker program: what it says is shown filled, what cannot be read is said
    // so, and neither is taken for a pass.
    void probeAnswersOfAnotherVersion_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a message of its own")
            << QByteArray(R"({"error": {"source": "is from %1", "args": ["the future"]}})")
            << "is from the future";
        QTest::newRow("a known message")
            << QByteArray(R"({"error": {"source": "adds no targets"}})") << "adds no targets";
        QTest::newRow("a sentence")
            << QByteArray(R"({"error": "words of an older child"})") << "words of an older child";
        const QString unreadable =
            QStringLiteral("was refused while loading, for a reason TwinRun cannot read");
        QTest::newRow("a number") << QByteArray(R"({"error": 42})") << unreadable;
        QTest::newRow("null") << QByteArray(R"({"error": null})") << unreadable;
        QTest::newRow("no source")
            << QByteArray(R"({"error": {"text": "no such file"}, "name": "testkit"})")
            << unreadable;
        QTest::newRow("a bad argument")
            << QByteArray(R"({"error": {"source": "cannot be read: %1", "args": [[]]}})")
            << unreadable;
    }
    void probeAnswersOfAnotherVersion()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile script(dir.filePath(QStringLiteral("twinrun-worker")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\ncat <<'EOF'\n" + answer + "\nEOF\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        setWorkerProgram(script.fileName());
        const QString path = testPlugin(QStringLiteral("testkit"));
        const PluginCheck check = checkPlugin(path);
        setWorkerProgram({});
        QVERIFY(!check);
        QCOMPARE(check.error, QStringLiteral("plugin '%1': %2").arg(path, reason));
    }

    void undefinedSymbolIsRefused()
    {
        const QString path = testPlugin(QStringLiteral("undefsym"));
        const PluginLoad load = loadPlugin(path);
        QVERIFY(!load);
        QVERIFY2(load.error.startsWith(QStringLiteral("plugin '%1': cannot be loaded: ").arg(path)),
                 qPrintable(load.error));
        QVERIFY2(
            load.error.endsWith(QLatin1String("undefined symbol: twinrun_test_missing_symbol")),
            qPrintable(load.error));
        QVERIFY(!isMapped(path));
    }

    void fifoIsRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("libfifo.so"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const PluginLoad load = loadPlugin(fifo);
        QCOMPARE(load.error,
                 QStringLiteral("plugin '%1': is not a regular file (a FIFO, a device or a "
                                "socket), not a plugin file")
                     .arg(fifo));
    }

    // A path with spaces and non-ASCII characters: loaded here, named in the spec, loaded by
    // the spawn and fork-server children; the same bytes everywhere.
    void pathWithSpacesAndAccents()
    {
        QVERIFY(m_dir.isValid());
        const QString folder = m_dir.filePath(QStringLiteral("dir with spaces/ção"));
        QVERIFY(QDir().mkpath(folder));
        const QString copy = folder + QStringLiteral("/libtest kit.so");
        QVERIFY(QFile::copy(testPlugin(QStringLiteral("testkit")), copy));
        // In two steps, as the window does: the check (the probe) runs nothing here.
        const PluginCheck check = checkPlugin(copy);
        QVERIFY2(check, qPrintable(check.error));
        QCOMPARE(check.targets,
                 QStringList({QStringLiteral("testkit.hello"), QStringLiteral("testkit.die")}));
        QVERIFY(!isMapped(copy));
        QVERIFY(!TargetRegistry::instance().find(QStringLiteral("testkit.hello")));
        const PluginLoad load = loadCheckedPlugin(check);
        QVERIFY2(load, qPrintable(load.error));
        QVERIFY(isMapped(copy));
        QCOMPARE(load.plugin->file, QFileInfo(copy).canonicalFilePath());
        for (const auto& [backend, method] :
             {std::pair{Backend::Thread, StartMethod::Spawn},
              std::pair{Backend::Process, StartMethod::Spawn},
              std::pair{Backend::Process, StartMethod::ForkServer}}) {
            const Run run = runWorker(
                backend, testvalues::workerSpec(QStringLiteral("testkit.hello"),
                                                {Value::fromStr(QStringLiteral("ção"))}, method));
            QVERIFY2(run.state == State::Finished, qPrintable(run.error + run.err));
            QCOMPARE(run.out, QByteArray("hello, ção\n"));
            QCOMPARE(run.spec.plugin, load.plugin->file);
        }
    }

    void processOnlyTargetIsRefusedAsAThread()
    {
        QVERIFY(TargetRegistry::instance().find(QStringLiteral("testkit.die")));
        const WorkerSpec spec = testvalues::workerSpec(QStringLiteral("testkit.die"));
        const Run thread = runWorker(Backend::Thread, spec);
        QCOMPARE(thread.state, State::FailedToStart);
        QCOMPARE(
            thread.error,
            QStringLiteral("testkit.die() crashes its process on purpose: run it as a process"));
        for (StartMethod method : {StartMethod::Spawn, StartMethod::ForkServer}) {
            const Run process =
                runWorker(Backend::Process, testvalues::workerSpec(spec.target, {}, method));
            QCOMPARE(process.state, State::Crashed);
            QCOMPARE(process.exitCode, -11);
        }
    }

    // The child applies the file checks itself: a spec naming a file that is not a plugin.
    void childChecksThePluginItself()
    {
        WorkerSpec spec =
            testvalues::workerSpec(QStringLiteral("primes.count_below"), {Value::fromInt(10)});
        spec.plugin = QFINDTESTDATA("tst_plugins.cpp");
        // Straight to the child, not through Worker::start(), which refuses it first.
        QProcess child;
        child.start(qEnvironmentVariable("TWINRUN_WORKER_BINARY"),
                    {QStringLiteral("--twinrun-child")});
        QVERIFY(child.waitForStarted(kTimeout));
        child.write(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(kTimeout));
        QCOMPARE(child.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(child.readAllStandardError()),
                 QStringLiteral("twinrun: --twinrun-child: plugin '%1': is not a shared library "
                                "(not an ELF file)\n")
                     .arg(spec.plugin));
        for (StartMethod method : {StartMethod::Spawn, StartMethod::ForkServer}) {
            spec.startMethod = method;
            const Run run = runWorker(Backend::Process, spec);
            QCOMPARE(run.state, State::FailedToStart);
            QCOMPARE(run.error,
                     QStringLiteral("plugin '%1': is not a shared library (not an ELF file)")
                         .arg(spec.plugin));
        }
    }

    void specNamesItsPlugin()
    {
        WorkerSpec spec =
            testvalues::workerSpec(QStringLiteral("primes.count_below"), {Value::fromInt(10)});
        spec.plugin = QFileInfo(examplePlugin()).canonicalFilePath();
        const QJsonObject json = spec.toJson();
        QCOMPARE(json.value(QStringLiteral("plugin")).toString(), spec.plugin);
        QString error;
        QCOMPARE(WorkerSpec::fromJson(json, &error), spec);
        // Old specs have none, and write none.
        spec.plugin.clear();
        QVERIFY(!spec.toJson().contains(QStringLiteral("plugin")));
        QCOMPARE(WorkerSpec::fromJson(spec.toJson(), &error), spec);
        QJsonObject relative = json;
        relative.insert(QStringLiteral("plugin"), QStringLiteral("libprimes.so"));
        QVERIFY(!WorkerSpec::fromJson(relative, &error));
        QCOMPARE(error, QStringLiteral("spec field 'plugin': expected the absolute path of a "
                                       "plugin file"));
        // The size rule counts the plugin's path.
        spec.plugin = QLatin1Char('/') + QString(kMaxWorkerSpecBytes, QLatin1Char('p'));
        QVERIFY(!checkWorkerSpecSize(spec));
    }

    void folders()
    {
        qputenv("TWINRUN_PLUGIN_PATH", "/one::/two");
        QCOMPARE(pluginFolders(),
                 QStringList({QStringLiteral("/one"), QStringLiteral("/two"), userPluginFolder()}));
        qunsetenv("TWINRUN_PLUGIN_PATH");
        QVERIFY(userPluginFolder().endsWith(QLatin1String("/twinrun/plugins")));
        QCOMPARE(pluginNameOfTarget(QStringLiteral("primes.count_below")),
                 QStringLiteral("primes"));
        QCOMPARE(pluginNameOfTarget(QStringLiteral("count")), QString());
    }

    // A scan loads what a folder holds, reports the broken files and goes on.
    void scanSkipsBrokenPlugins()
    {
        QTemporaryDir dir;
        for (const QString& name : {QStringLiteral("crashinit"), QStringLiteral("nomarker"),
                                    QStringLiteral("primescopy")})
            QVERIFY(
                QFile::copy(testPlugin(name), dir.filePath(QStringLiteral("lib%1.so").arg(name))));
        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        const PluginScan scan = loadPluginFolders({}, {dir.path()});
        QVERIFY(scan.loaded.isEmpty()); // primescopy: the name primes is loaded already
        QCOMPARE(scan.problems.size(), 2);
        QVERIFY2(scan.problems[0].endsWith(QLatin1String("crashed while loading: SIGSEGV")),
                 qPrintable(scan.problems[0]));
        QVERIFY2(scan.problems[1].endsWith(QLatin1String("is not a TwinRun plugin (a shared "
                                                         "library without the marker "
                                                         "TWINRUN_PLUGIN() writes; see "
                                                         "<twinrun/plugin.h>)")),
                 qPrintable(scan.problems[1]));
        // Only the plugin asked for is loaded: the crashing one is not even probed.
        const PluginScan only = loadPluginFolders(QStringLiteral("nothere"), {dir.path()});
        QCOMPARE(only.problems.size(), 1); // the file that is not a plugin at all
    }

private:
    QTemporaryDir m_dir;
};

TWINRUN_TEST_MAIN(TestPlugins)
#include "tst_plugins.moc"
