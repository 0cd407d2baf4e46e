// `twinrun bench`'s command-line memory (bench/clibench.cpp, bench/childpeak.h): the peak RSS
// reported for a child is its own, not the spawning process's high-water mark that Linux
// carries into the child's ru_maxrss at exec. Every case first raises this process's own peak
// well above what the children use, so a figure inherited from it cannot pass.
#include "testmain.h"

#include "benchparts.h"
#include "childpeak.h"
#include "sanitized.h"

#include <twinrun/resourceusage.h>

#include <QJsonArray>
#include <QStandardPaths>

#include <cstdlib>

#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace twinrun;
using namespace std::chrono_literals;

namespace {

constexpr double kOwnPeakMb = 160;

double ownPeakMb()
{
    return UsageProbe{UsageProbe::Kind::Process, QCoreApplication::applicationPid()}
               .read()
               .peakRssKb /
           1024.0;
}

// Touches every page of kOwnPeakMb and gives it back: this process's VmHWM stays up there.
void raiseOwnPeak()
{
    const size_t size = size_t(kOwnPeakMb) << 20;
    auto* bytes = static_cast<volatile char*>(std::malloc(size));
    QVERIFY(bytes);
    for (size_t i = 0; i < size; i += 4096)
        bytes[i] = 1;
    std::free(const_cast<char*>(bytes));
}

// Whether this machine lets a child be traced by its parent (a seccomp filter or Yama's
// ptrace_scope 3 may refuse): asked of a child that only tries.
bool tracingAllowed()
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) == 0 ? 0 : 1);
    int status = 0;
    return pid > 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

bench::ChildPeak sh(const QByteArray& script)
{
    return bench::runToPeak("/bin/sh", {"-c", script}, 60s);
}

} // namespace

class TstCliBench : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!tracingAllowed())
            QSKIP("this machine refuses PTRACE_TRACEME: the figures are upper bounds here");
        raiseOwnPeak();
        QVERIFY2(ownPeakMb() >= kOwnPeakMb, qPrintable(QString::number(ownPeakMb())));
    }

    void smallChildHasASmallPeak()
    {
        const bench::ChildPeak peak = sh("exit 3");
        QVERIFY(peak.started);
        QCOMPARE(peak.exitStatus, 3);
        QVERIFY(peak.exact);
        QVERIFY2(peak.peakRssMb > 0 && peak.peakRssMb < 20,
                 qPrintable(QString::number(peak.peakRssMb)));
    }

    void childsOwnAllocationIsCounted()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        const bench::ChildPeak peak =
            bench::runToPeak(python.toLocal8Bit(), {"-c", "b = b'x' * (64 << 20)"}, 60s);
        QCOMPARE(peak.exitStatus, 0);
        QVERIFY(peak.exact);
        QVERIFY2(peak.peakRssMb >= 64 && peak.peakRssMb < 120,
                 qPrintable(QString::number(peak.peakRssMb)));
    }

    void signalsArePassedOn()
    {
        QCOMPARE(sh("trap 'exit 5' USR1; kill -USR1 $$; exit 0").exitStatus, 5);
        const bench::ChildPeak killed = sh("kill -TERM $$; exit 0");
        QCOMPARE(killed.exitStatus, 128 + SIGTERM);
        QVERIFY(killed.exact);
    }

    // grep exits 0 when its own TracerPid is 0: run by the traced shell as a child, it is not
    // traced; exec'd in its place, it is (so the check itself can fail).
    void onlyTheChildIsTraced()
    {
        const QByteArray untraced = "grep -q '^TracerPid:[[:space:]]*0$' /proc/self/status";
        QCOMPARE(sh(untraced + "; exit $?").exitStatus, 0);
        QCOMPARE(sh("exec " + untraced).exitStatus, 1);
    }

    void timeoutKills()
    {
        const bench::ChildPeak peak = bench::runToPeak("/bin/sleep", {"60"}, 100ms);
        QVERIFY(peak.started);
        QCOMPARE(peak.exitStatus, 128 + SIGKILL);
    }

    void missingProgramIsNotStarted()
    {
        const bench::ChildPeak peak = bench::runToPeak("/nonexistent/twinrun", {}, 60s);
        QVERIFY(!peak.started);
    }

    // The bench's figure for `twinrun run flood` in every mode: the CLI's own peak, well below
    // this process's, and below a generous bound.
    void cliPeakIsPlausible()
    {
#ifdef TWINRUN_SANITIZED
        QSKIP("the sanitizer runtime's own memory would be what is measured");
#endif
        const QString twinrun = qEnvironmentVariable("TWINRUN_BINARY");
        if (twinrun.isEmpty())
            QSKIP("TWINRUN_BINARY is not set (run through ctest)");
        bench::Options o;
        o.memoryLines = 200000;
        const QJsonObject cli = bench::cliMemory(o, twinrun);
        const QJsonArray runs = cli[QStringLiteral("runs")].toArray();
        QCOMPARE(runs.size(), 4);
        QVERIFY(cli[QStringLiteral("peak_rss_exact")].toBool());
        for (const QJsonValue& v : runs) {
            const QJsonObject run = v.toObject();
            const double mb = run[QStringLiteral("peak_rss_mb")].toDouble();
            const QString what =
                run[QStringLiteral("name")].toString() + QStringLiteral(": %1 MB").arg(mb);
            QCOMPARE(run[QStringLiteral("exit_status")].toInt(), 0);
            QVERIFY2(run[QStringLiteral("peak_rss_exact")].toBool(), qPrintable(what));
            QVERIFY2(mb > 1 && mb < 80 && mb < ownPeakMb() / 2, qPrintable(what));
        }
    }
};

TWINRUN_TEST_MAIN(TstCliBench)
#include "tst_clibench.moc"
