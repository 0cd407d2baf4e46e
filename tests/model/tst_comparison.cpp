#include "testlaunch.h"
#include "testmain.h"
#include <twinrun/comparison.h>
#include <twinrun/outputlog.h>
#include <twinrun/runcomparison.h>
#include <twinrun/runtext.h>
#include <twinrun/session.h>
#include <twinrun/spillbuffer.h>
#include <twinrun/streamcomparator.h>
#include <twinrun/workercontext.h>

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace twinrun;
using Mode = LaunchSpec::Mode;

namespace {

constexpr int kTimeout = 30000;

// Test-only target, registered in every run of this binary so its process children find it
// too: line 1 names the backend, then `lines` identical lines. The runs differ at line 1 only.
const bool registered = [] {
    Target target;
    target.name = QStringLiteral("test_differs_first");
    target.signature.params = {
        {QStringLiteral("lines"), Param::Kind::Positional, {Value::Type::Int}, std::nullopt}};
    target.run = [](WorkerContext& ctx, const BoundArgs& args) -> int {
        ctx.print(QStringLiteral("backend: ") + ctx.identity().backend);
        for (std::int64_t i = 0; i < args[QStringLiteral("lines")].toInt(); ++i)
            ctx.out("the same line\n");
        return 0;
    };
    TargetRegistry::instance().add(target);
    return true;
}();

// The first different line the plain way: the reference the streaming comparison must match.
qsizetype naiveFirstDifferentLine(const QByteArray& a, const QByteArray& b)
{
    if (a == b)
        return 0;
    qsizetype line = 1;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()) && a[i] == b[i]; ++i)
        line += a[i] == '\n' ? 1 : 0;
    return line;
}

QByteArray randomLines(QRandomGenerator& random, int lines)
{
    QByteArray text;
    for (int i = 0; i < lines; ++i)
        text += QByteArray(random.bounded(0, 6), 'a' + char(random.bounded(0, 3))) + '\n';
    return text;
}

} // namespace

class TstComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(registered); }

    void spillBufferKeepsOrderAcrossTheFile()
    {
        QRandomGenerator random(7);
        SpillBuffer buffer(100); // tiny: most bytes go through the file
        QByteArray in;
        QByteArray out;
        for (int round = 0; round < 300; ++round) {
            const QByteArray piece(random.bounded(0, 90), char('A' + round % 26));
            QVERIFY(buffer.append(piece));
            in += piece;
            out += buffer.take(random.bounded(0, 80));
            QCOMPARE(buffer.size(), in.size() - out.size());
        }
        QVERIFY(buffer.hasSpilled());
        while (!buffer.isEmpty())
            out += buffer.take(37);
        QCOMPARE(out, in);
        QVERIFY(!buffer.failed());
    }

    // Any chunking, any order of arrival, any memory limit: the same line as the reference.
    void streamingMatchesWholeComparison()
    {
        QRandomGenerator random(42);
        for (int round = 0; round < 200; ++round) {
            const QByteArray a = randomLines(random, random.bounded(0, 40));
            QByteArray b = a;
            const int change = random.bounded(0, 4);
            if (change == 1 && !b.isEmpty())
                b[random.bounded(0, int(b.size()))] = 'z';
            else if (change == 2)
                b.chop(random.bounded(0, int(b.size()) + 1));
            else if (change == 3)
                b += "tail";
            StreamComparator comparator(random.bounded(1, 64));
            qsizetype at[2] = {0, 0};
            const QByteArray* data[2] = {&a, &b};
            while (at[0] < a.size() || at[1] < b.size()) {
                const int side = random.bounded(0, 2);
                const qsizetype n =
                    std::min<qsizetype>(random.bounded(0, 30), data[side]->size() - at[side]);
                comparator.feed(side, Channel::Stdout,
                                QByteArrayView(*data[side]).sliced(at[side], n));
                at[side] += n;
            }
            comparator.endSide(0);
            comparator.endSide(1);
            const StreamComparator::ChannelResult r = comparator.result(Channel::Stdout);
            QVERIFY(r.error.isEmpty());
            QCOMPARE(r.firstDifferentLine, naiveFirstDifferentLine(a, b));
            QCOMPARE(comparator.byteCount(1, Channel::Stdout), b.size());
        }
    }

    void channelsAreComparedApart()
    {
        // The same stdout and stderr, interleaved differently: identical.
        StreamComparator c;
        c.feed(0, Channel::Stdout, "1\n2\n");
        c.feed(0, Channel::Stderr, "e\n");
        c.feed(1, Channel::Stderr, "e\n");
        c.feed(1, Channel::Stdout, "1\n");
        c.feed(1, Channel::Stdout, "2\n");
        c.endSide(0);
        c.endSide(1);
        QCOMPARE(c.result(Channel::Stdout).firstDifferentLine, 0);
        QCOMPARE(c.result(Channel::Stderr).firstDifferentLine, 0);
        QCOMPARE(c.lineCount(0, Channel::Stdout), 2);
    }

    void aLongerRunDiffersOnlyOnceTheOtherHasEnded()
    {
        StreamComparator c;
        c.feed(0, Channel::Stdout, "1\n2\n3\n");
        c.feed(1, Channel::Stdout, "1\n2\n");
        QCOMPARE(c.result(Channel::Stdout).firstDifferentLine, 0); // side 1 may go on
        QCOMPARE(c.result(Channel::Stdout, false, true).firstDifferentLine, 3);
        c.endSide(1);
        QCOMPARE(c.result(Channel::Stdout).firstDifferentLine, 3);
    }

    void durationsHaveOneStyle()
    {
        QCOMPARE(formatDuration(443'000), QStringLiteral("0.44 ms"));
        QCOMPARE(formatDuration(4'120'000), QStringLiteral("4.12 ms"));
        QCOMPARE(formatDuration(12'400'000), QStringLiteral("12.4 ms"));
        QCOMPARE(formatDuration(1'250'000'000), QStringLiteral("1.25 s"));
        QCOMPARE(formatDuration(125'000'000'000), QStringLiteral("2 min 05 s"));
        QCOMPARE(formatDuration(-1), QString());
    }

    // Issue 9 §4: the window compared capped logs, and a difference the logs had dropped was
    // "identical". The session's comparison sees every byte: line 1 differs, whatever the cap.
    void sessionComparesCompleteOutputsNotLogs()
    {
        Session session;
        session.setLogLimits(100, 1024 * 1024);
        const QList<Worker*> workers = session.launch(
            launchSpecOf(QStringLiteral("test_differs_first"), {Value::fromInt(5000)}, Mode::Both));
        QCOMPARE(workers.size(), 2);
        const RunComparison* comparison = session.comparison(workers[0]);
        QVERIFY(comparison);
        QCOMPARE(session.comparison(workers[1]), comparison);
        QTRY_VERIFY_WITH_TIMEOUT(comparison->isFinal(), kTimeout);
        QVERIFY(session.log(workers[0])->droppedLines() > 0);
        // What the logs still hold is the same on both sides...
        QCOMPARE(session.log(workers[0])->channelBytes(Channel::Stdout),
                 session.log(workers[1])->channelBytes(Channel::Stdout));
        // ...but the runs are not.
        const Comparison c = comparison->result();
        QVERIFY(!c.identical);
        QCOMPARE(c.firstStdoutDiff, 1);
        QCOMPARE(c.summary(), QStringLiteral("different: stdout differs from line 1"));
        QCOMPARE(comparison->streams().lineCount(1, Channel::Stdout), 5001);
    }

    void aStoppedRunIsNeverIdentical()
    {
        Session session;
        const QList<Worker*> workers = session.launch(
            launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(60)}, Mode::Both));
        const RunComparison* comparison = session.comparison(workers[0]);
        QTRY_VERIFY_WITH_TIMEOUT(workers[1]->state() == Worker::State::Running, kTimeout);
        session.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(comparison->isFinal(), kTimeout);
        const Comparison c = comparison->result();
        QVERIFY(!c.identical);
        QVERIFY2(c.summary().startsWith(QStringLiteral("incomplete: the thread was stopped")),
                 qPrintable(c.summary()));
        QVERIFY2(c.summary().contains(QStringLiteral("the process was stopped")),
                 qPrintable(c.summary()));
    }
};

TWINRUN_SELF_CHILD_TEST_MAIN(TstComparison)
#include "tst_comparison.moc"
