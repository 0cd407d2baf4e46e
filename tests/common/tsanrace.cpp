// TSan builds only (tests/CMakeLists.txt, test tsan_sees_after_qprocess): a race made on purpose
// after a QProcess start, in a process with a second thread, must be reported. Without the
// clone() of cmake/tsanclone.cpp, TSan stopped seeing this thread's accesses once QProcess had
// started a child, and reported nothing.
#include <QCoreApplication>
#include <QProcess>

#include <atomic>
#include <cstdio>
#include <thread>

namespace {
long racyValue = 0; // written by main, read by the other thread: no lock, on purpose
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::atomic<bool> written{false}; // relaxed: no happens-before for TSan
    std::thread reader([&written] {
        while (!written.load(std::memory_order_relaxed))
            std::this_thread::yield();
        std::printf("tsanrace: read %ld\n", racyValue);
    });
    QProcess child;
    child.start(QStringLiteral("/bin/true"), {});
    if (!child.waitForFinished(30000)) {
        std::fprintf(stderr, "tsanrace: /bin/true did not run: %s\n",
                     qPrintable(child.errorString()));
        written.store(true, std::memory_order_relaxed);
        reader.join();
        return 2;
    }
    racyValue = 42;
    written.store(true, std::memory_order_relaxed);
    reader.join();
    return 0;
}
