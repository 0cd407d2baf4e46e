#include <twinrun/echo.h>
#include <twinrun/target.h>

#include <QSet>

namespace twinrun {

namespace {

QString quotedList(const QStringList& names)
{
    QStringList quoted;
    for (const QString& n : names)
        quoted << QLatin1Char('\'') + n + QLatin1Char('\'');
    if (quoted.size() <= 1)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

QString plural(qsizetype n, const char* word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word)).arg(n == 1 ? "" : "s");
}

} // namespace

bool Param::accepts(const Value& v) const
{
    if (types.isEmpty() || types.contains(v.type()))
        return true;
    return v.type() == Value::Type::Int && types.contains(Value::Type::Float);
}

QString Param::typeText() const
{
    QStringList names;
    for (Value::Type t : types)
        names << Value::typeName(t);
    return names.join(QStringLiteral(" | "));
}

QString Param::toString() const
{
    QString text = name;
    if (kind == Kind::VarPositional)
        text.prepend(QLatin1Char('*'));
    else if (kind == Kind::VarKeyword)
        text.prepend(QStringLiteral("**"));
    if (!types.isEmpty())
        text += QStringLiteral(": ") + typeText();
    if (defaultValue)
        text +=
            (types.isEmpty() ? QStringLiteral("=") : QStringLiteral(" = ")) + defaultValue->repr();
    return text;
}

