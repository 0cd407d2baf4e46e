#include <twinrun/launchspec.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringList>

#include <QScopeGuard>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace twinrun {

namespace {

// The launch spec's words for people, with the worker spec's (twinrun::Spec, workers/): in the
// app's language when it installed a translator, English otherwise.
struct LaunchSpecText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Spec)
};

std::optional<LaunchSpec> refuse(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// A C++ expression for a QString with that text. Plain literals convert as UTF-8; only a
// text with NUL needs QStringLiteral, which keeps its full length.
QString cppString(const QString& text)
{
    QString escaped;
    for (QChar c : text) {
        if (c == u'\\' || c == u'"')
            escaped += QLatin1Char('\\') + c;
        else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else if (c == u'\t')
            escaped += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            escaped += QStringLiteral("\\%1").arg(int(c.unicode()), 3, 8, QLatin1Char('0'));
        else
            escaped += c;
    }
    // QString's const char* constructor reads UTF-8 and takes a leading U+FEFF for a byte
    // order mark: such a text needs QStringLiteral too.
    if (text.contains(QChar(0)) || text.startsWith(QChar(0xfeff)))
        return QStringLiteral("QStringLiteral(\"%1\")").arg(escaped);
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString cppDouble(double d)
{
    if (std::isnan(d))
        return QStringLiteral("std::nan(\"\")");
    if (std::isinf(d))
        return QStringLiteral("%1std::numeric_limits<double>::infinity()")
            .arg(d < 0 ? QStringLiteral("-") : QString());
    return formatFloat(d);
}

// A C++ expression that builds the value through the public Value API.
QString cppValue(const Value& v)
{
    auto join = [](const QStringList& parts) { return parts.join(QStringLiteral(", ")); };
    switch (v.type()) {
    case Value::Type::None:
        return QStringLiteral("twinrun::Value::none()");
    case Value::Type::Bool:
        return QStringLiteral("twinrun::Value::fromBool(%1)")
            .arg(v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    case Value::Type::Int:
        if (v.isBigInt())
            return QStringLiteral("*twinrun::Value::fromIntText(u\"%1\")").arg(v.intText());
        // INT64_MIN has no literal form in C++: its magnitude does not fit a signed literal.
        if (v.toInt() == std::numeric_limits<std::int64_t>::min())
            return QStringLiteral(
                "twinrun::Value::fromInt(std::numeric_limits<std::int64_t>::min())");
        return QStringLiteral("twinrun::Value::fromInt(%1)").arg(v.toInt());
    case Value::Type::Float:
        return QStringLiteral("twinrun::Value::fromFloat(%1)").arg(cppDouble(v.toFloat()));
    case Value::Type::Complex:
        return QStringLiteral("twinrun::Value::fromComplex(%1, %2)")
            .arg(cppDouble(v.real()), cppDouble(v.imag()));
    case Value::Type::Str: {
        const std::u32string_view text = v.codePoints();
        if (std::none_of(text.begin(), text.end(),
                         [](char32_t cp) { return cp >= 0xd800 && cp <= 0xdfff; }))
            return QStringLiteral("twinrun::Value::fromStr(%1)").arg(cppString(v.toStr()));
        QStringList codePoints; // lone surrogates: no C++ string literal can hold them
        for (const char32_t cp : text)
            codePoints << QStringLiteral("0x%1").arg(uint(cp), 0, 16);
        return QStringLiteral("twinrun::Value::fromCodePoints({%1})").arg(join(codePoints));
    }
    case Value::Type::Bytes:
        return QStringLiteral("twinrun::Value::fromBytes(QByteArray::fromHex(\"%1\"))")
            .arg(QString::fromLatin1(v.toBytes().toHex()));
    case Value::Type::Ellipsis:
        return QStringLiteral("twinrun::Value::ellipsis()");
    case Value::Type::Set: {
        QStringList items;
        for (const Value& item : v.items())
            items << cppValue(item);
        return QStringLiteral("twinrun::Value::set({%1})").arg(join(items));
    }
    case Value::Type::Tuple:
    case Value::Type::List: {
        QStringList items;
        for (const Value& item : v.items())
            items << cppValue(item);
        return QStringLiteral("twinrun::Value::%1({%2})").arg(v.typeName(), join(items));
    }
    case Value::Type::Dict: {
        QStringList pairs;
        for (const auto& [key, value] : v.pairs())
            pairs << QStringLiteral("{%1, %2}").arg(cppValue(key), cppValue(value));
        return QStringLiteral("twinrun::Value::dict({%1})").arg(join(pairs));
    }
    }
    return {};
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

QString fileKind(mode_t mode)
{
    if (S_ISDIR(mode))
        return LaunchSpecText::tr("a directory");
    if (S_ISFIFO(mode))
        return LaunchSpecText::tr("a FIFO");
    if (S_ISSOCK(mode))
        return LaunchSpecText::tr("a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return LaunchSpecText::tr("a device");
    return LaunchSpecText::tr("a special file");
}

// The bytes of a regular file of at most kMaxLaunchSpecFileBytes. Opening never blocks (a
// FIFO with no writer), and the read stops at the bound whatever the file claims to be.
std::optional<QByteArray> readSpecFileBytes(const QString& path, QString* error)
{
    if (path.isEmpty()) {
        *error = LaunchSpecText::tr("expected a file name");
        return std::nullopt;
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = LaunchSpecText::tr("cannot read it: %1").arg(systemError(errno));
        return std::nullopt;
    }
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        *error = LaunchSpecText::tr("cannot read it: %1").arg(systemError(errno));
        return std::nullopt;
    }
    if (!S_ISREG(info.st_mode)) {
        //: %1 is the kind of file: "a directory", "a FIFO", ...
        *error = LaunchSpecText::tr("cannot read it: %1, not a regular file")
                     .arg(fileKind(info.st_mode));
        return std::nullopt;
    }
    const auto tooLarge = [error] {
        *error = LaunchSpecText::tr("the launch spec file is larger than %1 MiB")
                     .arg(kMaxLaunchSpecFileBytes >> 20);
        return std::nullopt;
    };
    if (info.st_size > kMaxLaunchSpecFileBytes)
        return tooLarge();
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    QByteArray bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0)
            return bytes;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = LaunchSpecText::tr("cannot read it: %1").arg(systemError(errno));
            return std::nullopt;
        }
        bytes.append(buffer, n);
        if (bytes.size() > kMaxLaunchSpecFileBytes)
            return tooLarge();
    }
}

} // namespace

