#include "cli.h"

#include "benchcommand.h"
#include "clitext.h"
#include "commandline.h"
#include "paritycommand.h"
#include "pluginoptions.h"
#include "runcommand.h"
#include "runrequest.h"
#include <twinrun/echo.h>
#include <twinrun/launchspec.h>
#include <twinrun/runtext.h>
#include <twinrun/target.h>
#include <twinrun/version.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>

namespace twinrun {

namespace {

const QString kProgram = QStringLiteral("twinrun");

QString mainHelp()
{
    const auto row = [](const QString& name, const QString& text, int width) {
        return QStringLiteral("  %1%2\n").arg(name, -width).arg(text);
    };
    const auto command = [&row](const QString& name, const QString& text) {
        return row(name, text, 11);
    };
    const auto option = [&row](const char* names, const QString& text) {
        return row(QLatin1String(names), text, 15);
    };
    return CliText::tr("Usage: twinrun [COMMAND] [OPTIONS]") + QLatin1Char('\n') +
           CliText::tr("Runs one function as a thread or as a process through one API, like "
                       "Python's\nthreading.Thread and multiprocessing.Process, and compares the "
                       "two.") +
           QStringLiteral("\n\n") + CliText::tr("Commands:") + QLatin1Char('\n') +
           command(CliText::tr("(none)"),
                   CliText::tr("open the window; without a display, run the demo instead")) +
           command(QStringLiteral("run"),
                   CliText::tr("run a target: twinrun run TARGET [ARG ...] [--as "
                               "thread|process|both]")) +
           command(QStringLiteral("targets"),
                   CliText::tr("list the targets with their signatures and descriptions "
                               "(plugins too)")) +
           command(QStringLiteral("demo"),
                   CliText::tr("run the seed example faz_algo(1, 1.5, 'Edson') as a thread and a "
                               "process")) +
           command(QStringLiteral("bench"),
                   CliText::tr("measure launch cost and output throughput of both backends")) +
           QLatin1Char('\n') + CliText::tr("Options:") + QLatin1Char('\n') +
           option("-h, --help", CliText::tr("show this help (twinrun COMMAND --help: that "
                                            "command's)")) +
           option("-v, --version", CliText::tr("show the version")) + QLatin1Char('\n') +
           CliText::tr("Examples:") +
           QStringLiteral("\n"
                          "  twinrun run faz_algo 1 1.5 Edson --as both\n"
                          "  twinrun run count 5 --kwarg delay=0.2 --as process\n"
                          "  twinrun run faz_algo --as process -- -5 1.5\n"
                          "  twinrun run --plugin ./libprimes.so primes.count_below 1000 --as "
                          "both\n");
}

QJsonObject targetJson(const Target& t)
{
    static const char* kinds[] = {"positional", "var_positional", "keyword_only", "var_keyword"};
    QJsonArray params;
    for (const Param& p : t.signature.params) {
        QJsonArray types;
        for (Value::Type type : p.types)
            types.append(Value::typeName(type));
        QJsonObject param{{QStringLiteral("name"), p.name},
                          {QStringLiteral("kind"), QLatin1String(kinds[int(p.kind)])},
                          {QStringLiteral("types"), types}};
        if (p.defaultValue)
            param.insert(QStringLiteral("default"), p.defaultValue->toJson());
        params.append(param);
    }
    QJsonObject json{{QStringLiteral("name"), t.name},
                     {QStringLiteral("signature"), t.signature.toString(t.name)},
                     {QStringLiteral("description"), t.description},
                     {QStringLiteral("params"), params},
                     {QStringLiteral("process_only"), !t.threadRefusal.isEmpty()},
                     {QStringLiteral("deterministic"), t.deterministic}};
    if (!t.plugin.isEmpty())
        json.insert(QStringLiteral("plugin"), t.plugin);
    return json;
}

int targetsCommand(const QStringList& arguments)
{
    CommandParser parser(QStringLiteral("targets"),
                         CliText::tr("Lists the targets a worker can run."));
    const QCommandLineOption json(QStringLiteral("json"), CliText::tr("Print a JSON array."));
    const QCommandLineOption plugin = pluginOption();
    parser.addOptions({json, plugin});
    if (const std::optional<int> ended = parser.parseOrEnd(arguments))
        return *ended;
    if (const QString refused = loadPluginFiles(parser.values(plugin)); !refused.isEmpty())
        return usageError(parser.context(), refused);
    loadAllPlugins();
    const QList<const Target*> targets = TargetRegistry::instance().targets();
    if (parser.isSet(json)) {
        QJsonArray all;
        for (const Target* t : targets)
            all.append(targetJson(*t));
        printOut(QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Indented)));
        return 0;
    }
    for (const Target* t : targets) {
        QString line = t->signature.toString(t->name);
        if (!t->threadRefusal.isEmpty())
            line += QStringLiteral("  [%1]").arg(CliText::tr("process only"));
        if (!t->plugin.isEmpty())
            line += QStringLiteral("  [%1]").arg(CliText::tr("plugin %1").arg(t->plugin));
        printOut(line + QStringLiteral("\n    ") + targetDescriptionText(*t) + QLatin1Char('\n'));
    }
    return 0;
}

