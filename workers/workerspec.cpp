#include <twinrun/workerspec.h>

#include "librarytext.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace twinrun {

QString startMethodName(StartMethod method)
{
    return method == StartMethod::Spawn ? QStringLiteral("spawn") : QStringLiteral("forkserver");
}

std::optional<StartMethod> startMethodFromName(const QString& name)
{
    if (name == QLatin1String("spawn"))
        return StartMethod::Spawn;
    if (name == QLatin1String("forkserver"))
        return StartMethod::ForkServer;
    return std::nullopt;
}

QJsonObject WorkerSpec::toJson() const
{
    QJsonArray jsonArgs;
    for (const Value& v : args)
        jsonArgs.append(v.toJson());
    QJsonArray jsonKwargs;
    for (const auto& [key, value] : kwargs)
        jsonKwargs.append(QJsonArray{key, value.toJson()});
    QJsonObject json{{QStringLiteral("version"), kWorkerSpecVersion},
                     {QStringLiteral("target"), target},
                     {QStringLiteral("args"), jsonArgs},
                     {QStringLiteral("kwargs"), jsonKwargs},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("daemon"), daemon},
                     {QStringLiteral("start_method"), startMethodName(startMethod)}};
    if (!plugin.isEmpty())
        json.insert(QStringLiteral("plugin"), plugin);
    return json;
}

std::optional<WorkerSpec> WorkerSpec::fromJson(const QJsonObject& json, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<WorkerSpec> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (const QString problem =
            checkFormatVersion(json.value(QStringLiteral("version")), kWorkerSpecVersion);
        !problem.isEmpty())
        //: 'version' is a JSON field name: keep it as it is.
        return fail(SpecText::tr("spec field 'version': %1").arg(problem));
    WorkerSpec spec;
    const QJsonValue target = json.value(QStringLiteral("target"));
    if (!target.isString() || target.toString().isEmpty())
        //: 'target' is a JSON field name: keep it as it is.
        return fail(SpecText::tr("spec field 'target': expected a target name"));
    spec.target = target.toString();

    const QJsonValue args = json.value(QStringLiteral("args"));
    if (!args.isUndefined() && !args.isArray())
        //: 'args' is a JSON field name: keep it as it is.
        return fail(SpecText::tr("spec field 'args': expected an array of typed values"));
    const QJsonArray argArray = args.toArray();
    for (qsizetype i = 0; i < argArray.size(); ++i) {
        QString why;
        const std::optional<Value> v = Value::fromJson(argArray.at(i), &why);
        if (!v)
            //: 'args' is a JSON field name: keep it as it is.
            return fail(SpecText::tr("spec field 'args[%1]': %2").arg(i).arg(why));
        spec.args << *v;
    }

    const QJsonValue kwargs = json.value(QStringLiteral("kwargs"));
    if (!kwargs.isUndefined() && !kwargs.isArray())
        //: 'kwargs' is a JSON field name: keep it as it is.
        return fail(SpecText::tr("spec field 'kwargs': expected an array of [name, value]"));
    const QJsonArray kwargArray = kwargs.toArray();
    for (qsizetype i = 0; i < kwargArray.size(); ++i) {
        const QJsonArray pair = kwargArray.at(i).toArray();
        if (pair.size() != 2 || !pair.at(0).isString())
            //: 'kwargs' is a JSON field name: keep it as it is.
            return fail(SpecText::tr("spec field 'kwargs[%1]': expected [name, value]").arg(i));
        QString why;
        const std::optional<Value> v = Value::fromJson(pair.at(1), &why);
        if (!v)
            //: 'kwargs' is a JSON field name: keep it as it is.
            return fail(SpecText::tr("spec field 'kwargs[%1]': %2").arg(i).arg(why));
        spec.kwargs.append({pair.at(0).toString(), *v});
    }

    const QJsonValue name = json.value(QStringLiteral("name"));
    if (!name.isUndefined() && !name.isString())
        //: 'name' is a JSON field name: keep it as it is.
        return fail(SpecText::tr("spec field 'name': expected a string"));
    spec.name = name.toString();
    const QJsonValue daemon = json.value(QStringLiteral("daemon"));
    if (!daemon.isUndefined() && !daemon.isBool())
        //: 'daemon' is a JSON field name, true and false its literal values: keep them as they are.
        return fail(SpecText::tr("spec field 'daemon': expected true or false"));
    spec.daemon = daemon.toBool();
    const QJsonValue method = json.value(QStringLiteral("start_method"));
    if (!method.isUndefined()) {
        const std::optional<StartMethod> m = startMethodFromName(method.toString());
        if (!m)
            //: 'start_method' is a JSON field name, "spawn" and "forkserver" its literal
            //: values: keep them as they are.
            return fail(
                SpecText::tr("spec field 'start_method': expected \"spawn\" or \"forkserver\""));
        spec.startMethod = *m;
    }
    const QJsonValue plugin = json.value(QStringLiteral("plugin"));
    if (!plugin.isUndefined()) {
        if (!plugin.isString() || !plugin.toString().startsWith(QLatin1Char('/')))
            //: 'plugin' is a JSON field name: keep it as it is.
            return fail(SpecText::tr("spec field 'plugin': expected the absolute path of a "
                                     "plugin file"));
        spec.plugin = plugin.toString();
    }
    return spec;
}

