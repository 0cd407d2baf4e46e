#include <twinrun/comparison.h>
#include <twinrun/streamcomparator.h>

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace twinrun {

namespace {
constexpr qsizetype kSlice = 64 * 1024;
} // namespace

qsizetype firstDifferentLine(const QByteArray& a, const QByteArray& b)
{
    // In step, so neither side gets ahead by more than a slice.
    const auto slice = [](const QByteArray& bytes, qsizetype at) {
        return QByteArrayView(bytes)
            .sliced(std::min(at, bytes.size()))
            .first(std::clamp<qsizetype>(bytes.size() - at, 0, kSlice));
    };
    StreamComparator comparator;
    for (qsizetype at = 0; at < std::max(a.size(), b.size()); at += kSlice) {
        comparator.feed(0, Channel::Stdout, slice(a, at));
        comparator.feed(1, Channel::Stdout, slice(b, at));
    }
    return comparator.result(Channel::Stdout, true, true).firstDifferentLine;
}

Comparison compareRuns(const RunOutcome& a, const RunOutcome& b)
{
    Comparison c;
    c.firstStdoutDiff = firstDifferentLine(a.out, b.out);
    c.firstStderrDiff = firstDifferentLine(a.err, b.err);
    c.exitCodesDiffer = a.exitCode != b.exitCode;
    c.identical = !c.firstStdoutDiff && !c.firstStderrDiff && !c.exitCodesDiffer;
    return c;
}

QString Comparison::summary() const
{
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("twinrun::Comparison", text);
    };
    if (identical)
        return tr("identical: same stdout, stderr and exit code");
    QStringList differences;
    if (firstStdoutDiff)
        differences << tr("stdout differs from line %1").arg(firstStdoutDiff);
    if (firstStderrDiff)
        differences << tr("stderr differs from line %1").arg(firstStderrDiff);
    if (exitCodesDiffer && incomplete.isEmpty())
        differences << tr("exit codes differ");
    if (!incomplete.isEmpty()) {
        differences.prepend(incomplete);
        return tr("incomplete: %1").arg(differences.join(QStringLiteral("; ")));
    }
    return tr("different: %1").arg(differences.join(QStringLiteral("; ")));
}

} // namespace twinrun
