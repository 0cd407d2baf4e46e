#include <twinrun/echo.h>
#include <twinrun/value.h>

#include <algorithm>

namespace twinrun {

namespace {

QString lengthNote(qsizetype length)
{
    return QStringLiteral("... (%1 characters)").arg(length);
}

} // namespace

QString echoInput(const QString& input)
{
    QString quoted = reprString(input);
    if (quoted.size() <= kEchoMaxChars)
        return quoted;
    // Cut the input, not its repr, so that no escape is cut in half; never split a surrogate
    // pair. An escape takes at most 10 characters, so this ends within a few rounds.
    qsizetype keep = std::min(input.size(), kEchoMaxChars);
    do {
        keep -= std::max<qsizetype>(1, (quoted.size() - kEchoMaxChars) / 10);
        if (keep > 0 && input[keep - 1].isHighSurrogate())
            --keep;
        quoted = reprString(input.left(std::max<qsizetype>(keep, 0)));
    } while (keep > 0 && quoted.size() > kEchoMaxChars);
    return quoted + lengthNote(input.size());
}

QString echoRepr(const QString& repr)
{
    if (repr.size() <= kEchoMaxChars)
        return repr;
    qsizetype keep = kEchoMaxChars;
    if (repr[keep - 1].isHighSurrogate())
        --keep;
    return repr.left(keep) + lengthNote(repr.size());
}

} // namespace twinrun