QList<Backend> LaunchSpec::backends() const
{
    switch (mode) {
    case Mode::Thread:
        return {Backend::Thread};
    case Mode::Process:
        return {Backend::Process};
    case Mode::Both:
        return {Backend::Thread, Backend::Process};
    }
    return {};
}

QString LaunchSpec::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Thread:
        return QStringLiteral("thread");
    case Mode::Process:
        return QStringLiteral("process");
    case Mode::Both:
        return QStringLiteral("both");
    }
    return {};
}

std::optional<LaunchSpec::Mode> LaunchSpec::modeFromName(const QString& name)
{
    for (Mode mode : {Mode::Thread, Mode::Process, Mode::Both}) {
        if (name == modeName(mode))
            return mode;
    }
    return std::nullopt;
}

QJsonObject LaunchSpec::toJson() const
{
    return QJsonObject{{QStringLiteral("version"), kLaunchSpecVersion},
                       {QStringLiteral("mode"), modeName(mode)},
                       {QStringLiteral("worker"), worker.toJson()}};
}

std::optional<LaunchSpec> LaunchSpec::fromJson(const QJsonObject& json, QString* error)
{
    if (const QString problem =
            checkFormatVersion(json.value(QStringLiteral("version")), kLaunchSpecVersion);
        !problem.isEmpty())
        //: 'version' is a JSON field name: keep it as it is.
        return refuse(error, LaunchSpecText::tr("launch spec field 'version': %1").arg(problem));

    const QJsonValue modeValue = json.value(QStringLiteral("mode"));
    const std::optional<Mode> mode = modeFromName(modeValue.toString());
    if (!modeValue.isString() || !mode)
        //: 'mode' is a JSON field name, "thread", "process" and "both" its literal values: keep
        //: them as they are.
        return refuse(error, LaunchSpecText::tr("launch spec field 'mode': expected \"thread\", "
                                                "\"process\" or \"both\""));

    const QJsonValue workerValue = json.value(QStringLiteral("worker"));
    if (!workerValue.isObject())
        //: 'worker' is a JSON field name: keep it as it is.
        return refuse(error, LaunchSpecText::tr("launch spec field 'worker': expected an object"));
    QString why;
    const std::optional<WorkerSpec> worker = WorkerSpec::fromJson(workerValue.toObject(), &why);
    if (!worker)
        //: 'worker' is a JSON field name: keep it as it is.
        return refuse(error, LaunchSpecText::tr("launch spec field 'worker': %1").arg(why));

    LaunchSpec spec;
    spec.worker = *worker;
    spec.mode = *mode;
    return spec;
}

