#include "testmain.h"
#include <twinrun/outputlog.h>

#include <QSignalSpy>
#include <QTest>

#include <functional>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace twinrun;
using Limits = OutputLog::Limits;

namespace {

constexpr Channel Out = Channel::Stdout;
constexpr Channel Err = Channel::Stderr;

// A view's row count kept only from the signals, as a model over the log would keep it.
class SignalMirror {
public:
    explicit SignalMirror(OutputLog* log)
    {
        QObject::connect(log, &OutputLog::linesDropped, log,
                         [this](qsizetype n) { rows -= std::min(n, rows); });
        QObject::connect(log, &OutputLog::linesChanged, log, [this](qsizetype first, qsizetype n) {
            if (first > rows)
                gap = true;
            rows = std::max(rows, first + n);
        });
        QObject::connect(log, &OutputLog::cleared, log, [this] { rows = 0; });
    }
    qsizetype rows = 0;
    bool gap = false; // a change announced past the rows known: the view would lose lines
};

QByteArray numberedLines(qsizetype from, qsizetype to)
{
    QByteArray bytes;
    for (qsizetype i = from; i <= to; ++i)
        bytes += QByteArray::number(i) + '\n';
    return bytes;
}

void appendInChunks(OutputLog& log, Channel channel, const QByteArray& bytes, qsizetype chunk)
{
    for (qsizetype at = 0; at < bytes.size(); at += chunk)
        log.append(channel, QByteArrayView(bytes).sliced(at, std::min(chunk, bytes.size() - at)));
}

QByteArray text(const OutputLog& log, qsizetype i)
{
    return log.line(i).bytes;
}

QVariantList changeArgs(qsizetype first, qsizetype count)
{
    return {first, count};
}

template <std::size_t N> QByteArray bytesOf(const char (&literal)[N])
{
    return QByteArray(literal, N - 1); // keeps embedded NULs
}

// Bytes the heap has handed out, mapped blocks included.
qint64 heapInUse()
{
#ifdef __GLIBC__
    const struct mallinfo2 info = ::mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

} // namespace

class TstOutputLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linesInArrivalOrderWithPartials()
    {
        OutputLog log;
        SignalMirror mirror(&log);
        QSignalSpy changed(&log, &OutputLog::linesChanged);
        log.append(Out, "a\nb");
        QCOMPARE(log.lineCount(), 2);
        QCOMPARE(text(log, 0), QByteArray("a"));
        QVERIFY(!log.line(0).partial);
        QCOMPARE(text(log, 1), QByteArray("b"));
        QVERIFY(log.line(1).partial);
        QCOMPARE(changed.takeFirst(), changeArgs(0, 2));

        log.append(Err, "x\n");
        QCOMPARE(changed.takeFirst(), changeArgs(2, 1));
        log.append(Out, "c\nd\n");
        // The partial line grew in place: it and everything after it changed.
        QCOMPARE(changed.takeFirst(), changeArgs(1, 3));

        QCOMPARE(log.lineCount(), 4);
        QCOMPARE(log.totalLines(), 4);
        QCOMPARE(log.droppedLines(), 0);
        const QList<QByteArray> expected{"a", "bc", "x", "d"};
        const QList<Channel> channels{Out, Out, Err, Out};
        for (qsizetype i = 0; i < 4; ++i) {
            QCOMPARE(text(log, i), expected[i]);
            QCOMPARE(log.line(i).channel, channels[i]);
            QVERIFY(!log.line(i).partial);
        }
        QCOMPARE(log.line(4).bytes, QByteArray());
        QCOMPARE(log.line(-1).bytes, QByteArray());
        QCOMPARE(mirror.rows, log.lineCount());
        QVERIFY(!mirror.gap);
    }

    void channelsKeptApart()
    {
        OutputLog log;
        log.append(Out, "out 1\nout ");
        log.append(Err, "err 1\nerr");
        log.append(Out, "2\n");
        log.append(Err, " 2\n");
        QCOMPARE(log.channelBytes(Out), QByteArray("out 1\nout 2\n"));
        QCOMPARE(log.channelBytes(Err), QByteArray("err 1\nerr 2\n"));
        QCOMPARE(log.lineCount(), 4);
        QCOMPARE(text(log, 0), QByteArray("out 1"));
        QCOMPARE(text(log, 1), QByteArray("out 2"));
        QCOMPARE(text(log, 2), QByteArray("err 1"));
        QCOMPARE(text(log, 3), QByteArray("err 2"));
    }

