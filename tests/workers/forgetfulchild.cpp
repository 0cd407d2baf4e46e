// A program that makes itself the worker program but forgets twinrun::runWorkerIfChild():
// what a library user's endless fork looked like. tst_workerprogram runs it.
//
// Its own guard, independent of the library's: TWINRUN_TEST_DEPTH counts generations, and a
// third generation exits at once with 99, so even a broken library guard cannot run away.
#include <twinrun/worker.h>
#include <twinrun/workerfactory.h>
#include <twinrun/workerprogram.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char** argv)
{
    const int depth = qEnvironmentVariableIntValue("TWINRUN_TEST_DEPTH");
    if (depth >= 2)
        return 99;
    qputenv("TWINRUN_TEST_DEPTH", QByteArray::number(depth + 1));

    QCoreApplication app(argc, argv);
    twinrun::setWorkerProgram(QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget());
    twinrun::WorkerSpec spec;
    spec.target = QStringLiteral("noop");
    twinrun::Worker* worker = twinrun::createWorker(twinrun::Backend::Process, spec, &app);
    // The child's own report reaches this program's stderr through its worker's output.
    QObject::connect(worker, &twinrun::Worker::output, worker,
                     [](twinrun::Channel, const QByteArray& bytes) {
                         std::fwrite(bytes.constData(), 1, bytes.size(), stderr);
                     });
    (void)worker->start();
    (void)worker->join(60000);
    std::fprintf(stderr, "generation %d: %s, exit code %d: %s\n", depth,
                 qPrintable(twinrun::Worker::stateName(worker->state())),
                 worker->exitCode().value_or(-1000), qPrintable(worker->errorString()));
    return worker->state() == twinrun::Worker::State::FailedToStart ? 3 : 0;
}
