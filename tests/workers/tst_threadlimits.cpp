#include "testmain.h"
#include "testvalues.h"
#include "warmthreads.h"
#include "workerrecorder.h"
#include <twinrun/workerfactory.h>

#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>
#include <vector>

#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sanitized.h"

using namespace twinrun;
using namespace testvalues;
using State = Worker::State;

namespace {

constexpr int kTimeout = 20000;

WorkerSpec seedSpec()
{
    return testvalues::workerSpec(QStringLiteral("faz_algo"), {i(1), f(1.5), s("Edson")});
}

// Lowers a resource's soft limit while it lives; the hard limit stays, so it can be restored.
class LoweredLimit {
public:
    using Resource = decltype(RLIMIT_AS);
    LoweredLimit(Resource resource, rlim_t soft)
        : m_resource(resource)
    {
        rlimit lowered{};
        m_ok = ::getrlimit(resource, &m_old) == 0 && soft < m_old.rlim_cur;
        lowered.rlim_cur = soft;
        lowered.rlim_max = m_old.rlim_max;
        m_ok = m_ok && ::setrlimit(resource, &lowered) == 0;
    }
    ~LoweredLimit()
    {
        if (m_ok)
            ::setrlimit(m_resource, &m_old);
    }
    LoweredLimit(const LoweredLimit&) = delete;
    LoweredLimit& operator=(const LoweredLimit&) = delete;
    bool ok() const { return m_ok; }

private:
    Resource m_resource;
    rlimit m_old{};
    bool m_ok = false;
};

// Takes every free file descriptor below the soft limit while it lives.
class FdHog {
public:
    FdHog()
    {
        for (;;) {
            const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                break;
            m_fds.push_back(fd);
        }
        m_exhausted = errno == EMFILE;
    }
    ~FdHog()
    {
        for (int fd : m_fds)
            ::close(fd);
    }
    FdHog(const FdHog&) = delete;
    FdHog& operator=(const FdHog&) = delete;
    bool exhausted() const { return m_exhausted; }

private:
    std::vector<int> m_fds;
    bool m_exhausted = false;
};

int highestOpenFd()
{
    int highest = 2;
    const QStringList fds =
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries);
    for (const QString& fd : fds)
        highest = std::max(highest, fd.toInt());
    return highest;
}

rlim_t addressSpaceInUse()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<rlim_t>(statm.readAll().split(' ').value(0).toULongLong()) *
           static_cast<rlim_t>(::sysconf(_SC_PAGESIZE));
}

std::size_t defaultThreadStackSize()
{
    pthread_attr_t attr;
    std::size_t size = 0;
    if (::pthread_getattr_default_np(&attr) == 0) {
        ::pthread_attr_getstacksize(&attr, &size);
        ::pthread_attr_destroy(&attr);
    }
    return size;
}

} // namespace

// Thread workers when the process runs short of what threads need: a launch that cannot get a
// thread fails to start (never hangs in Starting, never aborts the app), and a launch needs no
// file descriptor at all. Its own binary: nothing else here runs thread workers, so which warm
// threads are idle is known. (Issue 8, items 3 and 5.)
class TstThreadLimits : public QObject {
    Q_OBJECT

    std::vector<std::unique_ptr<Worker>> m_sleepers;

    // Makes every warm thread busy with a sleeping worker: the next launch must create a thread.
    void occupyWarmThreads()
    {
        while (WarmThreads::instance().threadCount() > static_cast<int>(m_sleepers.size())) {
            m_sleepers.emplace_back(
                createWorker(Backend::Thread, testvalues::workerSpec("sleep", {f(60)})));
            Worker* w = m_sleepers.back().get();
            QVERIFY(w->start());
            QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
        }
        QCOMPARE(WarmThreads::instance().idleCount(), 0);
    }

private Q_SLOTS:
    void cleanup()
    {
        for (const auto& w : m_sleepers) {
            QVERIFY(w->terminate());
            QVERIFY(w->join(kTimeout));
            QCOMPARE(w->state(), State::Terminated);
        }
        m_sleepers.clear();
    }

