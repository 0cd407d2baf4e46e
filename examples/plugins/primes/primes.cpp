// An example TwinRun plugin, "primes": three targets of a user's own, each runnable as a
// thread or a process (see README, "Your own targets", and <twinrun/plugin.h>).
#include <twinrun/plugin.h>

#include <QFile>

#include <cerrno>
#include <cstring>

namespace {

using twinrun::BoundArgs;
using twinrun::Param;
using twinrun::Value;
using twinrun::WorkerContext;

bool isPrime(std::int64_t k)
{
    if (k < 2)
        return false;
    for (std::int64_t d = 2; d * d <= k; ++d) {
        if (k % d == 0)
            return false;
    }
    return true;
}

// count_below(n: int): CPU-bound; stops early when asked to (a thread's terminate()).
int countBelow(WorkerContext& context, const BoundArgs& args)
{
    const std::int64_t n = args[QStringLiteral("n")].toInt();
    std::int64_t found = 0;
    for (std::int64_t k = 2; k < n; ++k) {
        if ((k & 0xFFFF) == 0 && context.isInterruptionRequested())
            return 0;
        found += isPrime(k) ? 1 : 0;
    }
    context.print(QStringLiteral("%1 primes below %2").arg(found).arg(n));
    return 0;
}

// summarize(path: str): reads a file and prints its lines, words and bytes, and its longest
// line; a file that cannot be read is Python's FileNotFoundError / OSError.
int summarize(WorkerContext& context, const BoundArgs& args)
{
    const QString path = args[QStringLiteral("path")].toStr();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const int error = errno;
        throw twinrun::TargetError(
            QStringLiteral("[Errno %1] %2: %3")
                .arg(error)
                .arg(QString::fromLocal8Bit(std::strerror(error)), Value::fromStr(path).repr()),
            error == ENOENT ? QStringLiteral("FileNotFoundError") : QStringLiteral("OSError"));
    }
    std::int64_t lines = 0;
    std::int64_t words = 0;
    std::int64_t bytes = 0;
    QByteArray longest;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        bytes += line.size();
        ++lines;
        if (line.endsWith('\n'))
            line.chop(1);
        words += line.simplified().isEmpty() ? 0 : line.simplified().count(' ') + 1;
        if (line.size() > longest.size())
            longest = line;
    }
    context.print(QStringLiteral("%1: %2 lines, %3 words, %4 bytes")
                      .arg(path)
                      .arg(lines)
                      .arg(words)
                      .arg(bytes));
    context.print(QStringLiteral("longest line: %1").arg(QString::fromUtf8(longest)));
    return 0;
}

// join_words(*words: str, sep: str = ' ', upper: bool = False): *args and keyword-only.
int joinWords(WorkerContext& context, const BoundArgs& args)
{
    QStringList words;
    for (const Value& word : args.varArgs)
        words << word.toStr();
    QString text = words.join(args[QStringLiteral("sep")].toStr());
    if (args[QStringLiteral("upper")].toBool())
        text = text.toUpper();
    context.print(text);
    return 0;
}

} // namespace

TWINRUN_PLUGIN(primes)
{
    using T = Value::Type;
    plugin.add(QStringLiteral("count_below"),
               QStringLiteral("Counts the primes below n (CPU-bound)."),
               {Param::positional(QStringLiteral("n"), {T::Int})}, countBelow);
    plugin.add(
        QStringLiteral("summarize"),
        QStringLiteral("Reads a text file; prints its lines, words, bytes and longest line."),
        {Param::positional(QStringLiteral("path"), {T::Str})}, summarize);
    plugin.add(
        QStringLiteral("join_words"),
        QStringLiteral("Prints the words joined by sep, in upper case if asked."),
        {Param::varPositional(QStringLiteral("words"), {T::Str}),
         Param::keywordOnly(QStringLiteral("sep"), {T::Str}, Value::fromStr(QStringLiteral(" "))),
         Param::keywordOnly(QStringLiteral("upper"), {T::Bool}, Value::fromBool(false))},
        joinWords);
}
