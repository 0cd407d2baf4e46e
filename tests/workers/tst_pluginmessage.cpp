// A plugin refusal as data (workers/pluginmessage.h): worded through the installed translator
// in the context twinrun::Plugin, arguments nested and filled in one pass, and the probe's wire
// (toJson/fromJson), which refuses whatever is not a message.
#include "pluginmessage.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTranslator>

using twinrun::plugins::PluginMessage;

namespace {

// A translator that knows a few texts of twinrun::Plugin only, as the app's .qm does.
class FakeTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* = nullptr,
                      int = -1) const override
    {
        if (QByteArrayView(context) != "twinrun::Plugin")
            return {};
        const QByteArrayView text(source);
        if (text == "duplicate %1")
            return QStringLiteral("%1 duplicado");
        if (text == "parameter %1")
            return QStringLiteral("parâmetro %1");
        if (text == "target %1")
            return QStringLiteral("alvo %1");
        if (text == "%1 has a signature TwinRun cannot represent: %2")
            return QStringLiteral("%1 tem uma assinatura que o TwinRun não consegue representar: "
                                  "%2");
        if (text == "swap %1 %2")
            return QStringLiteral("%2 trocado %1");
        return {};
    }
    bool isEmpty() const override { return false; }
};

PluginMessage verbatim(const char* text)
{
    return PluginMessage::verbatim(QString::fromUtf8(text));
}

// What checkTargets() says of a target 'f' whose parameter 'a' comes twice.
PluginMessage duplicateParameter()
{
    return PluginMessage(
        QT_TRANSLATE_NOOP("twinrun::Plugin", "%1 has a signature TwinRun cannot represent: %2"),
        {PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "target %1"), {verbatim("'f'")}),
         PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "duplicate %1"),
                       {PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "parameter %1"),
                                      {verbatim("'a'")})})});
}

QJsonValue parsed(const QByteArray& json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().first();
}

} // namespace

class TstPluginMessage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void englishWithoutTranslator()
    {
        QCOMPARE(duplicateParameter().text(),
                 QStringLiteral("target 'f' has a signature TwinRun cannot represent: duplicate "
                                "parameter 'a'"));
        QVERIFY(PluginMessage().isEmpty());
        QCOMPARE(PluginMessage().text(), QString());
        QVERIFY(!duplicateParameter().isEmpty());
    }

    // Every level is worded, in the translation's order of arguments.
    void wordedByTheInstalledTranslator()
    {
        FakeTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString worded = duplicateParameter().text();
        const QString swapped =
            PluginMessage("swap %1 %2", {verbatim("one"), verbatim("two")}).text();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(worded, QStringLiteral("alvo 'f' tem uma assinatura que o TwinRun não consegue "
                                        "representar: parâmetro 'a' duplicado"));
        QCOMPARE(swapped, QStringLiteral("two trocado one"));
    }

    // Verbatim words are never translated nor filled: a plugin's name or what() may hold "%1".
    void argumentsAreFilledInOnePass()
    {
        FakeTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString worded =
            PluginMessage("swap %1 %2", {verbatim("duplicate %1 %2"), verbatim("%1")}).text();
        const QString alone = verbatim("duplicate %1").text();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(worded, QStringLiteral("%1 trocado duplicate %1 %2"));
        QCOMPARE(alone, QStringLiteral("duplicate %1"));
        // A placeholder without an argument stays as it is.
        QCOMPARE(PluginMessage("%1 and %2 and %3", {verbatim("x")}).text(),
                 QStringLiteral("x and %2 and %3"));
    }

    void wireRoundTrip()
    {
        const PluginMessage message = duplicateParameter();
        const QByteArray wire =
            QJsonDocument(QJsonObject{{QStringLiteral("error"), message.toJson()}})
                .toJson(QJsonDocument::Compact);
        QCOMPARE(wire, QByteArray(R"({"error":{"args":[{"args":["'f'"],"source":"target %1"},)"
                                  R"({"args":[{"args":["'a'"],"source":"parameter %1"}],)"
                                  R"("source":"duplicate %1"}],"source":"%1 has a signature )"
                                  R"(TwinRun cannot represent: %2"}})"));
        const std::optional<PluginMessage> back = PluginMessage::fromJson(
            QJsonDocument::fromJson(wire).object().value(QStringLiteral("error")));
        QVERIFY(back);
        QVERIFY(*back == message);
        QCOMPARE(back->text(), message.text());
        // Without arguments, and with an empty verbatim argument (a plugin's empty what()).
        const PluginMessage plain("adds no targets");
        QCOMPARE(plain.toJson(), QJsonValue(QJsonObject{{"source", "adds no targets"}}));
        QVERIFY(PluginMessage::fromJson(plain.toJson()) == plain);
        const PluginMessage emptyArg("failed while adding its targets: %1", {verbatim("")});
        QVERIFY(PluginMessage::fromJson(emptyArg.toJson()) == emptyArg);
    }

    // A child of another version: its own words shown as they are, its arguments filled.
    void anotherVersionsWords()
    {
        const std::optional<PluginMessage> unknown = PluginMessage::fromJson(
            parsed(R"({"source": "is from %2 and %1", "args": ["the past", {"source": "x"}]})"));
        QVERIFY(unknown);
        QCOMPARE(unknown->text(), QStringLiteral("is from x and the past"));
        const std::optional<PluginMessage> sentence =
            PluginMessage::fromJson(parsed(R"("an English sentence")"));
        QVERIFY(sentence);
        QCOMPARE(sentence->text(), QStringLiteral("an English sentence"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("array") << QByteArray(R"(["no such file"])");
        QTest::newRow("empty string") << QByteArray(R"("")");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("source a number") << QByteArray(R"({"source": 3})");
        QTest::newRow("empty source") << QByteArray(R"({"source": ""})");
        QTest::newRow("args an object")
            << QByteArray(R"({"source": "cannot be read: %1", "args": {"0": "x"}})");
        QTest::newRow("args null")
            << QByteArray(R"({"source": "cannot be read: %1", "args": null})");
        QTest::newRow("argument a number")
            << QByteArray(R"({"source": "cannot be read: %1", "args": [1]})");
        QTest::newRow("malformed nested argument")
            << QByteArray(R"({"source": "%1: %2", "args": ["x", {"args": ["y"]}]})");
        QTest::newRow("ten arguments") << QByteArray(
            R"({"source": "%1", "args": ["1","2","3","4","5","6","7","8","9","10"]})");
        QByteArray deep = R"("x")";
        for (int i = 0; i < 9; ++i)
            deep = R"({"source": "%1", "args": [)" + deep + "]}";
        QTest::newRow("nested too deep") << deep;
    }
    void malformed()
    {
        QFETCH(QByteArray, json);
        const QJsonValue value = parsed(json);
        QVERIFY2(json == "null" || !value.isNull(), "the test's JSON does not parse");
        QVERIFY(!PluginMessage::fromJson(value));
    }

    // As deep as the deepest message TwinRun makes, and more: accepted.
    void nestedWithinTheLimit()
    {
        QByteArray json = R"("x")";
        for (int i = 0; i < 7; ++i)
            json = R"j({"source": "(%1)", "args": [)j" + json + "]}";
        const std::optional<PluginMessage> message = PluginMessage::fromJson(parsed(json));
        QVERIFY(message);
        QCOMPARE(message->text(), QStringLiteral("(((((((x)))))))"));
    }
};

TWINRUN_TEST_MAIN(TstPluginMessage)
#include "tst_pluginmessage.moc"
