// The one rule for what a plugin may register (pluginloading.h), for the probe, the app and
// the child alike.
#include "librarytext.h"
#include "pluginloading.h"

#include <QSet>

namespace twinrun::plugins {

namespace {

QString quoted(const QString& name)
{
    return QLatin1Char('\'') + name + QLatin1Char('\'');
}

// The rules for one signature, as Python's own def enforces them.
QString checkSignature(const Signature& signature)
{
    using Kind = Param::Kind;
    QSet<QString> names;
    int rank = 0; // positional 0, *args 1, keyword-only 2, **kwargs 3
    bool defaulted = false;
    for (const Param& p : signature.params) {
        const QString which = PluginText::tr("parameter %1").arg(quoted(p.name));
        if (!isIdentifier(p.name))
            return PluginText::tr("parameter name %1 is not a Python identifier")
                .arg(quoted(p.name));
        if (names.contains(p.name))
            return PluginText::tr("duplicate %1").arg(which);
        names.insert(p.name);
        const int pRank = p.kind == Kind::Positional      ? 0
                          : p.kind == Kind::VarPositional ? 1
                          : p.kind == Kind::KeywordOnly   ? 2
                                                          : 3;
        if (pRank < rank || (pRank == rank && (pRank == 1 || pRank == 3)))
            return PluginText::tr("%1 is out of order (positional, *args, keyword-only, "
                                  "**kwargs; one *args and one **kwargs at most)")
                .arg(which);
        rank = pRank;
        if ((p.kind == Kind::VarPositional || p.kind == Kind::VarKeyword) && p.defaultValue)
            return PluginText::tr("%1 (*args or **kwargs) cannot have a default").arg(which);
        if (p.kind == Kind::Positional) {
            if (defaulted && !p.defaultValue)
                return PluginText::tr("required %1 follows a parameter with a default").arg(which);
            defaulted = defaulted || p.defaultValue.has_value();
        }
        if (p.defaultValue && !p.accepts(*p.defaultValue))
            return PluginText::tr("%1 takes %2, but its default %3 is of type %4")
                .arg(which, p.typeText(), p.defaultValue->repr(), p.defaultValue->typeName());
    }
    return {};
}

bool isOneLine(const QString& text)
{
    return !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r'));
}

} // namespace

QString checkTargets(const QList<Target>& targets)
{
    if (targets.isEmpty())
        return PluginText::tr("adds no targets");
    QSet<QString> names;
    for (const Target& t : targets) {
        if (!isIdentifier(t.name))
            return PluginText::tr("target name %1 is not a Python identifier").arg(quoted(t.name));
        const QString which = PluginText::tr("target %1").arg(quoted(t.name));
        if (names.contains(t.name))
            return PluginText::tr("adds %1 twice").arg(which);
        names.insert(t.name);
        if (!t.run)
            return PluginText::tr("%1 has no function to run").arg(which);
        if (!isOneLine(t.description) || !isOneLine(t.threadRefusal))
            return PluginText::tr("%1: its description and thread refusal must be one line each")
                .arg(which);
        if (const QString problem = checkSignature(t.signature); !problem.isEmpty())
            return PluginText::tr("%1 has a signature TwinRun cannot represent: %2")
                .arg(which, problem);
    }
    return {};
}

} // namespace twinrun::plugins
