#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// Running the built programs as a user or a script would, for the tests in tests/app: ctest
// gives their paths, and every run is bounded (a hung program is killed and says so).
namespace clirun {

struct Outcome {
    QByteArray out;
    QByteArray err;
    int status = -1; // the exit code, or 128 + N for a death by signal N
};

inline QString binary()
{
    return qEnvironmentVariable("TWINRUN_BINARY");
}

// The process backend's child program, twinrun-worker.
inline QString workerBinary()
{
    return qEnvironmentVariable("TWINRUN_WORKER_BINARY");
}

// The environment without a display: twinrun runs its command line, never the window. In
// English whatever the desktop's language (the tests check English messages); withLocale()
// gives another language.
inline QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("LANGUAGE")); // Qt prefers it to LC_ALL for translations
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return env;
}

// headless() as a user whose locale is `locale` ("pt_BR.UTF-8") sets it: LANG only.
inline QProcessEnvironment withLocale(const QString& locale)
{
    QProcessEnvironment env = headless();
    env.remove(QStringLiteral("LC_ALL"));
    env.insert(QStringLiteral("LANG"), locale);
    return env;
}

// Waits up to msecs for a started process; kills it if it hangs.
inline Outcome finish(QProcess& p, int msecs = 60000)
{
    if (!p.waitForFinished(msecs)) {
        p.kill();
        p.waitForFinished();
        return {p.readAllStandardOutput(), p.readAllStandardError() + "\n[hung]", -1};
    }
    const int status = p.exitStatus() == QProcess::CrashExit ? 128 + p.exitCode() : p.exitCode();
    return {p.readAllStandardOutput(), p.readAllStandardError(), status};
}

inline Outcome runProgram(const QString& program, const QStringList& args,
                          const QByteArray& input = {}, bool closeInput = true,
                          const QProcessEnvironment& env = headless())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(20000))
        return {{}, "could not start " + program.toUtf8(), -1};
    if (!input.isEmpty())
        p.write(input);
    if (closeInput)
        p.closeWriteChannel();
    return finish(p);
}

inline Outcome runTwinrun(const QStringList& args, const QByteArray& input = {},
                          bool closeInput = true, const QProcessEnvironment& env = headless())
{
    return runProgram(binary(), args, input, closeInput, env);
}

} // namespace clirun
