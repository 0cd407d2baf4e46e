// A plugin refusal as data, worded when it is read. See pluginmessage.h.
#include "pluginmessage.h"

#include "librarytext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace twinrun::plugins {

namespace {

// Deeper than any message made here ("target 'f' has a signature ...: duplicate parameter 'a'"
// is 3 deep), shallow enough that a hostile answer cannot exhaust the stack.
constexpr int kMaxDepth = 8;

const QString& sourceKey()
{
    static const QString key = QStringLiteral("source");
    return key;
}

const QString& argsKey()
{
    static const QString key = QStringLiteral("args");
    return key;
}

} // namespace

PluginMessage::PluginMessage(const char* source, QList<PluginMessage> args)
    : m_source(QString::fromUtf8(source))
    , m_args(std::move(args))
{
    Q_ASSERT(!m_source.isEmpty() && m_args.size() <= kMaxArgs);
}

PluginMessage PluginMessage::verbatim(QString text)
{
    PluginMessage message;
    message.m_source = std::move(text);
    message.m_verbatim = true;
    return message;
}

QString PluginMessage::text() const
{
    if (m_verbatim)
        return m_source;
    // The context is PluginText's (librarytext.h): the one the .ts files hold these texts under.
    const QString pattern = PluginText::tr(m_source.toUtf8().constData());
    // One pass, as QString::arg(a1, a2, ...) does, so that an argument's own "%1" stays as it is.
    QString worded;
    worded.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == QLatin1Char('%') && i + 1 < pattern.size()) {
            const int n = pattern[i + 1].digitValue();
            if (n >= 1 && n <= m_args.size()) {
                worded += m_args[n - 1].text();
                ++i;
                continue;
            }
        }
        worded += pattern[i];
    }
    return worded;
}

QJsonValue PluginMessage::toJson() const
{
    if (m_verbatim)
        return m_source;
    QJsonArray args;
    for (const PluginMessage& arg : m_args)
        args.append(arg.toJson());
    QJsonObject json{{sourceKey(), m_source}};
    if (!args.isEmpty())
        json.insert(argsKey(), args);
    return json;
}

std::optional<PluginMessage> PluginMessage::fromJson(const QJsonValue& json)
{
    return fromJson(json, 0);
}

std::optional<PluginMessage> PluginMessage::fromJson(const QJsonValue& json, int depth)
{
    if (json.isString()) { // an argument may be empty (a plugin's empty what()), a message not
        if (depth == 0 && json.toString().isEmpty())
            return std::nullopt;
        return verbatim(json.toString());
    }
    if (!json.isObject() || depth >= kMaxDepth)
        return std::nullopt;
    const QJsonObject object = json.toObject();
    const QJsonValue source = object.value(sourceKey());
    const QJsonValue args = object.value(argsKey());
    if (!source.isString() || source.toString().isEmpty() ||
        !(args.isUndefined() || args.isArray()))
        return std::nullopt;
    PluginMessage message;
    message.m_source = source.toString();
    const QJsonArray list = args.toArray();
    if (list.size() > kMaxArgs)
        return std::nullopt;
    for (const QJsonValue& arg : list) {
        std::optional<PluginMessage> filled = fromJson(arg, depth + 1);
        if (!filled)
            return std::nullopt;
        message.m_args.append(std::move(*filled));
    }
    return message;
}

bool operator==(const PluginMessage& a, const PluginMessage& b)
{
    return a.m_verbatim == b.m_verbatim && a.m_source == b.m_source && a.m_args == b.m_args;
}

} // namespace twinrun::plugins