    // With every file descriptor taken, a new thread still starts and runs its target: a thread
    // launch needs none (a QThread would need an eventfd and abort the app without one).
    void launchWithoutFreeFileDescriptors()
    {
#ifdef TWINRUN_SANITIZED
        QSKIP("the sanitizer runtimes need free file descriptors themselves (sanitized.h)");
#endif
        occupyWarmThreads();
        if (QTest::currentTestFailed())
            return;
        const int threadsBefore = WarmThreads::instance().threadCount();
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, seedSpec()));
        WorkerRecorder rec(w.get());
        {
            LoweredLimit limit(RLIMIT_NOFILE, static_cast<rlim_t>(highestOpenFd()) + 16);
            QVERIFY(limit.ok());
            FdHog hog;
            QVERIFY(hog.exhausted());
            int fds[2];
            QCOMPARE(::pipe(fds), -1); // really none left
            QVERIFY(w->start());
            QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        }
        QCOMPARE(WarmThreads::instance().threadCount(), threadsBefore + 1); // made a thread
        QCOMPARE(w->state(), State::Finished);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Finished}));
        QCOMPARE(rec.out, kSeedOutput);
    }

    // Issue 8 item 10: a process worker without a free descriptor fails to start, and says why
    // (EMFILE), not "No such file or directory"; spawn and the fork server alike.
    void processLaunchWithoutFreeFileDescriptors_data()
    {
        QTest::addColumn<StartMethod>("method");
        QTest::newRow("spawn") << StartMethod::Spawn;
        QTest::newRow("forkserver") << StartMethod::ForkServer;
    }
    void processLaunchWithoutFreeFileDescriptors()
    {
#ifdef TWINRUN_SANITIZED
        QSKIP("the sanitizer runtimes need free file descriptors themselves (sanitized.h)");
#endif
        QFETCH(StartMethod, method);
        WorkerSpec ws = seedSpec();
        ws.startMethod = method;
        std::unique_ptr<Worker> w(createWorker(Backend::Process, ws));
        WorkerRecorder rec(w.get());
        {
            LoweredLimit limit(RLIMIT_NOFILE, static_cast<rlim_t>(highestOpenFd()) + 16);
            QVERIFY(limit.ok());
            FdHog hog;
            QVERIFY(hog.exhausted());
            (void)w->start();
            QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        }
        QCOMPARE(w->state(), State::FailedToStart);
        QVERIFY2(w->errorString().contains(QStringLiteral("Too many open files")),
                 qPrintable(w->errorString()));
        // And with descriptors back, the next launch works.
        std::unique_ptr<Worker> next(createWorker(Backend::Process, ws));
        WorkerRecorder nextRec(next.get());
        QVERIFY(next->start());
        QTRY_COMPARE_WITH_TIMEOUT(nextRec.finishedCount, 1, kTimeout);
        QCOMPARE(next->state(), State::Finished);
        QCOMPARE(nextRec.out, kSeedOutput);
    }

    // The system refuses the thread (its stack does not fit the address-space limit, as it would
    // not fit a process out of memory or a user out of threads): the worker fails to start, at
    // before start() returns, with the reason, and the next launch works.
    void threadThatCannotBeCreatedFailsToStart()
    {
#ifdef TWINRUN_SANITIZED
        QSKIP("sanitizers reserve address space at will: RLIMIT_AS would break them");
#endif
        occupyWarmThreads();
        if (QTest::currentTestFailed())
            return;
        const int threadsBefore = WarmThreads::instance().threadCount();
        const std::size_t stack = defaultThreadStackSize();
        QVERIFY2(stack >= 256 * 1024, "the default thread stack is too small for this test");
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, seedSpec()));
        WorkerRecorder rec(w.get());
        Status started = Status::ok();
        {
            // Room for this thread's small allocations, not for a new thread's stack.
            LoweredLimit limit(RLIMIT_AS, addressSpaceInUse() + stack / 2);
            QVERIFY(limit.ok());
            started = w->start();
        }
        QVERIFY2(started, qPrintable(started.message())); // a launch failure is an outcome
        QCOMPARE(w->state(), State::FailedToStart);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::FailedToStart}));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.startedCount, 0);
        QVERIFY(!w->exitCode());
        QVERIFY2(w->errorString().contains(QStringLiteral("refused a new thread")),
                 qPrintable(w->errorString()));
        QVERIFY(!w->isAlive());
        QVERIFY(w->join(0));
        QVERIFY(!w->terminate());
        QCOMPARE(WarmThreads::instance().threadCount(), threadsBefore);

        std::unique_ptr<Worker> next(createWorker(Backend::Thread, seedSpec()));
        WorkerRecorder nextRec(next.get());
        QVERIFY(next->start());
        QVERIFY(next->join(kTimeout));
        QCOMPARE(next->state(), State::Finished);
        QCOMPARE(nextRec.out, kSeedOutput);
    }
};

TWINRUN_TEST_MAIN(TstThreadLimits)
#include "tst_threadlimits.moc"
