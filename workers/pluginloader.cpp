// Loading a plugin: its code here (openPlugin, registerTargets), and loadPlugin(), which puts
// the file check and the probe (pluginprobe.cpp) before them. See twinrun/pluginloader.h.
#include "librarytext.h"
#include "pluginloading.h"

#include <twinrun/plugin.h>
#include <twinrun/pluginloader.h>
#include <twinrun/workerprogram.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <exception>
#include <optional>
#include <utility>

#include <dlfcn.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace twinrun {

Target& PluginTargets::add(Target target)
{
    m_targets.append(std::move(target));
    return m_targets.last();
}

Target& PluginTargets::add(QString name, QString description, QList<Param> params,
                           Target::Function run)
{
    Target target;
    target.name = std::move(name);
    target.description = std::move(description);
    target.signature.params = std::move(params);
    target.run = std::move(run);
    return add(std::move(target));
}

QString pluginAbiTag()
{
    return QStringLiteral(TWINRUN_PLUGIN_ABI_TAG);
}

namespace plugins {

namespace {

constexpr qsizetype kMaxProbeAnswerBytes = 1024 * 1024;
constexpr char kEntryName[] = TWINRUN_PLUGIN_STRINGIFY(TWINRUN_PLUGIN_ENTRY);

// Loads are one at a time; what they loaded, in order.
QMutex& loaderMutex()
{
    static QMutex mutex;
    return mutex;
}

QList<PluginInfo>& loaded()
{
    static QList<PluginInfo> plugins;
    return plugins;
}

const PluginInfo* loadedByFile(const QString& file)
{
    for (const PluginInfo& p : loaded()) {
        if (p.file == file)
            return &p;
    }
    return nullptr;
}

const PluginInfo* loadedByName(const QString& name)
{
    for (const PluginInfo& p : loaded()) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QString quoted(const QString& name)
{
    return QLatin1Char('\'') + name + QLatin1Char('\'');
}

QString clashText(const QString& name, const Target& taken)
{
    if (taken.plugin.isEmpty())
        return PluginText::tr("its target %1 clashes with one already loaded").arg(quoted(name));
    return PluginText::tr("its target %1 clashes with one already loaded from %2")
        .arg(quoted(name), taken.plugin);
}

} // namespace

Opened openPlugin(const FileCheck& file)
{
    Opened opened;
    void* handle = ::dlopen(QFile::encodeName(file.file).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        opened.error = PluginMessage(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "cannot be loaded: %1"),
            {PluginMessage::verbatim(QString::fromLocal8Bit(why ? why : "unknown error"))});
        return opened;
    }
    using Entry = void (*)(PluginTargets&);
    const auto entry = reinterpret_cast<Entry>(::dlsym(handle, kEntryName));
    {
        PluginTargets collected;
        if (!entry) {
            opened.error =
                PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                                "has a TwinRun marker but no entry point (%1)"),
                              {PluginMessage::verbatim(QLatin1String(kEntryName))});
        } else {
            try {
                entry(collected);
                opened.error = checkTargets(collected.targets());
            } catch (const std::exception& e) {
                opened.error = PluginMessage(
                    QT_TRANSLATE_NOOP("twinrun::Plugin", "failed while adding its targets: %1"),
                    {PluginMessage::verbatim(QString::fromUtf8(e.what()))});
            } catch (...) {
                opened.error = PluginMessage(
                    QT_TRANSLATE_NOOP("twinrun::Plugin", "failed while adding its targets"));
            }
        }
        if (opened.error.isEmpty()) {
            for (Target target : collected.targets()) {
                target.name = file.name + QLatin1Char('.') + target.name;
                target.plugin = file.file;
                opened.targets.append(std::move(target));
            }
            opened.handle = handle; // never unloaded once registered: its functions live in it
            return opened;
        }
    } // the plugin's objects are gone before its code is
    ::dlclose(handle);
    return opened;
}

void closePlugin(Opened& opened)
{
    opened.targets.clear();
    if (opened.handle)
        ::dlclose(std::exchange(opened.handle, nullptr));
}

