// Plugins on the command line: --plugin, the plugin folders, presets naming a plugin target,
// `twinrun targets`, and the refusals (one line, exit 2).
#include "clirun.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString testPlugin(const QString& name)
{
    return qEnvironmentVariable("TWINRUN_TEST_PLUGINS") + QStringLiteral("/lib%1.so").arg(name);
}

QString examplePlugin()
{
    return qEnvironmentVariable("TWINRUN_EXAMPLE_PLUGIN");
}

} // namespace

class TestPluginsCli : public QObject {
    Q_OBJECT

    // twinrun with an empty per-user data folder (no plugins of the machine's user) and the
    // given plugin path; bounded by clirun::finish.
    clirun::Outcome twinrun(const QStringList& args, const QString& pluginPath = {})
    {
        QProcessEnvironment env = clirun::headless();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        env.remove(QStringLiteral("TWINRUN_PLUGIN_PATH"));
        if (!pluginPath.isEmpty())
            env.insert(QStringLiteral("TWINRUN_PLUGIN_PATH"), pluginPath);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(clirun::binary(), args);
        if (!p.waitForStarted(20000))
            return {{}, "could not start", -1};
        p.closeWriteChannel();
        return clirun::finish(p);
    }

    QString copyInto(const QString& folder, const QString& file, const QString& name = {})
    {
        QDir().mkpath(folder);
        const QString target =
            folder + QLatin1Char('/') + (name.isEmpty() ? QFileInfo(file).fileName() : name);
        QFile::remove(target);
        return QFile::copy(file, target) ? target : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid() && m_scratch.isValid()); }

    void runAsBoth_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("spawn") << "spawn";
        QTest::newRow("forkserver") << "forkserver";
    }

    void runAsBoth()
    {
        QFETCH(QString, method);
        const clirun::Outcome r = twinrun({"run", "--plugin", examplePlugin(), "primes.count_below",
                                           "20000", "--as", "both", "--start-method", method});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.contains("2262 primes below 20000\n== process"), r.out.constData());
        QVERIFY(r.out.contains("\nidentical: same stdout, stderr and exit code"));
    }

    // Spaces and non-ASCII characters in the plugin's path, through both children.
    void pathWithSpacesAndAccents()
    {
        const QString copy =
            copyInto(m_scratch.filePath(QStringLiteral("dir with spaces/ção")), examplePlugin());
        QVERIFY(!copy.isEmpty());
        for (const char* method : {"spawn", "forkserver"}) {
            const clirun::Outcome r =
                twinrun({"run", "--plugin", copy, "primes.join_words", "olá", "mundo", "--kwarg",
                         "upper=True", "--as", "both", "--start-method", method});
            QCOMPARE(r.err, QByteArray());
            QCOMPARE(r.status, 0);
            QVERIFY2(r.out.contains("OLÁ MUNDO\n== process"), r.out.constData());
        }
        const clirun::Outcome listed = twinrun({"targets", "--json", "--plugin", copy});
        QCOMPARE(listed.status, 0);
        const QJsonArray targets = QJsonDocument::fromJson(listed.out).array();
        QStringList fromPlugin;
        for (const QJsonValue& t : targets) {
            if (t[QStringLiteral("plugin")].toString() == QFileInfo(copy).canonicalFilePath())
                fromPlugin << t[QStringLiteral("name")].toString();
        }
        QCOMPARE(fromPlugin,
                 QStringList({"primes.count_below", "primes.summarize", "primes.join_words"}));
        QVERIFY(!targets.first()[QStringLiteral("name")].toString().isEmpty());
        QVERIFY(!targets.first().toObject().contains(QStringLiteral("plugin"))); // a built-in
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString text = QFINDTESTDATA("tst_pluginscli.cpp");
        QTest::newRow("text file") << QStringList{"run", "--plugin", text, "count", "1"}
                                   << QStringLiteral("twinrun run: plugin '%1': is not a shared "
                                                     "library (not an ELF file)")
                                          .arg(text);
        QTest::newRow("crash") << QStringList{"run", "--plugin", testPlugin("crashinit"), "count",
                                              "1"}
                               << QStringLiteral("twinrun run: plugin '%1': crashed while "
                                                 "loading: SIGSEGV")
                                      .arg(testPlugin("crashinit"));
        QTest::newRow("targets") << QStringList{"targets", "--plugin", testPlugin("abortinit")}
                                 << QStringLiteral("twinrun targets: plugin '%1': crashed while "
                                                   "loading: SIGABRT")
                                        .arg(testPlugin("abortinit"));
        QTest::newRow("process only")
            << QStringList{"run", "--plugin", testPlugin("testkit"), "testkit.die", "--as", "both"}
            << "twinrun run: testkit.die() crashes its process on "
               "purpose: run it as a process";
        QTest::newRow("unknown") << QStringList{"run", "--plugin", examplePlugin(), "primes.nope"}
                                 << "twinrun run: unknown target 'primes.nope' (known: ";
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const clirun::Outcome r = twinrun(args);
        QCOMPARE(r.status, 2);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.startsWith(message.toUtf8()), r.err.constData());
        QVERIFY(r.err.endsWith('\n') && r.err.count('\n') == 1);
    }

    // TWINRUN_PLUGIN_PATH: a plain plugin target is found; a broken file there is a warning,
    // and only files whose marker names the plugin wanted are run at all.
    void pluginPath()
    {
        const QString folder = m_scratch.filePath(QStringLiteral("path"));
        QVERIFY(!copyInto(folder, examplePlugin()).isEmpty());
        QVERIFY(!copyInto(folder, testPlugin("crashinit")).isEmpty());
        const QString notPlugin = copyInto(folder, testPlugin("nomarker"));
        const QByteArray warning = "twinrun: warning: skipped plugin '" + notPlugin.toUtf8() +
                                   "': is not a TwinRun plugin";

        const clirun::Outcome run = twinrun({"run", "primes.count_below", "100"}, folder);
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, QByteArray("25 primes below 100\n"));
        QVERIFY2(run.err.startsWith(warning) && run.err.count('\n') == 1, run.err.constData());

        const clirun::Outcome builtin = twinrun({"run", "count", "2"}, folder);
        QCOMPARE(builtin.err, QByteArray()); // no plugin wanted: nothing scanned
        QCOMPARE(builtin.out, QByteArray("1\n2\n"));

        const clirun::Outcome listed = twinrun({"targets"}, folder);
        QCOMPARE(listed.status, 0);
        QVERIFY(listed.out.contains("primes.count_below(n: int)  [plugin " +
                                    QFile::encodeName(QDir(folder).canonicalPath()) +
                                    "/libprimes.so]\n"));
        QVERIFY2(listed.err.contains("libcrashinit.so': crashed while loading: SIGSEGV\n"),
                 listed.err.constData());
        QVERIFY(listed.err.contains(warning));
    }

    // The per-user folder: $XDG_DATA_HOME/twinrun/plugins.
    void userFolder()
    {
        const QString copy =
            copyInto(m_home.filePath(QStringLiteral("twinrun/plugins")), examplePlugin());
        QVERIFY(!copy.isEmpty());
        const clirun::Outcome r = twinrun({"run", "primes.count_below", "10", "--as", "process"});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.out, QByteArray("4 primes below 10\n"));
        QFile::remove(copy);
    }

    // A preset names the plugin of its target; it runs without --plugin.
    void presetNamingAPluginTarget()
    {
        QJsonObject worker{{"version", 1},
                           {"target", "primes.count_below"},
                           {"args", QJsonArray{QJsonObject{{"type", "int"}, {"value", 100}}}},
                           {"start_method", "forkserver"},
                           {"plugin", QFileInfo(examplePlugin()).absoluteFilePath()}};
        const QString preset = m_scratch.filePath(QStringLiteral("preset.json"));
        const auto write = [&preset](const QJsonObject& w) {
            QFile file(preset);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                   file.write(
                       QJsonDocument(QJsonObject{{"version", 1}, {"mode", "both"}, {"worker", w}})
                           .toJson()) > 0;
        };
        QVERIFY(write(worker));
        const clirun::Outcome r = twinrun({"run", "--spec", preset});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("25 primes below 100\n== process"));

        worker.insert("plugin", "/no/such/libprimes.so");
        QVERIFY(write(worker));
        const clirun::Outcome missing = twinrun({"run", "--spec", preset});
        QCOMPARE(missing.status, 2);
        QCOMPARE(missing.err,
                 QByteArray("twinrun run: plugin '/no/such/libprimes.so': no such file\n"));
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_scratch;
};

TWINRUN_TEST_MAIN(TestPluginsCli)
#include "tst_pluginscli.moc"