    void capByLines_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        QTest::addRow("byte by byte") << qsizetype(1);
        QTest::addRow("7 bytes") << qsizetype(7);
        QTest::addRow("all at once") << qsizetype(1 << 20);
    }
    void capByLines()
    {
        QFETCH(qsizetype, chunk);
        OutputLog log;
        log.setLimits({10, 1 << 20, 1024});
        SignalMirror mirror(&log);
        QSignalSpy dropped(&log, &OutputLog::linesDropped);
        appendInChunks(log, Out, numberedLines(1, 25), chunk);
        QCOMPARE(log.lineCount(), 10);
        QCOMPARE(log.droppedLines(), 15);
        QCOMPARE(log.totalLines(), 25);
        qsizetype signalled = 0;
        for (const QVariantList& args : std::as_const(dropped))
            signalled += args.at(0).value<qsizetype>();
        QCOMPARE(signalled, 15);
        for (qsizetype i = 0; i < 10; ++i)
            QCOMPARE(text(log, i), QByteArray::number(16 + i));
        QCOMPARE(log.channelBytes(Out), numberedLines(16, 25));
        QCOMPARE(mirror.rows, 10);
        QVERIFY(!mirror.gap);
    }

    void capByBytes()
    {
        OutputLog log;
        log.setLimits({1000000, 1000, 1024});
        SignalMirror mirror(&log);
        QByteArray all;
        for (int i = 1; i <= 500; ++i)
            all += QByteArray::number(i).rightJustified(9, '0') + '\n';
        appendInChunks(log, Out, all, 333);
        QVERIFY(log.byteCount() <= 1000);
        QCOMPARE(log.byteCount(), 1000); // lines of 10 bytes fit the cap exactly
        QCOMPARE(log.lineCount(), 100);
        QCOMPARE(log.totalLines(), 500);
        QCOMPARE(log.droppedLines(), 400);
        QCOMPARE(text(log, 0), QByteArray("000000401"));
        QCOMPARE(text(log, 99), QByteArray("000000500"));
        QCOMPARE(log.channelBytes(Out), all.right(1000));
        QCOMPARE(mirror.rows, log.lineCount());
    }

    void setLimitsTrimsAtOnce()
    {
        OutputLog log;
        log.append(Out, numberedLines(1, 100));
        QSignalSpy dropped(&log, &OutputLog::linesDropped);
        log.setLimits({30, 1 << 20, 1024});
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.at(0).at(0).value<qsizetype>(), 70);
        QCOMPARE(log.lineCount(), 30);
        QCOMPARE(text(log, 0), QByteArray("71"));
        QCOMPARE(log.limits().maxLines, 30);
    }

    void countsStayExactAcrossBlocksAndChannels()
    {
        // Alternating channels, many blocks, trimming inside and across blocks.
        OutputLog log;
        log.setLimits({5000, 1 << 30, 1 << 16});
        SignalMirror mirror(&log);
        qsizetype sent = 0;
        QByteArray lastOut;
        for (int round = 0; round < 40; ++round) {
            const Channel channel = round % 3 == 0 ? Err : Out;
            const QByteArray bytes = numberedLines(sent + 1, sent + 700);
            appendInChunks(log, channel, bytes, 4096);
            sent += 700;
            QCOMPARE(log.totalLines(), sent);
            QCOMPARE(log.lineCount() + log.droppedLines(), sent);
            QVERIFY(log.lineCount() <= 5000);
            QCOMPARE(mirror.rows, log.lineCount());
        }
        QCOMPARE(log.lineCount(), 5000);
        for (qsizetype i = 0; i < log.lineCount(); i += 37)
            QCOMPARE(text(log, i), QByteArray::number(sent - 5000 + 1 + i));
        QVERIFY(!mirror.gap);
    }

    void longLinesAreCut()
    {
        OutputLog log;
        log.setLimits({1000, 1 << 20, 4});
        log.append(Out, "abcdefghij\n");
        QCOMPARE(log.lineCount(), 3);
        QCOMPARE(text(log, 0), QByteArray("abcd"));
        QCOMPARE(text(log, 1), QByteArray("efgh"));
        QCOMPARE(text(log, 2), QByteArray("ij"));

        log.clear();
        log.append(Out, "abcd\n"); // exactly the limit: one line
        log.append(Out, "wxyz");
        log.append(Out, "\n"); // the newline after a full line still ends that line
        QCOMPARE(log.lineCount(), 2);
        QCOMPARE(text(log, 1), QByteArray("wxyz"));

        log.clear();
        log.append(Out, "abcd");
        QVERIFY(log.line(0).partial);
        log.append(Out, "e");
        QCOMPARE(log.lineCount(), 2);
        QVERIFY(!log.line(0).partial);
        QVERIFY(log.line(1).partial);
        QCOMPARE(text(log, 1), QByteArray("e"));
        // Cut pieces get no newline, so the channel's bytes are the bytes received.
        QCOMPARE(log.channelBytes(Out), QByteArray("abcde"));

        // A lower limit set while a longer line is open cuts it at the next byte.
        log.clear();
        log.setLimits({1000, 1 << 20, 8});
        log.append(Out, "abcdef");
        log.setLimits({1000, 1 << 20, 4});
        log.append(Out, "gh\n");
        QCOMPARE(log.lineCount(), 2);
        QCOMPARE(text(log, 0), QByteArray("abcdef"));
        QCOMPARE(text(log, 1), QByteArray("gh"));
    }

    void partialLineDroppedWithItsRest()
    {
        OutputLog log;
        log.setLimits({2, 1 << 20, 1024});
        log.append(Out, "p");
        log.append(Err, "1\n2\n");
        QCOMPARE(log.droppedLines(), 1);
        QCOMPARE(text(log, 0), QByteArray("1"));
        // The rest of the dropped line is dropped too, not counted as a new line.
        log.append(Out, "q\n");
        QCOMPARE(log.totalLines(), 3);
        QCOMPARE(log.lineCount(), 2);
        log.append(Out, "r\n");
        QCOMPARE(log.totalLines(), 4);
        QCOMPARE(text(log, 1), QByteArray("r"));
        QCOMPARE(log.line(1).channel, Out);
    }

    void clearResets()
    {
        OutputLog log;
        log.setLimits({3, 1 << 20, 1024});
        log.append(Out, numberedLines(1, 10));
        log.append(Err, "partial");
        QSignalSpy cleared(&log, &OutputLog::cleared);
        log.clear();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(log.lineCount(), 0);
        QCOMPARE(log.droppedLines(), 0);
        QCOMPARE(log.totalLines(), 0);
        QCOMPARE(log.byteCount(), 0);
        log.append(Err, "fresh\n");
        QCOMPARE(log.lineCount(), 1);
        QCOMPARE(text(log, 0), QByteArray("fresh"));
    }

    void oddBytesAreKeptAsReceived()
    {
        OutputLog log;
        const QByteArray odd = bytesOf("nul\0in\xff\xfe\x1b[31mred\x1b[0m\r50%\r100%");
        log.append(Out, odd);
        log.append(Out, "\n");
        QCOMPARE(log.lineCount(), 1);
        QCOMPARE(text(log, 0), odd);
        QCOMPARE(log.byteCount(), odd.size() + 1);
    }

    void displayText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        // Expectations from python3: bytes.decode('utf-8', 'replace').
        QTest::addRow("ascii") << QByteArray("hello") << QStringLiteral("hello");
        QTest::addRow("utf-8") << QByteArray("caf\xc3\xa9") << QStringLiteral("caf\u00e9");
        QTest::addRow("emoji") << QByteArray("\xf0\x9f\x98\x80")
                               << QString::fromUcs4(U"\U0001F600", 1);
        QTest::addRow("bad byte") << QByteArray("a\xff"
                                                "b")
                                  << QStringLiteral("a\ufffdb");
        QTest::addRow("truncated") << QByteArray("\xe2\x82") << QStringLiteral("\ufffd");
        QTest::addRow("truncated 4") << QByteArray("\xf0\x9f\x98") << QStringLiteral("\ufffd");
        QTest::addRow("surrogate")
            << QByteArray("\xed\xa0\x80") << QStringLiteral("\ufffd\ufffd\ufffd");
        QTest::addRow("overlong") << QByteArray("\xc0\xaf") << QStringLiteral("\ufffd\ufffd");
        QTest::addRow("broken middle")
            << QByteArray("\xe2(\xa1") << QStringLiteral("\ufffd(\ufffd");
        QTest::addRow("above max")
            << QByteArray("\xf4\x90\x80\x80") << QStringLiteral("\ufffd\ufffd\ufffd\ufffd");
        QTest::addRow("nul") << QByteArray("a\0b", 3) << QStringLiteral("a\u2400b");
        QTest::addRow("tab kept") << QByteArray("a\tb") << QStringLiteral("a\tb");
        QTest::addRow("bell and del") << QByteArray("\x07\x7f") << QStringLiteral("\u2407\u2421");
        QTest::addRow("ansi") << QByteArray("\x1b[31mred\x1b[0m")
                              << QStringLiteral("\u241b[31mred\u241b[0m");
        QTest::addRow("progress") << QByteArray("10%\r55%\r100%") << QStringLiteral("100%");
        QTest::addRow("crlf") << QByteArray("line\r") << QStringLiteral("line");
        QTest::addRow("progress then cr") << QByteArray("1/3\r2/3\r") << QStringLiteral("2/3");
        QTest::addRow("only cr") << QByteArray("\r") << QString();
        QTest::addRow("empty") << QByteArray() << QString();
    }
    void displayText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(OutputLog::displayText(bytes), expected);
    }

    void fiveMillionShortLines()
    {
        OutputLog log;
        log.setLimits({100000, 1 << 20, 1 << 16});
        constexpr qsizetype kLines = 5000000;
        QByteArray chunk;
        for (int i = 0; i < 32768; ++i)
            chunk += "x\n";
        const qint64 heapBefore = heapInUse();
        for (qsizetype sent = 0; sent < kLines; sent += 32768) {
            const qsizetype lines = std::min<qsizetype>(32768, kLines - sent);
            log.append(Out, QByteArrayView(chunk).first(lines * 2));
        }
        QCOMPARE(log.totalLines(), kLines);
        QCOMPARE(log.lineCount(), 100000);
        QCOMPARE(log.droppedLines(), kLines - 100000);
        QCOMPARE(log.byteCount(), 200000);
        QCOMPARE(text(log, 0), QByteArray("x"));
        QCOMPARE(text(log, 99999), QByteArray("x"));
        if (heapBefore >= 0) {
            // The byte cap, one offset per kept line, and a few blocks of slack.
            const qint64 grown = heapInUse() - heapBefore;
            QVERIFY2(grown < (1 << 20) + 100000 * 8 + (1 << 20),
                     qPrintable(QString::number(grown)));
        }
    }

    void tenMegabytesWithoutNewline()
    {
        OutputLog log;
        log.setLimits({100000, 1 << 20, 1 << 16});
        SignalMirror mirror(&log);
        const QByteArray chunk(100000, 'y');
        const qint64 heapBefore = heapInUse();
        for (int i = 0; i < 100; ++i)
            log.append(Out, chunk);
        QVERIFY(log.byteCount() <= 1 << 20);
        QCOMPARE(log.totalLines(), (10000000 + 65535) / 65536); // cut at maxLineBytes
        QCOMPARE(log.line(log.lineCount() - 1).bytes.size(), 10000000 % 65536);
        QVERIFY(log.line(log.lineCount() - 1).partial);
        QCOMPARE(log.line(0).bytes.size(), 65536);
        QCOMPARE(mirror.rows, log.lineCount());
        if (heapBefore >= 0) {
            const qint64 grown = heapInUse() - heapBefore;
            QVERIFY2(grown < (1 << 20) + 512 * 1024, qPrintable(QString::number(grown)));
        }
    }

    void floodOfOddBytesStaysBounded()
    {
        OutputLog log;
        log.setLimits({100000, 256 * 1024, 1 << 16});
        QByteArray chunk;
        while (chunk.size() < 60000)
            chunk += bytesOf("\0\xff\x1b[2K\rprogress\r\xe2\x82\n");
        for (int i = 0; i < 200; ++i)
            log.append(i % 2 ? Out : Err, chunk);
        QVERIFY(log.byteCount() <= 256 * 1024);
        QCOMPARE(log.lineCount() + log.droppedLines(), log.totalLines());
        QCOMPARE(log.totalLines(), 200 * chunk.count('\n'));
        QCOMPARE(OutputLog::displayText(log.line(0).bytes), QStringLiteral("\ufffd"));
    }

    void randomAccessMatchesContent()
    {
        OutputLog log;
        log.setLimits({1000000, 1 << 30, 1 << 16});
        appendInChunks(log, Out, numberedLines(1, 200000), 50000);
        QCOMPARE(log.lineCount(), 200000);
        for (qsizetype i : {0, 1, 5000, 65535, 123456, 199999})
            QCOMPARE(text(log, i), QByteArray::number(i + 1));
    }
};

TWINRUN_TEST_MAIN(TstOutputLog)

#include "tst_outputlog.moc"