QString Signature::toString(const QString& function) const
{
    QStringList parts;
    bool starShown = false;
    for (const Param& p : params) {
        if (p.kind == Param::Kind::VarPositional)
            starShown = true;
        if (p.kind == Param::Kind::KeywordOnly && !starShown) {
            parts << QStringLiteral("*");
            starShown = true;
        }
        parts << p.toString();
    }
    return function + QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

CallError CallError::invalidValue(QString parameter, QString message)
{
    CallError e;
    e.kind = Kind::Value;
    e.parameter = std::move(parameter);
    e.message = std::move(message);
    return e;
}

namespace {

CallError callError(CallError::Kind kind, QString message, QString parameter = {},
                    qsizetype position = -1, QString keyword = {})
{
    CallError e;
    e.kind = kind;
    e.parameter = std::move(parameter);
    e.position = position;
    e.keyword = std::move(keyword);
    e.message = std::move(message);
    return e;
}

// Where a named parameter's value came from: its position in the call, or its keyword.
void locate(CallError* e, const QList<const Param*>& positional, qsizetype argCount,
            const Kwargs& kwargs)
{
    for (qsizetype i = 0; i < positional.size() && i < argCount; ++i) {
        if (positional[i]->name == e->parameter) {
            e->position = i;
            return;
        }
    }
    for (const auto& [key, value] : kwargs) {
        if (key == e->parameter) {
            e->keyword = key;
            return;
        }
    }
}

} // namespace

BindResult Signature::bind(const QString& function, const Value::Items& args,
                           const Kwargs& kwargs) const
{
    using Kind = CallError::Kind;
    const QString fn = function + QStringLiteral("()");
    BoundArgs bound;
    QList<const Param*> positional;
    const Param* varPositional = nullptr;
    const Param* varKeyword = nullptr;
    for (const Param& p : params) {
        if (p.kind == Param::Kind::Positional)
            positional << &p;
        else if (p.kind == Param::Kind::VarPositional)
            varPositional = &p;
        else if (p.kind == Param::Kind::VarKeyword)
            varKeyword = &p;
    }
    const auto failed = [](CallError e) { return BindResult{{}, std::move(e)}; };

    if (args.size() > positional.size() && !varPositional) {
        qsizetype required = 0;
        for (const Param* p : positional)
            required += p->defaultValue ? 0 : 1;
        const QString takes = required == positional.size()
                                  ? plural(positional.size(), "positional argument")
                                  : QStringLiteral("from %1 to %2 positional arguments")
                                        .arg(required)
                                        .arg(positional.size());
        return failed(callError(Kind::Arity,
                                QStringLiteral("%1 takes %2 but %3 %4 given")
                                    .arg(fn, takes)
                                    .arg(args.size())
                                    .arg(args.size() == 1 ? "was" : "were"),
                                {}, positional.size()));
    }
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (i < positional.size())
            bound.named.insert(positional[i]->name, args[i]);
        else
            bound.varArgs << args[i];
    }

    QSet<QString> seenKeywords;
    for (const auto& [key, value] : kwargs) {
        if (seenKeywords.contains(key))
            return failed(callError(
                Kind::Duplicate,
                QStringLiteral("%1 got keyword argument %2 more than once").arg(fn, echoInput(key)),
                {}, -1, key));
        seenKeywords.insert(key);
        const Param* named = nullptr;
        for (const Param& p : params) {
            if (p.name == key &&
                (p.kind == Param::Kind::Positional || p.kind == Param::Kind::KeywordOnly))
                named = &p;
        }
        if (named) {
            if (bound.named.contains(key))
                return failed(callError(Kind::Duplicate,
                                        QStringLiteral("%1 got multiple values for argument %2")
                                            .arg(fn, echoInput(key)),
                                        key, -1, key));
            bound.named.insert(key, value);
        } else if (varKeyword) {
            bound.varKwargs.append({key, value});
        } else {
            return failed(callError(
                Kind::Unexpected,
                QStringLiteral("%1 got an unexpected keyword argument %2").arg(fn, echoInput(key)),
                {}, -1, key));
        }
    }

    QStringList missingPositional;
    QStringList missingKeyword;
    for (const Param& p : params) {
        if (p.kind != Param::Kind::Positional && p.kind != Param::Kind::KeywordOnly)
            continue;
        if (bound.named.contains(p.name))
            continue;
        if (p.defaultValue)
            bound.named.insert(p.name, *p.defaultValue);
        else if (p.kind == Param::Kind::Positional)
            missingPositional << p.name;
        else
            missingKeyword << p.name;
    }
    if (!missingPositional.isEmpty())
        return failed(
            callError(Kind::Missing,
                      QStringLiteral("%1 missing %2: %3")
                          .arg(fn, plural(missingPositional.size(), "required positional argument"),
                               quotedList(missingPositional)),
                      missingPositional.first()));
    if (!missingKeyword.isEmpty())
        return failed(
            callError(Kind::Missing,
                      QStringLiteral("%1 missing %2: %3")
                          .arg(fn, plural(missingKeyword.size(), "required keyword-only argument"),
                               quotedList(missingKeyword)),
                      missingKeyword.first()));

    auto typeError = [&](const Param& p, const Value& v, const QString& what, qsizetype position,
                         const QString& keyword) {
        return failed(callError(Kind::Type,
                                QStringLiteral("%1 %2 must be %3, not %4 (%5)")
                                    .arg(fn, what, p.typeText(), v.typeName(), echoRepr(v.repr())),
                                p.name, position, keyword));
    };
    // A declared int is a machine int: Python's ints of any size reach only targets that take
    // any value.
    const auto tooBig = [&](const Param& p, const Value& v) -> std::optional<BindResult> {
        if (!v.isBigInt() || p.types.isEmpty())
            return std::nullopt;
        CallError e = CallError::invalidValue(
            p.name, QStringLiteral("%1 argument '%2' must fit in 64 bits "
                                   "(-9223372036854775808..9223372036854775807), not %3")
                        .arg(fn, p.name, echoRepr(v.repr())));
        locate(&e, positional, args.size(), kwargs);
        return failed(std::move(e));
    };
    for (const Param& p : params) {
        if (p.kind != Param::Kind::VarPositional && p.kind != Param::Kind::VarKeyword)
            if (std::optional<BindResult> refused = tooBig(p, bound.named.value(p.name)))
                return std::move(*refused);
    }
    for (const Param& p : params) {
        if (p.kind == Param::Kind::VarPositional) {
            for (qsizetype i = 0; i < bound.varArgs.size(); ++i) {
                if (!p.accepts(bound.varArgs[i]))
                    return typeError(p, bound.varArgs[i],
                                     QStringLiteral("*%1[%2]").arg(p.name).arg(i),
                                     positional.size() + i, {});
            }
        } else if (p.kind == Param::Kind::VarKeyword) {
            for (const auto& [key, value] : bound.varKwargs) {
                if (!p.accepts(value))
                    return typeError(p, value, QStringLiteral("argument %1").arg(echoInput(key)),
                                     -1, key);
            }
        } else {
            const Value v = bound.named.value(p.name);
            if (!p.accepts(v)) {
                CallError where;
                where.parameter = p.name;
                locate(&where, positional, args.size(), kwargs);
                return typeError(p, v, QStringLiteral("argument '%1'").arg(p.name), where.position,
                                 where.keyword);
            }
        }
    }
    return {std::move(bound), {}};
}