QString WorkerSpec::callText() const
{
    QStringList parts;
    for (const Value& v : args)
        parts << v.repr();
    for (const auto& [key, value] : kwargs)
        parts << key + QLatin1Char('=') + value.repr();
    return target + QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString checkFormatVersion(const QJsonValue& version, int newest)
{
    const double number = version.toDouble();
    if (!version.isDouble() || number != std::floor(number) || number < 1)
        return SpecText::tr("expected an integer >= 1");
    if (number > newest)
        // %g: a version too large for an integer (1e300) is shown as written, not as 0.
        return SpecText::tr("version %1 is newer than this TwinRun reads (%2)")
            .arg(number < 1e15 ? QString::number(static_cast<qint64>(number)) : formatFloat(number))
            .arg(newest);
    return {};
}

namespace {

// At least as many bytes as the value's compact typed JSON takes, without writing it: text
// at 12 bytes a code point (a \uXXXX pair for one beyond U+FFFF), bytes at 2 (base64 takes
// 4/3), an int of any size at a byte a digit, and a generous 64 bytes for the rest of each
// value (its {"type": ..., "value": ...} frame, a number).
qsizetype jsonSizeBound(const Value& v)
{
    constexpr qsizetype kFrame = 64;
    switch (v.type()) {
    case Value::Type::Str:
        return kFrame + 12 * qsizetype(v.codePoints().size());
    case Value::Type::Bytes:
        return kFrame + 2 * v.toBytes().size();
    case Value::Type::Int:
        return kFrame + (v.isBigInt() ? v.intText().size() : 0);
    case Value::Type::Tuple:
    case Value::Type::List:
    case Value::Type::Set: {
        qsizetype total = kFrame;
        for (const Value& item : v.items())
            total += jsonSizeBound(item) + 1;
        return total;
    }
    case Value::Type::Dict: {
        qsizetype total = kFrame;
        for (const auto& [key, value] : v.pairs())
            total += jsonSizeBound(key) + jsonSizeBound(value) + 4;
        return total;
    }
    default:
        return kFrame;
    }
}

qsizetype specSizeBound(const WorkerSpec& spec)
{
    qsizetype total = 256 + 12 * (spec.target.size() + spec.name.size() + spec.plugin.size());
    for (const Value& arg : spec.args)
        total += jsonSizeBound(arg) + 1;
    for (const auto& [key, value] : spec.kwargs)
        total += 12 * key.size() + jsonSizeBound(value) + 8;
    return total;
}

} // namespace

Status checkWorkerSpecSize(const WorkerSpec& spec)
{
    // Every launch asks, threads too: a spec far below the limit is known to fit without
    // writing its JSON, which would cost a thread launch a tenth of its time.
    if (specSizeBound(spec) <= kMaxWorkerSpecBytes / 2)
        return Status::ok();
    // A process worker's child gets its name: "Process-N" when none was given.
    constexpr qsizetype kLongestDefaultName = 32;
    const qsizetype bytes = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact).size() +
                            (spec.name.isEmpty() ? kLongestDefaultName : 0);
    if (bytes <= kMaxWorkerSpecBytes)
        return Status::ok();
    return Status::error(SpecText::tr("the worker spec is too large: %1 MiB as JSON, over the "
                                      "%2 MiB limit (text counts as JSON text: a control "
                                      "character takes 6 bytes)")
                             .arg(bytes / (1024.0 * 1024.0), 0, 'f', 1)
                             .arg(kMaxWorkerSpecBytes >> 20));
}

std::optional<QJsonObject> readJsonObject(QByteArrayView bytes, qsizetype maxBytes,
                                          const QString& what, QString* error)
{
    if (bytes.size() > maxBytes) {
        *error = SpecText::tr("%1 is larger than %2 MiB").arg(what).arg(maxBytes >> 20);
        return std::nullopt;
    }
    // Qt's JSON reader decodes each string with QString::fromUtf8, which drops a U+FEFF at the
    // start of the string (it takes it for a byte order mark): '\ufeffx' would arrive as 'x'.
    // A U+FEFF can only stand inside a string, so its escape is equivalent JSON that Qt keeps.
    // Only a byte order mark that opens the document is left for the reader to skip.
    static const QByteArray bom("\xef\xbb\xbf");
    QByteArray text = bytes.toByteArray();
    const qsizetype leading = text.startsWith(bom) ? bom.size() : 0;
    if (text.indexOf(bom, leading) >= 0)
        text = text.first(leading) + text.sliced(leading).replace(bom, "\\ufeff");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        //: %2 is Qt's own description of the JSON error.
        *error = SpecText::tr("%1 is not valid JSON (%2 at byte %3)")
                     .arg(what, parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = SpecText::tr("%1 must be a JSON object").arg(what);
        return std::nullopt;
    }
    return document.object();
}

} // namespace twinrun
