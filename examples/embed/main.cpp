// embed: runs a built-in target and a target of its own, each as a thread and as a process,
// through an installed TwinRun (find_package(TwinRun), TwinRun::Workers).
#include <twinrun/target.h>
#include <twinrun/version.h>
#include <twinrun/worker.h>
#include <twinrun/workercontext.h>
#include <twinrun/workerfactory.h>
#include <twinrun/workerprogram.h>

#include <QCoreApplication>

#include <cstdio>

namespace {

// A target of this program's own: greet(who: str, times: int = 1).
void registerGreet()
{
    twinrun::Target greet;
    greet.name = QStringLiteral("embed.greet");
    greet.description = QStringLiteral("greets someone, a number of times");
    greet.signature.params = {
        {QStringLiteral("who"), twinrun::Param::Kind::Positional, {twinrun::Value::Type::Str}, {}},
        {QStringLiteral("times"),
         twinrun::Param::Kind::Positional,
         {twinrun::Value::Type::Int},
         twinrun::Value::fromInt(1)},
    };
    greet.run = [](twinrun::WorkerContext& context, const twinrun::BoundArgs& args) {
        for (std::int64_t i = 0; i < args[QStringLiteral("times")].toInt(); ++i)
            context.print(QStringLiteral("Olá, %1, from a %2")
                              .arg(args[QStringLiteral("who")].str(), context.identity().backend));
        return 0;
    };
    twinrun::TargetRegistry::instance().add(greet);
}

// Runs the call on one backend, printing its output; false if it did not finish with 0.
bool run(twinrun::Backend backend, const twinrun::WorkerSpec& spec)
{
    twinrun::Worker* worker = twinrun::createWorker(backend, spec, qApp);
    QObject::connect(worker, &twinrun::Worker::output, worker,
                     [](twinrun::Channel, const QByteArray& bytes) {
                         std::fwrite(bytes.constData(), 1, bytes.size(), stdout);
                     });
    if (const twinrun::Status started = worker->start(); !started) {
        std::fprintf(stderr, "embed: %s\n", qPrintable(started.message()));
        return false;
    }
    (void)worker->join(); // fine outside a GUI: this program has no window to keep alive
    std::fflush(stdout);
    return worker->exitCode() == 0;
}

} // namespace

int main(int argc, char** argv)
{
    // Registered before the child check: the process child looks the target up by name.
    registerGreet();
    // Python's freeze_support(): a process worker's child stops here; otherwise this program
    // becomes its own worker program, so its process workers know embed.greet.
    twinrun::runWorkerIfChild(argc, argv);

    QCoreApplication app(argc, argv);
    std::printf("TwinRun %s\n", twinrun::libraryVersion());

    twinrun::WorkerSpec seed;
    seed.target = QStringLiteral("faz_algo");
    seed.args = {twinrun::Value::fromInt(1), twinrun::Value::fromFloat(1.5),
                 twinrun::Value::fromStr(QStringLiteral("Edson"))};
    twinrun::WorkerSpec greet;
    greet.target = QStringLiteral("embed.greet");
    greet.args = {twinrun::Value::fromStr(QStringLiteral("Edson")), twinrun::Value::fromInt(2)};

    bool ok = true;
    for (const twinrun::WorkerSpec& spec : {seed, greet})
        for (twinrun::Backend backend : {twinrun::Backend::Thread, twinrun::Backend::Process})
            ok = run(backend, spec) && ok;
    return ok ? 0 : 1;
}
