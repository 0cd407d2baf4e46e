#include "testmain.h"
#include <twinrun/postedcalls.h>

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace twinrun;

namespace {
constexpr int kTimeout = 30000;

// One call that ran: who posted it, its number in that poster's order, and where it ran.
struct Ran {
    int poster = -1;
    int number = -1;
    QThread* thread = nullptr;
};

// Fails unless each poster's calls ran in that poster's order, from its first on.
void verifyEachPostersOrder(const QList<Ran>& ran, int posters)
{
    std::vector<int> next(std::size_t(posters), 0);
    for (const Ran& r : ran) {
        QVERIFY(r.poster >= 0 && r.poster < posters);
        QCOMPARE(r.number, next[std::size_t(r.poster)]);
        ++next[std::size_t(r.poster)];
    }
}

} // namespace

// PostedCalls (twinrun/postedcalls.h): calls posted from any thread run on the object's
// thread, in each poster's order; destroying it drops what is left and refuses later posts.
// Under ThreadSanitizer (TWINRUN_SANITIZE=thread) every hand-off here is checked: the lists
// the calls fill are touched on one thread only, so a missed hand-off is a race report.
class TstPostedCalls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void callsFromManyThreadsRunHereInEachPostersOrder()
    {
        constexpr int kPosters = 4;
        constexpr int kCalls = 300;
        PostedCalls calls;
        QList<Ran> ran; // this thread only
        std::atomic<int> refused = 0;
        std::vector<std::thread> posters;
        for (int p = 0; p < kPosters; ++p) {
            posters.emplace_back([&, p] {
                for (int n = 0; n < kCalls; ++n) {
                    if (!calls.post([&ran, p, n] { ran.append({p, n, QThread::currentThread()}); }))
                        ++refused;
                }
            });
        }
        for (std::thread& t : posters)
            t.join();
        QCOMPARE(refused.load(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(ran.size(), kPosters * kCalls, kTimeout);
        verifyEachPostersOrder(ran, kPosters);
        for (const Ran& r : std::as_const(ran))
            QCOMPARE(r.thread, QThread::currentThread());
    }

    // The object on a thread of its own, as the usage sampler's reader is: work posted there,
    // results posted back.
    void callsRunOnTheThreadItLivesOn()
    {
        constexpr int kCalls = 100;
        QThread thread;
        auto* remote = new PostedCalls;
        remote->moveToThread(&thread);
        thread.start();
        PostedCalls here;
        QList<Ran> ran; // this thread only
        for (int n = 0; n < kCalls; ++n) {
            QVERIFY(remote->post([&here, &ran, n] {
                QThread* const where = QThread::currentThread();
                here.post([&ran, n, where] { ran.append({0, n, where}); });
            }));
        }
        QTRY_COMPARE_WITH_TIMEOUT(ran.size(), kCalls, kTimeout);
        verifyEachPostersOrder(ran, 1);
        for (const Ran& r : std::as_const(ran))
            QCOMPARE(r.thread, &thread);
        thread.quit();
        QVERIFY(thread.wait(kTimeout));
        delete remote; // its thread has finished
    }

    // A call may destroy the object: the calls after it never run, and what they captured is
    // destroyed with the object.
    void aCallMayDestroyIt()
    {
        auto* calls = new PostedCalls;
        const PostedCalls::Poster poster = calls->poster();
        bool destroyed = false;
        bool ranAfter = false;
        auto token = std::make_shared<int>(0);
        const std::weak_ptr<int> watch = token;
        QVERIFY(calls->post([calls, &destroyed] {
            delete calls;
            destroyed = true;
        }));
        QVERIFY(calls->post([&ranAfter, token] { ranAfter = true; }));
        token.reset();
        QTRY_VERIFY_WITH_TIMEOUT(destroyed, kTimeout);
        QVERIFY(watch.expired()); // dropped with the object, never run
        QVERIFY(!ranAfter);
        QVERIFY(!poster.post([&ranAfter] { ranAfter = true; }));
        QCoreApplication::processEvents();
        QVERIFY(!ranAfter);
    }

    // Destroyed with calls still queued: they are destroyed without running; a Poster kept
    // refuses calls from then on, and destroys them on the posting thread.
    void destroyingDropsTheCallsLeft()
    {
        auto* calls = new PostedCalls;
        const PostedCalls::Poster poster = calls->poster();
        int ran = 0;
        auto token = std::make_shared<int>(0);
        for (int n = 0; n < 3; ++n)
            QVERIFY(calls->post([&ran, token] { ++ran; }));
        QCOMPARE(token.use_count(), 4);
        delete calls; // before this thread's event loop ran any of them
        QCOMPARE(token.use_count(), 1);
        QVERIFY(!poster.post([&ran, token] { ++ran; }));
        QCOMPARE(token.use_count(), 1);
        QVERIFY(!PostedCalls::Poster().post([&ran] { ++ran; })); // a poster of nothing
        QCoreApplication::processEvents();
        QCOMPARE(ran, 0);
    }

    // Threads post through Posters while the object is destroyed under them: each call is
    // accepted (and then runs, in its poster's order, or is dropped) or refused; once refused,
    // always refused; every call is destroyed in the end, run or not.
    void postingWhileItIsDestroyed()
    {
        constexpr int kPosters = 3;
        constexpr int kFlood = 2000; // calls posted at full speed, then one per time slice
        auto* calls = new PostedCalls;
        QList<Ran> ran; // this thread only
        auto token = std::make_shared<int>(0);
        const std::weak_ptr<int> watch = token;
        std::vector<int> accepted(kPosters, 0); // each by its own poster, read once joined
        std::atomic<int> acceptedAfterRefusal = 0;
        std::vector<std::thread> posters;
        for (int p = 0; p < kPosters; ++p) {
            posters.emplace_back([&, p, token, poster = calls->poster()] {
                int& n = accepted[std::size_t(p)];
                while (poster.post([&ran, p, number = n, token] {
                    ran.append({p, number, QThread::currentThread()});
                })) {
                    if (++n >= kFlood)
                        std::this_thread::yield();
                }
                for (int again = 0; again < 10; ++again) {
                    if (poster.post([token] {}))
                        ++acceptedAfterRefusal;
                }
            });
        }
        token.reset();
        QTRY_VERIFY_WITH_TIMEOUT(ran.size() >= 100, kTimeout); // some ran, more are queued
        delete calls;
        for (std::thread& t : posters)
            t.join();
        QCOMPARE(acceptedAfterRefusal.load(), 0);
        verifyEachPostersOrder(ran, kPosters);
        for (const Ran& r : std::as_const(ran)) {
            QVERIFY(r.number < accepted[std::size_t(r.poster)]);
            QCOMPARE(r.thread, QThread::currentThread());
        }
        QVERIFY(watch.expired()); // every call destroyed, run, dropped or refused
    }
};

TWINRUN_TEST_MAIN(TstPostedCalls)

#include "tst_postedcalls.moc"
