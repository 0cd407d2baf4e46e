// Checking a call before it runs (prepareCall): what is wrong, and where, as structure the
// window can point at; and the one rule for keyword argument names.
#include "testmain.h"
#include "testvalues.h"

#include <twinrun/target.h>

#include <QProcess>
#include <QTest>

using namespace twinrun;
using namespace testvalues;
using Kind = CallError::Kind;

Q_DECLARE_METATYPE(twinrun::CallError::Kind)

namespace {

Kwargs kw(const QString& key, const Value& value)
{
    return {{key, value}};
}

} // namespace

class TstCalls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void problems_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<Value::Items>("args");
        QTest::addColumn<Kwargs>("kwargs");
        QTest::addColumn<bool>("asThread");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<qsizetype>("position");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QString>("message");

        const Value::Items none;
        QTest::newRow("fine") << "count" << Value::Items{i(2)} << Kwargs{} << true << Kind::None
                              << "" << qsizetype(-1) << ""
                              << "";
        QTest::newRow("unknown target") << "nope" << none << Kwargs{} << false
                                        << Kind::UnknownTarget << "" << qsizetype(-1) << ""
                                        << "unknown target 'nope'";
        QTest::newRow("refused as a thread")
            << "crash" << none << Kwargs{} << true << Kind::Refused << "" << qsizetype(-1) << ""
            << "crash() refused as a thread";
        QTest::newRow("too many positionals")
            << "count" << Value::Items{i(1), f(0.1), i(3)} << Kwargs{} << false << Kind::Arity << ""
            << qsizetype(2) << ""
            << "count() takes from 1 to 2 positional arguments";
        QTest::newRow("missing") << "count" << none << Kwargs{} << false << Kind::Missing << "n"
                                 << qsizetype(-1) << ""
                                 << "count() missing 1 required positional argument: 'n'";
        QTest::newRow("unexpected keyword")
            << "count" << Value::Items{i(1)} << kw("speed", i(2)) << false << Kind::Unexpected << ""
            << qsizetype(-1) << "speed"
            << "unexpected keyword argument 'speed'";
        QTest::newRow("position and keyword")
            << "count" << Value::Items{i(1)} << kw("n", i(2)) << false << Kind::Duplicate << "n"
            << qsizetype(-1) << "n"
            << "got multiple values for argument 'n'";
        QTest::newRow("type by position") << "count" << Value::Items{s("x")} << Kwargs{} << false
                                          << Kind::Type << "n" << qsizetype(0) << ""
                                          << "argument 'n' must be int, not str";
        QTest::newRow("type by keyword")
            << "count" << Value::Items{i(1)} << kw("delay", s("x")) << false << Kind::Type
            << "delay" << qsizetype(-1) << "delay"
            << "argument 'delay' must be float, not str";
        QTest::newRow("value by position") << "count" << Value::Items{i(1), f(-1)} << Kwargs{}
                                           << false << Kind::Value << "delay" << qsizetype(1) << ""
                                           << "count() argument 'delay' must be >= 0, not -1.0";
        QTest::newRow("value by keyword")
            << "flood" << Value::Items{i(1)} << kw("width", i(-3)) << false << Kind::Value
            << "width" << qsizetype(-1) << "width"
            << "flood() argument 'width' must be between";
        QTest::newRow("value by default-free position")
            << "crash" << Value::Items{s("boom")} << Kwargs{} << false << Kind::Value << "how"
            << qsizetype(0) << ""
            << "must be 'segv' or 'abort'";
    }
    void problems()
    {
        QFETCH(QString, target);
        QFETCH(Value::Items, args);
        QFETCH(Kwargs, kwargs);
        QFETCH(bool, asThread);
        QFETCH(Kind, kind);
        QFETCH(QString, parameter);
        QFETCH(qsizetype, position);
        QFETCH(QString, keyword);
        QFETCH(QString, message);
        const PreparedCall call = prepareCall(target, args, kwargs, asThread);
        QCOMPARE(call.problem.kind, kind);
        QCOMPARE(bool(call), kind == Kind::None);
        QCOMPARE(call.problem.parameter, parameter);
        QCOMPARE(call.problem.position, position);
        QCOMPARE(call.problem.keyword, keyword);
        QCOMPARE(call.error, call.problem.message);
        QVERIFY2(call.error.contains(message), qPrintable(call.error));
    }

    // *args items are located by their position in the whole call.
    void varArgsTypeErrorIsLocated()
    {
        Target t;
        t.name = QStringLiteral("test_ints");
        t.signature.params = {
            {QStringLiteral("first"), Param::Kind::Positional, {}, {}},
            {QStringLiteral("rest"), Param::Kind::VarPositional, {Value::Type::Int}, {}}};
        const BindResult r = t.signature.bind(t.name, {s("a"), i(1), s("b")}, {});
        QVERIFY(!r);
        QCOMPARE(r.error.kind, Kind::Type);
        QCOMPARE(r.error.parameter, QStringLiteral("rest"));
        QCOMPARE(r.error.position, qsizetype(2));
        QVERIFY(r.error.message.contains(QStringLiteral("*rest[1]")));
    }

    // python3 is the oracle: str.isidentifier() for each name.
    void identifiersAsPythonSaysThem()
    {
        const QStringList names = {
            QStringLiteral("delay"),  QStringLiteral("_x"),      QStringLiteral("x1"),
            QStringLiteral("1x"),     QStringLiteral(""),        QStringLiteral("a-b"),
            QStringLiteral("a b"),    QStringLiteral("ação"),    QStringLiteral("名前"),
            QStringLiteral("Ⅻ"),      QStringLiteral("x\u0301"), QStringLiteral("\u0301x"),
            QStringLiteral("x٣"),     QStringLiteral("٣x"),      QStringLiteral("a‿b"),
            QStringLiteral("émoji😀"), QStringLiteral("if"),      QStringLiteral("tab\t"),
            QStringLiteral("ǅx"),     QStringLiteral("ʰx"),      QStringLiteral("x$")};
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys\nfor n in sys.stdin.read().split('\\0'):\n"
                                     "    print(int(n.isidentifier()))")});
        if (!python.waitForStarted(20000))
            QSKIP("python3 is not available");
        python.write(names.join(QChar(0)).toUtf8());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(30000));
        const QList<QByteArray> answers = python.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(answers.size(), names.size());
        for (qsizetype k = 0; k < names.size(); ++k)
            QVERIFY2(isIdentifier(names[k]) == (answers[k] == "1"),
                     qPrintable(QStringLiteral("%1: python says %2")
                                    .arg(reprString(names[k]), QString::fromLatin1(answers[k]))));
    }
};

TWINRUN_TEST_MAIN(TstCalls)
#include "tst_calls.moc"