struct RunOptions {
    QCommandLineOption as{QStringLiteral("as"),
                          CliText::tr("Backend: thread (default), process or both."),
                          QStringLiteral("backend"), QStringLiteral("thread")};
    QCommandLineOption kwarg{QStringLiteral("kwarg"),
                             CliText::tr("A keyword argument, KEY=VALUE (repeatable)."),
                             QStringLiteral("KEY=VALUE")};
    QCommandLineOption name{QStringLiteral("name"),
                            CliText::tr("The worker's name (default: Thread-N (target) or "
                                        "Process-N)."),
                            QStringLiteral("NAME")};
    QCommandLineOption daemon{QStringLiteral("daemon"),
                              CliText::tr("Mark the worker as a daemon (recorded in the spec "
                                          "and the JSON; run waits for it anyway).")};
    QCommandLineOption startMethod{
        QStringLiteral("start-method"),
        CliText::tr("How a process worker starts: spawn (default: re-run twinrun) or "
                    "forkserver (fork a warm helper)."),
        QStringLiteral("method"), QStringLiteral("spawn")};
    QCommandLineOption spec{QStringLiteral("spec"),
                            CliText::tr("Run the launch spec (preset) saved in FILE, as the "
                                        "window saves it, instead of TARGET and ARGs."),
                            QStringLiteral("FILE")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               CliText::tr("Stop the worker after SECONDS; exit 124."),
                               QStringLiteral("SECONDS")};
    QCommandLineOption json{QStringLiteral("json"),
                            CliText::tr("Print one JSON object per worker, nothing else.")};
    QCommandLineOption python{QStringLiteral("python"),
                              CliText::tr("Also run the call with CPython's threading.Thread "
                                          "and/or multiprocessing.Process and compare all "
                                          "runs (needs python3).")};
    QCommandLineOption pythonExe{QStringLiteral("python-exe"),
                                 CliText::tr("With --python: the Python interpreter to use "
                                             "(default: python3 on PATH)."),
                                 QStringLiteral("PATH")};
    QCommandLineOption plugin = pluginOption();
};

// --python: the setup to run CPython with, or the message saying what is missing.
QString pythonFor(const QCommandLineParser& parser, const RunOptions& o, const RunRequest& request,
                  PythonSetup* setup)
{
    if (!parser.isSet(o.python))
        return parser.isSet(o.pythonExe) ? CliText::tr("--python-exe: only with --python")
                                         : QString();
    if (const QString refusal = pythonTwinRefusal(request.spec.target); !refusal.isEmpty())
        return QStringLiteral("--python: %1").arg(refusal);
    *setup = PythonSetup::locate(parser.value(o.pythonExe));
    return setup->isUsable() ? QString() : QStringLiteral("--python: %1").arg(setup->error);
}

