#include <twinrun/target.h>
#include <twinrun/workercontext.h>

#include <QThread>

#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <vector>

#include <sys/resource.h>

namespace twinrun {

namespace {

using T = Value::Type;
constexpr std::int64_t kMaxFloodWidth = 1 << 20;
// hold() stays well inside what a test machine has; a thread's block is the app's memory.
constexpr std::int64_t kMaxHoldMegabytes = 4096;

Param positional(const QString& name, QList<T> types, std::optional<Value> def = {})
{
    return {name, Param::Kind::Positional, std::move(types), std::move(def)};
}

CallError nonNegative(const BoundArgs& a, const QString& fn, const QString& param)
{
    if (a[param].toFloat() < 0)
        return CallError::invalidValue(param,
                                       QStringLiteral("%1() argument '%2' must be >= 0, not %3")
                                           .arg(fn, param, a[param].repr()));
    return {};
}

int fazAlgo(WorkerContext& ctx, const BoundArgs& a)
{
    // print(f'Fazendo algo com o "{arg}" do tipo {type(arg)}.'): what Python's str() or its
    // UTF-8 stdout would raise (a huge int, a lone surrogate) is raised here too.
    for (const Value& arg : a.varArgs) {
        if (const std::optional<PythonError> e = arg.strError())
            throw TargetError(e->message, e->type);
        const std::u32string line = U"Fazendo algo com o \"" + arg.strCodePoints() +
                                    U"\" do tipo " + toCodePoints(arg.className()) + U".";
        if (const std::optional<PythonError> e = utf8EncodeError(line))
            throw TargetError(e->message, e->type);
        ctx.print(fromCodePoints(line));
    }
    return 0;
}

int count(WorkerContext& ctx, const BoundArgs& a)
{
    const std::int64_t n = a[QStringLiteral("n")].toInt();
    const double delay = a[QStringLiteral("delay")].toFloat();
    for (std::int64_t i = 1; i <= n; ++i) {
        if (ctx.isInterruptionRequested())
            return 0;
        ctx.print(QString::number(i));
        if (i < n && delay > 0 && !ctx.sleep(delay))
            return 0;
    }
    return 0;
}

int sleepTarget(WorkerContext& ctx, const BoundArgs& a)
{
    const Value seconds = a[QStringLiteral("seconds")];
    if (ctx.sleep(seconds.toFloat()))
        ctx.print(QStringLiteral("slept %1 seconds").arg(seconds.str()));
    return 0;
}

// Memory a process's peak RSS shows: allocated and every page written, so it is resident.
int hold(WorkerContext& ctx, const BoundArgs& a)
{
    const std::int64_t megabytes = a[QStringLiteral("megabytes")].toInt();
    const Value seconds = a[QStringLiteral("seconds")];
    {
        std::vector<char> block(std::size_t(megabytes) * 1024 * 1024);
        for (std::size_t i = 0; i < block.size(); i += 4096)
            block[i] = char(i);
        if (!ctx.sleep(seconds.toFloat()))
            return 0;
    }
    ctx.print(QStringLiteral("held %1 MB for %2 seconds").arg(megabytes).arg(seconds.str()));
    return 0;
}

bool isPrime(std::int64_t k)
{
    if (k < 2)
        return false;
    if (k % 2 == 0)
        return k == 2;
    for (std::int64_t d = 3; d * d <= k; d += 2) {
        if (k % d == 0)
            return false;
    }
    return true;
}

int burn(WorkerContext& ctx, const BoundArgs& a)
{
    const std::int64_t n = a[QStringLiteral("n")].toInt();
    std::int64_t primes = 0;
    for (std::int64_t k = 0; k < n; ++k) {
        if ((k & 0xFFF) == 0 && ctx.isInterruptionRequested())
            return 0;
        primes += isPrime(k) ? 1 : 0;
    }
    ctx.print(QStringLiteral("%1 primes below %2").arg(primes).arg(n));
    return 0;
}

int fail(WorkerContext&, const BoundArgs& a)
{
    throw TargetError(a[QStringLiteral("message")].toStr());
}

int exitTarget(WorkerContext&, const BoundArgs& a)
{
    return static_cast<int>(a[QStringLiteral("code")].toInt() & 0xFF);
}

int crash(WorkerContext& ctx, const BoundArgs& a)
{
    ctx.flush();
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore); // a demonstration crash should not leave core files
    // Die by the signal itself, not by whatever handler a runtime (a sanitizer, a crash
    // reporter) installed for it.
    const bool abort = a[QStringLiteral("how")].toStr() == QLatin1String("abort");
    std::signal(abort ? SIGABRT : SIGSEGV, SIG_DFL);
    if (abort)
        std::abort();
    std::raise(SIGSEGV);
    return 1;
}

int flood(WorkerContext& ctx, const BoundArgs& a)
{
    const std::int64_t lines = a[QStringLiteral("lines")].toInt();
    const qsizetype width = a[QStringLiteral("width")].toInt();
    QByteArray batch;
    batch.reserve(64 * 1024 + width + 32);
    for (std::int64_t i = 1; i <= lines; ++i) {
        char digits[24];
        const qsizetype used = std::to_chars(digits, digits + sizeof digits, i).ptr - digits;
        batch.append(digits, used); // no allocation per line: the batch has room
        if (used < width)
            batch.append(width - used, '.');
        batch.append('\n');
        if (batch.size() >= 64 * 1024) {
            if (ctx.isInterruptionRequested())
                return 0;
            ctx.out(batch);
            batch.clear();
        }
    }
    ctx.out(batch);
    return 0;
}

int noop(WorkerContext&, const BoundArgs&)
{
    return 0;
}

int whoami(WorkerContext& ctx, const BoundArgs&)
{
    const WorkerContext::Identity& id = ctx.identity();
    ctx.print(QStringLiteral("name: ") + id.name);
    ctx.print(QStringLiteral("backend: ") + id.backend);
    ctx.print(QStringLiteral("pid: %1").arg(id.pid));
    ctx.print(QStringLiteral("ident: %1").arg(id.ident));
    ctx.print(QStringLiteral("native id: %1").arg(id.nativeId));
    ctx.print(QStringLiteral("parent pid: %1").arg(id.parentPid));
    return 0;
}

int stubborn(WorkerContext& ctx, const BoundArgs& a)
{
    const double seconds = a[QStringLiteral("seconds")].toFloat();
    ctx.ignoreStopRequests();
    ctx.print(QStringLiteral("ignoring stop requests for %1 seconds")
                  .arg(a[QStringLiteral("seconds")].str()));
    ctx.flush();
    QThread::usleep(static_cast<unsigned long>(std::llround(seconds * 1e6)));
    ctx.print(QStringLiteral("done"));
    return 0;
}

Target makeTarget(const char* name, const char* description, QList<Param> params,
                  Target::Function run, std::function<CallError(const BoundArgs&)> check = {})
{
    Target t;
    t.name = QString::fromLatin1(name);
    t.description = QString::fromUtf8(description);
    t.signature.params = std::move(params);
    t.run = std::move(run);
    t.check = std::move(check);
    return t;
}

CallError checkNonNegative(const char* fn, const char* param, const BoundArgs& a)
{
    return nonNegative(a, QString::fromLatin1(fn), QString::fromLatin1(param));
}

CallError checkCrashHow(const BoundArgs& a)
{
    const QString how = a[QStringLiteral("how")].toStr();
    if (how == QLatin1String("segv") || how == QLatin1String("abort"))
        return {};
    return CallError::invalidValue(
        QStringLiteral("how"),
        QStringLiteral("crash() argument 'how' must be 'segv' or 'abort', not %1")
            .arg(a[QStringLiteral("how")].repr()));
}

CallError checkHold(const BoundArgs& a)
{
    const std::int64_t megabytes = a[QStringLiteral("megabytes")].toInt();
    if (megabytes < 0 || megabytes > kMaxHoldMegabytes)
        return CallError::invalidValue(
            QStringLiteral("megabytes"),
            QStringLiteral("hold() argument 'megabytes' must be between 0 and %1, not %2")
                .arg(kMaxHoldMegabytes)
                .arg(megabytes));
    return nonNegative(a, QStringLiteral("hold"), QStringLiteral("seconds"));
}

CallError checkFloodWidth(const BoundArgs& a)
{
    const std::int64_t width = a[QStringLiteral("width")].toInt();
    if (width < 0 || width > kMaxFloodWidth)
        return CallError::invalidValue(
            QStringLiteral("width"),
            QStringLiteral("flood() argument 'width' must be between 0 and %1, not %2")
                .arg(kMaxFloodWidth)
                .arg(width));
    return {};
}

} // namespace