QString registerTargets(const FileCheck& file, const QList<Target>& targets)
{
    if (const PluginInfo* other = loadedByName(file.name))
        return PluginText::tr("a plugin named %1 is already loaded, from %2")
            .arg(quoted(file.name), other->file);
    TargetRegistry& registry = TargetRegistry::instance();
    for (const Target& t : targets) {
        if (const Target* taken = registry.find(t.name))
            return clashText(t.name, *taken);
    }
    PluginInfo info{file.name, file.file, {}};
    for (const Target& t : targets) {
        info.targets << t.name;
        registry.add(t);
    }
    loaded().append(info);
    return {};
}

QString loadPluginInChild(const QString& path)
{
    QMutexLocker lock(&loaderMutex());
    const FileCheck file = checkPluginFile(path);
    if (!file.problem.isEmpty())
        return pluginLabel(path) + QStringLiteral(": ") + file.problem.text();
    if (loadedByFile(file.file))
        return {};
    Opened opened = openPlugin(file);
    QString problem = opened.error.text();
    if (problem.isEmpty())
        problem = registerTargets(file, opened.targets);
    if (problem.isEmpty())
        return {};
    closePlugin(opened);
    return pluginLabel(path) + QStringLiteral(": ") + problem;
}

namespace {

QString signalName(int signal)
{
    const char* abbrev = ::sigabbrev_np(signal);
    return abbrev ? QStringLiteral("SIG%1").arg(QLatin1String(abbrev))
                  : QStringLiteral("signal %1").arg(signal);
}

enum class ProbeWait { Finished, TimedOut, Cancelled };

// Waits for the started probe up to options.probeTimeoutMs, asking options.cancelled between
// short waits.
ProbeWait waitForProbe(QProcess& process, const PluginLoadOptions& options)
{
    constexpr int kCancelPollMs = 20;
    if (!options.cancelled)
        return process.waitForFinished(options.probeTimeoutMs) ? ProbeWait::Finished
                                                               : ProbeWait::TimedOut;
    const QDeadlineTimer deadline(options.probeTimeoutMs);
    for (;;) {
        if (options.cancelled())
            return ProbeWait::Cancelled;
        const qint64 left = deadline.remainingTime(); // -1: no timeout
        if (process.waitForFinished(
                int(left < 0 ? kCancelPollMs : std::min<qint64>(left, kCancelPollMs))) ||
            process.state() == QProcess::NotRunning)
            return ProbeWait::Finished;
        if (deadline.hasExpired())
            return ProbeWait::TimedOut;
    }
}

// Runs the probe on the file; the plugin's target names, or an error (without the label).
QString probe(const FileCheck& file, const PluginLoadOptions& options, QStringList* targets)
{
    QProcess process;
    process.setProgram(workerProgram());
    process.setArguments({QString::fromLatin1(kProbeFlag), file.file});
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kWorkerChildMarker), QString::number(::getpid()));
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    const pid_t parentPid = ::getpid();
    process.setChildProcessModifier([parentPid] {
        // A probe that hangs never outlives the app (see ProcessWorker).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parentPid)
            ::_exit(127);
    });
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(options.probeTimeoutMs))
        return PluginText::tr("cannot be checked: could not run %1: %2")
            .arg(process.program(), process.errorString());
    if (const ProbeWait waited = waitForProbe(process, options); waited != ProbeWait::Finished) {
        process.kill();
        process.waitForFinished(-1);
        if (waited == ProbeWait::Cancelled)
            return PluginText::tr("the check was cancelled");
        return PluginText::tr("did not answer in %1 s while loading (it hangs)")
            .arg(options.probeTimeoutMs / 1000.0);
    }
    const QByteArray answer = process.readAllStandardOutput();
    QJsonParseError parseError;
    const QJsonDocument document = answer.size() <= kMaxProbeAnswerBytes
                                       ? QJsonDocument::fromJson(answer, &parseError)
                                       : QJsonDocument();
    const bool answered = !document.isNull() && document.isObject();
    if (process.exitStatus() == QProcess::CrashExit)
        return (answered ? PluginText::tr("crashed at exit, after loading: %1")
                         : PluginText::tr("crashed while loading: %1"))
            .arg(signalName(process.exitCode()));
    if (process.exitCode() != 0)
        return PluginText::tr("exited with code %1 while loading").arg(process.exitCode());
    if (!answered)
        return PluginText::tr("gave no valid answer while loading");
    const QJsonObject reply = document.object();
    // The child's refusal (the plugin's own checks: checkTargets(), an entry point that
    // throws) comes as data, worded here in the app's language.
    if (const QJsonValue error = reply.value(QStringLiteral("error")); !error.isUndefined()) {
        if (const std::optional<PluginMessage> message = PluginMessage::fromJson(error))
            return message->text();
        return PluginText::tr("was refused while loading, for a reason TwinRun cannot read");
    }
    const QJsonArray names = reply.value(QStringLiteral("targets")).toArray();
    if (reply.value(QStringLiteral("name")).toString() != file.name || names.isEmpty())
        return PluginText::tr("gave no valid answer while loading");
    for (const QJsonValue& name : names)
        targets->append(name.toString());
    return {};
}

} // namespace

} // namespace plugins

