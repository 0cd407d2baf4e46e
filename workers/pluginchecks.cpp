// The one rule for what a plugin may register (pluginloading.h), for the probe, the app and
// the child alike.
#include "pluginloading.h"

#include <QSet>

#include <utility>

namespace twinrun::plugins {

namespace {

// The words of the plugin's own, quoted: never translated.
PluginMessage quoted(const QString& name)
{
    return PluginMessage::verbatim(QLatin1Char('\'') + name + QLatin1Char('\''));
}

// The rules for one signature, as Python's own def enforces them.
PluginMessage checkSignature(const Signature& signature)
{
    using Kind = Param::Kind;
    QSet<QString> names;
    int rank = 0; // positional 0, *args 1, keyword-only 2, **kwargs 3
    bool defaulted = false;
    for (const Param& p : signature.params) {
        const PluginMessage which(QT_TRANSLATE_NOOP("twinrun::Plugin", "parameter %1"),
                                  {quoted(p.name)});
        if (!isIdentifier(p.name))
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                   "parameter name %1 is not a Python identifier"),
                                 {quoted(p.name)});
        if (names.contains(p.name))
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "duplicate %1"), {which});
        names.insert(p.name);
        const int pRank = p.kind == Kind::Positional      ? 0
                          : p.kind == Kind::VarPositional ? 1
                          : p.kind == Kind::KeywordOnly   ? 2
                                                          : 3;
        if (pRank < rank || (pRank == rank && (pRank == 1 || pRank == 3)))
            return PluginMessage(
                QT_TRANSLATE_NOOP("twinrun::Plugin",
                                  "%1 is out of order (positional, *args, keyword-only, "
                                  "**kwargs; one *args and one **kwargs at most)"),
                {which});
        rank = pRank;
        if ((p.kind == Kind::VarPositional || p.kind == Kind::VarKeyword) && p.defaultValue)
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                   "%1 (*args or **kwargs) cannot have a default"),
                                 {which});
        if (p.kind == Kind::Positional) {
            if (defaulted && !p.defaultValue)
                return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                       "required %1 follows a parameter with a "
                                                       "default"),
                                     {which});
            defaulted = defaulted || p.defaultValue.has_value();
        }
        // Python's words for types and values: as they are.
        if (p.defaultValue && !p.accepts(*p.defaultValue))
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                   "%1 takes %2, but its default %3 is of type %4"),
                                 {which, PluginMessage::verbatim(p.typeText()),
                                  PluginMessage::verbatim(p.defaultValue->repr()),
                                  PluginMessage::verbatim(p.defaultValue->typeName())});
    }
    return {};
}

bool isOneLine(const QString& text)
{
    return !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r'));
}

} // namespace

PluginMessage checkTargets(const QList<Target>& targets)
{
    if (targets.isEmpty())
        return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "adds no targets"));
    QSet<QString> names;
    for (const Target& t : targets) {
        if (!isIdentifier(t.name))
            return PluginMessage(
                QT_TRANSLATE_NOOP("twinrun::Plugin", "target name %1 is not a Python identifier"),
                {quoted(t.name)});
        const PluginMessage which(QT_TRANSLATE_NOOP("twinrun::Plugin", "target %1"),
                                  {quoted(t.name)});
        if (names.contains(t.name))
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "adds %1 twice"), {which});
        names.insert(t.name);
        if (!t.run)
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin", "%1 has no function to run"),
                                 {which});
        if (!isOneLine(t.description) || !isOneLine(t.threadRefusal))
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                   "%1: its description and thread refusal must "
                                                   "be one line each"),
                                 {which});
        if (PluginMessage problem = checkSignature(t.signature); !problem.isEmpty())
            return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                   "%1 has a signature TwinRun cannot represent: "
                                                   "%2"),
                                 {which, std::move(problem)});
    }
    return {};
}

} // namespace twinrun::plugins