// TARGET, ARGs and the options that describe the call; returns what is wrong, or "".
QString requestFromArguments(const QCommandLineParser& parser, const RunOptions& o,
                             RunRequest* request)
{
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return CliText::tr("missing TARGET (known: %1)")
            .arg(TargetRegistry::instance().names().join(QStringLiteral(", ")));
    request->spec.target = positional.takeFirst();
    for (qsizetype i = 0; i < positional.size(); ++i) {
        const ValueParseResult parsed = Value::parse(positional[i]);
        if (!parsed)
            return QStringLiteral("ARG %1: %2").arg(i + 1).arg(parsed.error);
        request->spec.args << *parsed.value;
    }
    QSet<QString> keys;
    for (const QString& item : parser.values(o.kwarg)) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString key = item.left(eq);
        if (eq < 0 || !isIdentifier(key))
            return CliText::tr("--kwarg %1: expected KEY=VALUE with KEY a Python identifier")
                .arg(echoInput(item));
        if (keys.contains(key))
            return CliText::tr("--kwarg %1: keyword %2 given more than once")
                .arg(echoInput(item), echoInput(key));
        keys.insert(key);
        const ValueParseResult parsed = Value::parse(item.mid(eq + 1));
        if (!parsed)
            return QStringLiteral("--kwarg %1: %2").arg(echoInput(item), parsed.error);
        request->spec.kwargs.append({key, *parsed.value});
    }
    request->spec.name = parser.value(o.name);
    if (parser.isSet(o.name) && request->spec.name.isEmpty())
        return CliText::tr("--name: expected a non-empty name");
    request->spec.daemon = parser.isSet(o.daemon);

    const std::optional<StartMethod> method = startMethodFromName(parser.value(o.startMethod));
    if (!method)
        return CliText::tr("--start-method %1: expected spawn or forkserver")
            .arg(echoInput(parser.value(o.startMethod)));
    request->spec.startMethod = *method;

    const std::optional<LaunchSpec::Mode> mode = LaunchSpec::modeFromName(parser.value(o.as));
    if (!mode)
        return CliText::tr("--as %1: expected thread, process or both")
            .arg(echoInput(parser.value(o.as)));
    request->backends = LaunchSpec{request->spec, *mode}.backends();
    return {};
}

// --spec FILE: the whole call from a saved launch spec; returns what is wrong, or "".
QString requestFromFile(const QCommandLineParser& parser, const RunOptions& o, RunRequest* request)
{
    const QString path = echoInput(parser.value(o.spec));
    if (!parser.positionalArguments().isEmpty())
        return CliText::tr("--spec %1 already says what to run: drop TARGET and ARGs").arg(path);
    for (const QCommandLineOption* option : {&o.as, &o.kwarg, &o.name, &o.daemon, &o.startMethod}) {
        if (parser.isSet(*option))
            return CliText::tr("--spec %1 already says what to run: drop --%2")
                .arg(path, option->names().constFirst());
    }
    QString error;
    const std::optional<LaunchSpec> launch = readLaunchSpecFile(parser.value(o.spec), &error);
    if (!launch)
        return QStringLiteral("--spec %1: %2").arg(path, error);
    request->spec = launch->worker;
    request->backends = launch->backends();
    return {};
}