PluginCheck checkPlugin(const QString& path, const PluginLoadOptions& options)
{
    using namespace plugins;
    PluginCheck result;
    result.path = path;
    const auto refuse = [&result, &path](const QString& why) {
        result.error = pluginLabel(path) + QStringLiteral(": ") + why;
        return result;
    };
    const auto passLoaded = [&result](const PluginInfo& same) {
        result.file = same.file;
        result.name = same.name;
        result.targets = same.targets;
        return result;
    };
    // Loaded already (every launch of a plugin target asks): nothing to read again.
    {
        QMutexLocker lock(&loaderMutex());
        if (const PluginInfo* same = loadedByFile(QFileInfo(path).canonicalFilePath()))
            return passLoaded(*same);
    }
    const FileCheck file = checkPluginFile(path);
    if (!file.problem.isEmpty())
        return refuse(file.problem.text());
    {
        QMutexLocker lock(&loaderMutex());
        if (const PluginInfo* same = loadedByFile(file.file))
            return passLoaded(*same);
        if (const PluginInfo* other = loadedByName(file.name))
            return refuse(PluginText::tr("a plugin named %1 is already loaded, from %2")
                              .arg(quoted(file.name), other->file));
    }
    // Unlocked: the probe may take its whole timeout.
    QStringList probed;
    if (const QString problem = probe(file, options, &probed); !problem.isEmpty())
        return refuse(problem);
    result.file = file.file;
    result.name = file.name;
    result.targets = probed;
    return result;
}

PluginLoad loadCheckedPlugin(const PluginCheck& check)
{
    using namespace plugins;
    PluginLoad result;
    const auto refuse = [&result, &check](const QString& why) {
        result.error = pluginLabel(check.path) + QStringLiteral(": ") + why;
        return result;
    };
    if (!check) {
        result.error = check.error;
        return result;
    }
    QMutexLocker lock(&loaderMutex());
    if (const PluginInfo* same = loadedByFile(check.file)) {
        result.plugin = *same;
        return result;
    }
    // What the probe checked is what is loaded here: the marker is read again.
    const FileCheck file = checkPluginFile(check.file);
    if (!file.problem.isEmpty())
        return refuse(file.problem.text());
    if (file.file != check.file || file.name != check.name)
        return refuse(PluginText::tr("changed since it was checked"));
    if (const PluginInfo* other = loadedByName(file.name))
        return refuse(PluginText::tr("a plugin named %1 is already loaded, from %2")
                          .arg(quoted(file.name), other->file));
    for (const QString& name : check.targets) {
        if (const Target* taken = TargetRegistry::instance().find(name))
            return refuse(clashText(name, *taken));
    }
    Opened opened = openPlugin(file);
    if (!opened.error.isEmpty())
        return refuse(opened.error.text());
    QStringList names;
    for (const Target& t : opened.targets)
        names << t.name;
    QString problem = names == check.targets
                          ? registerTargets(file, opened.targets)
                          : PluginText::tr("added other targets here than in its check");
    if (!problem.isEmpty()) {
        closePlugin(opened);
        return refuse(problem);
    }
    result.plugin = loaded().constLast();
    return result;
}

PluginLoad loadPlugin(const QString& path, const PluginLoadOptions& options)
{
    return loadCheckedPlugin(checkPlugin(path, options));
}

QList<PluginInfo> loadedPlugins()
{
    QMutexLocker lock(&plugins::loaderMutex());
    return plugins::loaded();
}

QString pluginNameOfTarget(const QString& target)
{
    const qsizetype dot = target.indexOf(QLatin1Char('.'));
    return dot > 0 ? target.left(dot) : QString();
}

} // namespace twinrun