// Descriptions are marked for translation (context "twinrun::Target"); the window shows them
// through twinrun::targetDescriptionText. What a target prints is never translated.
void registerBuiltinTargets(TargetRegistry& r)
{
    const auto str = [](const char* s) { return Value::fromStr(QString::fromLatin1(s)); };
    using namespace std::placeholders;

    r.add(makeTarget(
        "faz_algo",
        QT_TRANSLATE_NOOP("twinrun::Target",
                          "The seed's example: prints each argument with its Python type."),
        {{QStringLiteral("args"), Param::Kind::VarPositional, {}, {}}}, fazAlgo));
    r.add(makeTarget("count",
                     QT_TRANSLATE_NOOP(
                         "twinrun::Target",
                         "Prints 1..n, one a line, waiting delay seconds between (interruptible)."),
                     {positional(QStringLiteral("n"), {T::Int}),
                      positional(QStringLiteral("delay"), {T::Float}, Value::fromFloat(0.0))},
                     count, std::bind(checkNonNegative, "count", "delay", _1)));
    r.add(makeTarget(
        "sleep",
        QT_TRANSLATE_NOOP("twinrun::Target", "Waits, interruptibly; prints one line when done."),
        {positional(QStringLiteral("seconds"), {T::Float})}, sleepTarget,
        std::bind(checkNonNegative, "sleep", "seconds", _1)));
    r.add(makeTarget("hold",
                     QT_TRANSLATE_NOOP("twinrun::Target",
                                       "Allocates and touches megabytes MiB, holds them for seconds "
                                       "(interruptible), then frees them and prints one line."),
                     {positional(QStringLiteral("megabytes"), {T::Int}),
                      positional(QStringLiteral("seconds"), {T::Float})},
                     hold, checkHold));
    r.add(
        makeTarget("burn",
                   QT_TRANSLATE_NOOP("twinrun::Target",
                                     "CPU-bound: counts the primes below n and prints the count."),
                   {positional(QStringLiteral("n"), {T::Int})}, burn));
    r.add(makeTarget("fail",
                     QT_TRANSLATE_NOOP("twinrun::Target",
                                       "Raises an error: the message on stderr, exit code 1."),
                     {positional(QStringLiteral("message"), {T::Str}, str("failure"))}, fail));
    r.add(makeTarget(
        "exit",
        QT_TRANSLATE_NOOP("twinrun::Target", "Ends with that exit code, like sys.exit(code)."),
        {positional(QStringLiteral("code"), {T::Int})}, exitTarget));

    Target crashTarget = makeTarget(
        "crash",
        QT_TRANSLATE_NOOP("twinrun::Target",
                          "Dies by a signal: 'segv' (SIGSEGV) or 'abort' (SIGABRT). Process only."),
        {positional(QStringLiteral("how"), {T::Str}, str("segv"))}, crash, checkCrashHow);
    crashTarget.threadRefusal =
        QStringLiteral("crash() refused as a thread: a crash in a thread takes the whole app "
                       "down with it; run it as a process, which is what process isolation is for");
    r.add(crashTarget);

    r.add(
        makeTarget("flood",
                   QT_TRANSLATE_NOOP("twinrun::Target",
                                     "Prints that many numbered lines of width characters, fast."),
                   {positional(QStringLiteral("lines"), {T::Int}),
                    positional(QStringLiteral("width"), {T::Int}, Value::fromInt(40))},
                   flood, checkFloodWidth));

    r.add(makeTarget(
        "noop",
        QT_TRANSLATE_NOOP("twinrun::Target", "Does nothing: what launching a worker costs."), {},
        noop));

    Target whoamiTarget =
        makeTarget("whoami",
                   QT_TRANSLATE_NOOP(
                       "twinrun::Target",
                       "Prints the worker's name, backend, pid, ident, native id and parent pid."),
                   {}, whoami);
    whoamiTarget.deterministic = false;
    r.add(whoamiTarget);

    r.add(makeTarget(
        "stubborn",
        QT_TRANSLATE_NOOP(
            "twinrun::Target",
            "Ignores stop requests (SIGTERM too) for a while: why a thread cannot be killed."),
        {positional(QStringLiteral("seconds"), {T::Float}, Value::fromFloat(5.0))}, stubborn,
        std::bind(checkNonNegative, "stubborn", "seconds", _1)));
}

} // namespace twinrun