bool isIdentifier(const QString& name)
{
    if (name.isEmpty())
        return false;
    bool first = true;
    for (const char32_t c : name.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        bool ok = c == U'_';
        switch (category) {
        case QChar::Letter_Uppercase:
        case QChar::Letter_Lowercase:
        case QChar::Letter_Titlecase:
        case QChar::Letter_Modifier:
        case QChar::Letter_Other:
        case QChar::Number_Letter:
            ok = true;
            break;
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Number_DecimalDigit:
        case QChar::Punctuation_Connector:
            ok = ok || !first;
            break;
        default:
            break;
        }
        if (!ok)
            return false;
        first = false;
    }
    return true;
}

TargetError::TargetError(QString message, QString errorType)
    : m_message(std::move(message))
    , m_errorType(std::move(errorType))
    , m_utf8(m_message.toUtf8())
{
}

TargetRegistry& TargetRegistry::instance()
{
    static TargetRegistry registry;
    return registry;
}

TargetRegistry::TargetRegistry()
{
    registerBuiltinTargets(*this);
}

void TargetRegistry::add(Target target)
{
    QMutexLocker lock(&m_mutex);
    for (Target& t : m_targets) {
        if (t.name == target.name) {
            t = std::move(target);
            return;
        }
    }
    m_targets.push_back(std::move(target));
}

const Target* TargetRegistry::find(const QString& name) const
{
    QMutexLocker lock(&m_mutex);
    for (const Target& t : m_targets) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QList<const Target*> TargetRegistry::targets() const
{
    QMutexLocker lock(&m_mutex);
    QList<const Target*> all;
    for (const Target& t : m_targets)
        all << &t;
    return all;
}

QStringList TargetRegistry::names() const
{
    QMutexLocker lock(&m_mutex);
    QStringList all;
    for (const Target& t : m_targets)
        all << t.name;
    return all;
}

PreparedCall prepareCall(const QString& targetName, const Value::Items& args, const Kwargs& kwargs,
                         bool asThread)
{
    PreparedCall call;
    const TargetRegistry& registry = TargetRegistry::instance();
    call.target = registry.find(targetName);
    const auto fail = [&call](CallError problem) {
        call.error = problem.message;
        call.problem = std::move(problem);
        return call;
    };
    if (!call.target)
        return fail(callError(
            CallError::Kind::UnknownTarget,
            QStringLiteral("unknown target %1 (known: %2)")
                .arg(echoInput(targetName), registry.names().join(QStringLiteral(", ")))));
    if (asThread && !call.target->threadRefusal.isEmpty())
        return fail(callError(CallError::Kind::Refused, call.target->threadRefusal));
    BindResult bound = call.target->signature.bind(call.target->name, args, kwargs);
    if (!bound)
        return fail(std::move(bound.error));
    call.args = std::move(*bound.bound);
    if (call.target->check) {
        CallError refused = call.target->check(call.args);
        if (refused.isError()) {
            QList<const Param*> positional;
            for (const Param& p : call.target->signature.params) {
                if (p.kind == Param::Kind::Positional)
                    positional << &p;
            }
            locate(&refused, positional, args.size(), kwargs);
            return fail(std::move(refused));
        }
    }
    return call;
}

} // namespace twinrun