LaunchSpec LaunchSpec::seedExample()
{
    LaunchSpec spec;
    spec.worker.target = QStringLiteral("faz_algo");
    spec.worker.args = {Value::fromInt(1), Value::fromFloat(1.5),
                        Value::fromStr(QStringLiteral("Edson"))};
    spec.mode = Mode::Thread;
    return spec;
}

QString LaunchSpec::pythonLine(Backend backend) const
{
    QStringList parts{QStringLiteral("target=") + worker.target};
    if (!worker.args.isEmpty())
        parts << QStringLiteral("args=") + Value::tuple(worker.args).repr();
    if (!worker.kwargs.isEmpty()) {
        Value::Pairs pairs;
        for (const auto& [key, value] : worker.kwargs)
            pairs.append({Value::fromStr(key), value});
        parts << QStringLiteral("kwargs=") + Value::dict(pairs).repr();
    }
    if (!worker.name.isEmpty())
        parts << QStringLiteral("name=") + reprString(worker.name);
    if (worker.daemon)
        parts << QStringLiteral("daemon=True");
    QString constructor = QStringLiteral("threading.Thread");
    if (backend == Backend::Process)
        constructor = worker.startMethod == StartMethod::ForkServer
                          ? QStringLiteral("multiprocessing.get_context('forkserver').Process")
                          : QStringLiteral("multiprocessing.Process");
    return constructor + QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString LaunchSpec::cppCall(Backend backend) const
{
    // One assignment per field that differs from its default, rather than aggregate
    // initialisation: `WorkerSpec spec{"f", {...}}` leaves fields out, which -Wextra
    // (-Wmissing-field-initializers) rejects in a build where warnings are errors.
    QStringList lines{QStringLiteral("twinrun::WorkerSpec spec;"),
                      QStringLiteral("spec.target = %1;").arg(cppString(worker.target))};
    if (!worker.args.isEmpty()) {
        QStringList args;
        for (const Value& v : worker.args)
            args << cppValue(v);
        lines << QStringLiteral("spec.args = {%1};").arg(args.join(QStringLiteral(", ")));
    }
    if (!worker.kwargs.isEmpty()) {
        QStringList kwargs;
        for (const auto& [key, value] : worker.kwargs)
            kwargs << QStringLiteral("{%1, %2}").arg(cppString(key), cppValue(value));
        lines << QStringLiteral("spec.kwargs = {%1};").arg(kwargs.join(QStringLiteral(", ")));
    }
    if (!worker.name.isEmpty())
        lines << QStringLiteral("spec.name = %1;").arg(cppString(worker.name));
    if (worker.daemon)
        lines << QStringLiteral("spec.daemon = true;");
    lines << QStringLiteral(
                 "auto* worker = twinrun::createWorker(twinrun::Backend::%1, spec, this);")
                 .arg(backend == Backend::Thread ? QStringLiteral("Thread")
                                                 : QStringLiteral("Process"))
          << QStringLiteral("if (const twinrun::Status status = worker->start(); !status)")
          << QStringLiteral("    qWarning() << status.message();");
    return lines.join(QLatin1Char('\n'));
}

std::optional<LaunchSpec> readLaunchSpecFile(const QString& path, QString* error)
{
    const std::optional<QByteArray> bytes = readSpecFileBytes(path, error);
    if (!bytes)
        return std::nullopt;
    const std::optional<QJsonObject> json = readJsonObject(
        *bytes, kMaxLaunchSpecFileBytes, LaunchSpecText::tr("the launch spec"), error);
    if (!json)
        return std::nullopt;
    std::optional<LaunchSpec> spec = LaunchSpec::fromJson(*json, error);
    if (spec) {
        if (const Status size = checkWorkerSpecSize(spec->worker); !size) {
            *error = size.message();
            return std::nullopt;
        }
    }
    return spec;
}

Status writeLaunchSpecFile(const QString& path, const LaunchSpec& spec)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit())
        return Status::error(
            LaunchSpecText::tr("cannot write %1: %2").arg(path, file.errorString()));
    return Status::ok();
}

} // namespace twinrun
