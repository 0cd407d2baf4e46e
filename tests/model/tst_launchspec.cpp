#include "testmain.h"
#include "testvalues.h"
#include <twinrun/launchspec.h>
#include <twinrun/workerfactory.h>

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace twinrun;

Q_DECLARE_METATYPE(twinrun::LaunchSpec)

namespace {

constexpr int kTimeout = 20000;

// Code pasted from cppCall() output: compiled here, and its text kept for comparison.
#define PASTED_CODE(...)                                                                           \
    __VA_ARGS__                                                                                    \
    const QString pastedText = QString::fromUtf8(#__VA_ARGS__);

// The stringified code has one space where the printed code breaks a line and indents.
QString flattened(QString code)
{
    return code.replace(QRegularExpression(QStringLiteral("\n *")), QStringLiteral(" "));
}

using namespace testvalues;

LaunchSpec spec(const QString& target, Value::Items args = {}, Kwargs kwargs = {},
                LaunchSpec::Mode mode = LaunchSpec::Mode::Thread)
{
    LaunchSpec l;
    l.worker.target = target;
    l.worker.args = std::move(args);
    l.worker.kwargs = std::move(kwargs);
    l.mode = mode;
    return l;
}

QJsonObject parseObject(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TstLaunchSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modes()
    {
        using Mode = LaunchSpec::Mode;
        QCOMPARE(spec("x", {}, {}, Mode::Thread).backends(), QList<Backend>{Backend::Thread});
        QCOMPARE(spec("x", {}, {}, Mode::Process).backends(), QList<Backend>{Backend::Process});
        QCOMPARE(spec("x", {}, {}, Mode::Both).backends(),
                 (QList<Backend>{Backend::Thread, Backend::Process}));
        for (Mode mode : {Mode::Thread, Mode::Process, Mode::Both})
            QCOMPARE(LaunchSpec::modeFromName(LaunchSpec::modeName(mode)), mode);
        QCOMPARE(LaunchSpec::modeName(Mode::Both), QStringLiteral("both"));
        QVERIFY(!LaunchSpec::modeFromName(QStringLiteral("Thread")));
    }

    void seedExample()
    {
        const LaunchSpec seed = LaunchSpec::seedExample();
        QCOMPARE(seed.mode, LaunchSpec::Mode::Thread);
        QCOMPARE(seed.worker.callText(), QStringLiteral("faz_algo(1, 1.5, 'Edson')"));
    }

    void jsonRoundTrip_data()
    {
        QTest::addColumn<LaunchSpec>("spec");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::addRow("seed") << LaunchSpec::seedExample();
        QTest::addRow("no args, process") << spec("whoami", {}, {}, LaunchSpec::Mode::Process);
        QTest::addRow("scalars, both")
            << spec("faz_algo",
                    {Value::none(), Value::fromBool(true), Value::fromBool(false), i(0), i(-7),
                     i(std::numeric_limits<std::int64_t>::max()),
                     i(std::numeric_limits<std::int64_t>::min()), f(1.5), f(-0.0), f(1e16), f(1e-5),
                     f(inf), f(-inf), f(std::nan("")), s(""), s("Ol\xc3\xa1 \"'\\\n\t")},
                    {}, LaunchSpec::Mode::Both);
        QTest::addRow("containers") << spec(
            "faz_algo", {Value::tuple({}), Value::tuple({i(5)}), Value::list({s("a"), f(2.5)}),
                         Value::dict({{s("k"), Value::list({Value::tuple({i(1), Value::none()})})},
                                      {i(3), Value::fromBool(true)}})});
        LaunchSpec full =
            spec("count", {i(3)}, {{QStringLiteral("delay"), f(0.5)}}, LaunchSpec::Mode::Process);
        full.worker.name = QStringLiteral("counter");
        full.worker.daemon = true;
        QTest::addRow("kwargs, name, daemon") << full;
    }
    void jsonRoundTrip()
    {
        QFETCH(LaunchSpec, spec);
        const QJsonObject json = spec.toJson();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), kLaunchSpecVersion);
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), LaunchSpec::modeName(spec.mode));
        // Through text, as a preset file or the command line would carry it.
        const QByteArray text = QJsonDocument(json).toJson();
        QString error;
        const std::optional<LaunchSpec> back = LaunchSpec::fromJson(parseObject(text), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, spec);
        QCOMPARE(back->worker.callText(), spec.worker.callText());
    }

    void malformedJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QByteArray worker = R"("worker": {"version": 1, "target": "faz_algo"})";
        QTest::addRow("no version")
            << R"({"mode": "thread", )" + worker + "}" << QStringLiteral("'version'");
        QTest::addRow("version as text") << R"({"version": "1", "mode": "thread", )" + worker + "}"
                                         << QStringLiteral("'version'");
        QTest::addRow("fractional version")
            << R"({"version": 1.5, "mode": "thread", )" + worker + "}"
            << QStringLiteral("'version'");
        QTest::addRow("no mode") << R"({"version": 1, )" + worker + "}" << QStringLiteral("'mode'");
        QTest::addRow("unknown mode")
            << R"({"version": 1, "mode": "fork", )" + worker + "}" << QStringLiteral("'mode'");
        QTest::addRow("mode not text")
            << R"({"version": 1, "mode": 1, )" + worker + "}" << QStringLiteral("'mode'");
        QTest::addRow("no worker")
            << QByteArray(R"({"version": 1, "mode": "both"})") << QStringLiteral("'worker'");
        QTest::addRow("worker not object")
            << QByteArray(R"({"version": 1, "mode": "both", "worker": []})")
            << QStringLiteral("'worker'");
        QTest::addRow("no target")
            << QByteArray(R"({"version": 1, "mode": "both", "worker": {"version": 1}})")
            << QStringLiteral("'target'");
        QTest::addRow("bad arg") << QByteArray(
                                        R"({"version": 1, "mode": "thread", "worker": {"version": 1,
                          "target": "faz_algo", "args": [{"type": "int", "value": "x"}]}})")
                                 << QStringLiteral("'args[0]'");
        QTest::addRow("bad kwarg")
            << QByteArray(R"({"version": 1, "mode": "thread", "worker": {"version": 1,
                          "target": "count", "kwargs": [["delay"]]}})")
            << QStringLiteral("'kwargs[0]'");
        QTest::addRow("daemon not bool")
            << QByteArray(R"({"version": 1, "mode": "thread", "worker": {"version": 1,
                          "target": "count", "daemon": "yes"}})")
            << QStringLiteral("'daemon'");
    }
    void malformedJsonIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QString error;
        QVERIFY(!LaunchSpec::fromJson(document.object(), &error));
        QVERIFY2(error.contains(field), qPrintable(error));
        QVERIFY(!LaunchSpec::fromJson(document.object(), nullptr));
    }

    void newerVersionsAreRefused()
    {
        QJsonObject json = LaunchSpec::seedExample().toJson();
        json[QStringLiteral("version")] = kLaunchSpecVersion + 1;
        QString error;
        QVERIFY(!LaunchSpec::fromJson(json, &error));
        QVERIFY2(error.contains(QStringLiteral("'version'")) &&
                     error.contains(QStringLiteral("newer")),
                 qPrintable(error));

        json = LaunchSpec::seedExample().toJson();
        QJsonObject worker = json.value(QStringLiteral("worker")).toObject();
        worker[QStringLiteral("version")] = kWorkerSpecVersion + 1;
        json[QStringLiteral("worker")] = worker;
        QVERIFY(!LaunchSpec::fromJson(json, &error));
        QVERIFY2(error.contains(QStringLiteral("'worker'")) &&
                     error.contains(QStringLiteral("newer")),
                 qPrintable(error));
    }

    void pythonLine_data()
    {
        QTest::addColumn<LaunchSpec>("spec");
        QTest::addColumn<QString>("thread");
        QTest::addColumn<QString>("process");
        QTest::addRow("seed") << LaunchSpec::seedExample()
                              << "threading.Thread(target=faz_algo, args=(1, 1.5, 'Edson'))"
                              << "multiprocessing.Process(target=faz_algo, args=(1, 1.5, 'Edson'))";
        QTest::addRow("one arg") << spec("count", {i(5)})
                                 << "threading.Thread(target=count, args=(5,))"
                                 << "multiprocessing.Process(target=count, args=(5,))";
        QTest::addRow("no args") << spec("whoami") << "threading.Thread(target=whoami)"
                                 << "multiprocessing.Process(target=whoami)";
        QTest::addRow("kwargs")
            << spec("count", {i(3)}, {{QStringLiteral("delay"), f(0.5)}})
            << "threading.Thread(target=count, args=(3,), kwargs={'delay': 0.5})"
            << "multiprocessing.Process(target=count, args=(3,), "
               "kwargs={'delay': 0.5})";
        QTest::addRow("quote in str")
            << spec("faz_algo", {s("it's")})
            << "threading.Thread(target=faz_algo, args=(\"it's\",))"
            << "multiprocessing.Process(target=faz_algo, args=(\"it's\",))";
        LaunchSpec named = spec("sleep", {f(1)});
        named.worker.name = QStringLiteral("x");
        named.worker.daemon = true;
        QTest::addRow("name and daemon")
            << named << "threading.Thread(target=sleep, args=(1.0,), name='x', daemon=True)"
            << "multiprocessing.Process(target=sleep, args=(1.0,), name='x', daemon=True)";
        LaunchSpec forked = spec("count", {i(2)});
        forked.worker.startMethod = StartMethod::ForkServer;
        QTest::addRow("forkserver")
            << forked << "threading.Thread(target=count, args=(2,))"
            << "multiprocessing.get_context('forkserver').Process(target=count, args=(2,))";
    }
    void pythonLine()
    {
        QFETCH(LaunchSpec, spec);
        QFETCH(QString, thread);
        QFETCH(QString, process);
        QCOMPARE(spec.pythonLine(Backend::Thread), thread);
        QCOMPARE(spec.pythonLine(Backend::Process), process);
    }

    void cppCallText()
    {
        const LaunchSpec seed = LaunchSpec::seedExample();
        QCOMPARE(seed.cppCall(Backend::Thread),
                 QStringLiteral(
                     "twinrun::WorkerSpec spec;\n"
                     "spec.target = \"faz_algo\";\n"
                     "spec.args = {twinrun::Value::fromInt(1), twinrun::Value::fromFloat(1.5), "
                     "twinrun::Value::fromStr(\"Edson\")};\n"
                     "auto* worker = twinrun::createWorker(twinrun::Backend::Thread, "
                     "spec, this);\n"
                     "if (const twinrun::Status status = worker->start(); !status)\n"
                     "    qWarning() << status.message();"));
        QVERIFY(seed.cppCall(Backend::Process)
                    .contains(QStringLiteral("twinrun::createWorker(twinrun::Backend::Process, ")));
        QVERIFY(!spec("whoami").cppCall(Backend::Thread).contains(QStringLiteral("spec.args")));
    }

    // The printed C++ is pasted below verbatim: if it did not compile, this test would not.
    void cppCallCompilesAndRuns_seed()
    {
        // clang-format off
        PASTED_CODE(
twinrun::WorkerSpec spec;
spec.target = "faz_algo";
spec.args = {twinrun::Value::fromInt(1), twinrun::Value::fromFloat(1.5), twinrun::Value::fromStr("Edson")};
auto* worker = twinrun::createWorker(twinrun::Backend::Thread, spec, this);
if (const twinrun::Status status = worker->start(); !status)
    qWarning() << status.message();
        )
        // clang-format on
        std::unique_ptr<Worker> owned(worker);
        QCOMPARE(flattened(LaunchSpec::seedExample().cppCall(Backend::Thread)), pastedText);
        QVERIFY(worker->join(kTimeout));
        QCOMPARE(worker->exitCode(), std::optional<int>(0));
    }

    void cppCallCompilesAndRuns_full()
    {
        LaunchSpec full = spec("count", {i(2)}, {{QStringLiteral("delay"), f(0.0)}});
        full.worker.name = QStringLiteral("counter \"one\"");
        full.worker.daemon = true;
        // clang-format off
        PASTED_CODE(
twinrun::WorkerSpec spec;
spec.target = "count";
spec.args = {twinrun::Value::fromInt(2)};
spec.kwargs = {{"delay", twinrun::Value::fromFloat(0.0)}};
spec.name = "counter \"one\"";
spec.daemon = true;
auto* worker = twinrun::createWorker(twinrun::Backend::Thread, spec, this);
if (const twinrun::Status status = worker->start(); !status)
    qWarning() << status.message();
        )
        // clang-format on
        std::unique_ptr<Worker> owned(worker);
        QCOMPARE(flattened(full.cppCall(Backend::Thread)), pastedText);
        QCOMPARE(spec, full.worker);
        QVERIFY(worker->join(kTimeout));
        QCOMPARE(worker->name(), QStringLiteral("counter \"one\""));
        QVERIFY(worker->isDaemon());
    }

    void cppCallCompiles_values()
    {
        LaunchSpec values =
            spec("faz_algo", {Value::none(), Value::fromBool(true), i(-3),
                              f(std::numeric_limits<double>::infinity()), Value::tuple({i(1)}),
                              Value::list({}), Value::dict({{s("k"), s("v\n")}})});
        // clang-format off
        PASTED_CODE(
twinrun::WorkerSpec spec;
spec.target = "faz_algo";
spec.args = {twinrun::Value::none(), twinrun::Value::fromBool(true), twinrun::Value::fromInt(-3), twinrun::Value::fromFloat(std::numeric_limits<double>::infinity()), twinrun::Value::tuple({twinrun::Value::fromInt(1)}), twinrun::Value::list({}), twinrun::Value::dict({{twinrun::Value::fromStr("k"), twinrun::Value::fromStr("v\n")}})};
auto* worker = twinrun::createWorker(twinrun::Backend::Thread, spec, this);
if (const twinrun::Status status = worker->start(); !status)
    qWarning() << status.message();
        )
        // clang-format on
        std::unique_ptr<Worker> owned(worker);
        QCOMPARE(flattened(values.cppCall(Backend::Thread)), pastedText);
        QCOMPARE(spec, values.worker);
        QVERIFY(worker->join(kTimeout));
    }
};

TWINRUN_TEST_MAIN(TstLaunchSpec)

#include "tst_launchspec.moc"
