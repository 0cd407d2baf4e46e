#pragma once

// A plugin refusal made but not worded yet: its source text, as marked for translation where it
// is made (QT_TRANSLATE_NOOP("twinrun::Plugin", "...")), and the arguments that fill its %1, %2...,
// each either words never translated (a name, a path, the system's or the plugin's own words) or
// such a message itself ("%1 has a signature TwinRun cannot represent: %2"). text() words it
// with the translator the program installed (librarytext.h), when it is read: so the probe child,
// which installs none, sends its refusals as data (toJson) and the app words them (fromJson,
// text()) in its own language, as it words the same check made in the app itself.

#include <twinrun/twinrun_workers_export.h>

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace twinrun::plugins {

class TWINRUN_WORKERS_EXPORT PluginMessage {
public:
    // No message: nothing refused.
    PluginMessage() = default;
    // source: a literal marked QT_TRANSLATE_NOOP("twinrun::Plugin", ...), so that lupdate sees
    // it; args fill %1, %2... in the worded text (at most kMaxArgs).
    explicit PluginMessage(const char* source, QList<PluginMessage> args = {});
    // Words shown as they are, in every language.
    static PluginMessage verbatim(QString text);

    static constexpr qsizetype kMaxArgs = 9;

    bool isEmpty() const { return m_source.isEmpty(); }
    // The message in the installed translator's language (English without one). A source text
    // the translator does not know (a child of another version) is shown as it is, filled.
    QString text() const;

    // The probe's wire: verbatim words are a JSON string; a marked message is
    // {"source": "...", "args": [...]}, each argument a string or such an object.
    QJsonValue toJson() const;
    // nullopt when json is not a message: another type, an empty message, a missing source,
    // more than kMaxArgs arguments, nested deeper than any message TwinRun makes.
    static std::optional<PluginMessage> fromJson(const QJsonValue& json);

    friend TWINRUN_WORKERS_EXPORT bool operator==(const PluginMessage& a, const PluginMessage& b);

private:
    static std::optional<PluginMessage> fromJson(const QJsonValue& json, int depth);

    QString m_source;
    QList<PluginMessage> m_args;
    bool m_verbatim = false;
};

} // namespace twinrun::plugins