int runCommand(const QStringList& arguments)
{
    CommandParser parser(
        QStringLiteral("run"),
        CliText::tr(
            "Runs TARGET with ARGs (Python literals: 1, 1.5, 'text', True, None, (1, 2); a bare "
            "word\nis a str) as a thread, a process or both. The target's stdout and stderr pass "
            "through\nunchanged. Exit status: the worker's exit code; 128+N when a process died by "
            "signal N;\n124 when --timeout ran out; 130/143 on SIGINT/SIGTERM; 2 for bad usage. A "
            "negative\nnumber is an ARG (-5, -1.5); put -- before other ARGs that start with "
            "'-'."));
    parser.addPositionalArgument(QStringLiteral("TARGET"),
                                 CliText::tr("The target to run (see 'twinrun targets')."));
    parser.addPositionalArgument(QStringLiteral("ARG"), CliText::tr("Positional arguments."),
                                 QStringLiteral("[ARG ...]"));
    const RunOptions o;
    parser.addOptions({o.as, o.kwarg, o.name, o.daemon, o.startMethod, o.spec, o.timeout, o.json,
                       o.python, o.pythonExe, o.plugin});
    const QStringList ordered =
        negativeNumbersAsArguments(arguments, {o.as, o.kwarg, o.name, o.startMethod, o.spec,
                                               o.timeout, o.pythonExe, o.plugin});
    if (const std::optional<int> ended = parser.parseOrEnd(ordered, true))
        return *ended;
    const QString context = parser.context();
    if (const QString refused = loadPluginFiles(parser.values(o.plugin)); !refused.isEmpty())
        return usageError(context, refused);

    RunRequest request;
    QString error = parser.isSet(o.spec) ? requestFromFile(parser, o, &request)
                                         : requestFromArguments(parser, o, &request);
    if (error.isEmpty())
        error = loadPluginOfTarget(&request.spec);
    if (!error.isEmpty())
        return usageError(context, error);
    request.json = parser.isSet(o.json);
    if (parser.isSet(o.timeout)) {
        bool ok = false;
        const double seconds = parser.value(o.timeout).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 1e7)
            return usageError(context, CliText::tr("--timeout %1: expected a number of "
                                                   "seconds greater than 0")
                                           .arg(echoInput(parser.value(o.timeout))));
        request.timeoutSeconds = seconds;
    }

    const PreparedCall call =
        prepareCall(request.spec.target, request.spec.args, request.spec.kwargs,
                    request.backends.contains(Backend::Thread));
    if (!call)
        return usageError(context, call.error);
    // Refused here, where the user gave it, rather than by the child.
    if (const Status size = checkWorkerSpecSize(request.spec); !size)
        return usageError(context, size.message());
    PythonSetup python;
    if (const QString problem = pythonFor(parser, o, request, &python); !problem.isEmpty())
        return usageError(context, problem);
    if (python.isUsable() && parser.isSet(o.python)) {
        ParityCommand parity(request, python);
        return parity.exec();
    }

    RunCommand run(request);
    return run.exec();
}

int demoCommand(const QStringList& arguments)
{
    CommandParser parser(QStringLiteral("demo"),
                         CliText::tr("Runs the seed's example, faz_algo(1, 1.5, 'Edson'), as a "
                                     "thread and as a process (twinrun run faz_algo 1 1.5 Edson "
                                     "--as both)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CliText::tr("Print one JSON object per worker, nothing else."));
    parser.addOption(json);
    if (const std::optional<int> ended = parser.parseOrEnd(arguments))
        return *ended;
    if (!parser.isSet(json)) {
        printOut(CliText::tr("TwinRun demo: faz_algo(1, 1.5, 'Edson') as a thread and as a "
                             "process, like the\nseed's threading.Thread / "
                             "multiprocessing.Process example.") +
                 QStringLiteral("\n\n"));
        std::fflush(stdout);
    }
    QStringList run{QStringLiteral("faz_algo"), QStringLiteral("1"),    QStringLiteral("1.5"),
                    QStringLiteral("Edson"),    QStringLiteral("--as"), QStringLiteral("both")};
    if (parser.isSet(json))
        run << QStringLiteral("--json");
    return runCommand(run);
}

} // namespace

bool wantsCommandLine(const QStringList& arguments)
{
    return arguments.size() > 1;
}

int runCommandLine(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("targets"))
        return targetsCommand(rest);
    if (command == QLatin1String("demo"))
        return demoCommand(rest);
    if (command == QLatin1String("bench"))
        return benchCommand(rest);
    if (command == QLatin1String("-h") || command == QLatin1String("--help") ||
        command == QLatin1String("help")) {
        printOut(mainHelp());
        return 0;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        printOut(QStringLiteral("twinrun %1\n").arg(QStringLiteral(TWINRUN_VERSION_STRING)));
        return 0;
    }
    if (command.startsWith(QLatin1Char('-')))
        return usageError(kProgram, CliText::tr("unknown option %1").arg(echoInput(command)));
    return usageError(kProgram,
                      CliText::tr("unknown command %1 (commands: run, targets, demo, bench)")
                          .arg(echoInput(command)));
}

} // namespace twinrun
