#include <twinrun/comparison.h>

#include <QStringList>

namespace twinrun {

qsizetype firstDifferentLine(const QByteArray& a, const QByteArray& b)
{
    if (a == b)
        return 0;
    qsizetype line = 1;
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common && a[i] == b[i]; ++i) {
        if (a[i] == '\n')
            ++line;
    }
    return line;
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
    if (identical)
        return QStringLiteral("identical: same stdout, stderr and exit code");
    QStringList differences;
    if (firstStdoutDiff)
        differences << QStringLiteral("stdout differs from line %1").arg(firstStdoutDiff);
    if (firstStderrDiff)
        differences << QStringLiteral("stderr differs from line %1").arg(firstStderrDiff);
    if (exitCodesDiffer)
        differences << QStringLiteral("exit codes differ");
    return QStringLiteral("different: ") + differences.join(QStringLiteral("; "));
}

} // namespace twinrun
