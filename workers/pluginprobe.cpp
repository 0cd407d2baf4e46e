// The probe's child (the worker program with plugins::kProbeFlag): loads a plugin where a
// crash or a hang costs nothing, and says what it found. See pluginloading.h.
#include "pluginloading.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace twinrun::plugins {

namespace {

void writeAll(int fd, QByteArrayView bytes)
{
    const char* data = bytes.data();
    qsizetype size = bytes.size();
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the app stopped listening
        data += n;
        size -= n;
    }
}

} // namespace

bool isProbeInvocation(int argc, char** argv)
{
    return argc >= 2 && std::strcmp(argv[1], kProbeFlag) == 0;
}

int runProbe(int argc, char** argv)
{
    if (argc != 3 || ::isatty(STDOUT_FILENO)) {
        std::fprintf(stderr,
                     "twinrun: %s: this mode is internal to TwinRun's plugin loader: it "
                     "checks one plugin for the app that asked\n",
                     kProbeFlag);
        return 2;
    }
    // The answer goes to the real stdout; whatever the plugin prints goes nowhere.
    const int answer = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (answer < 0 || devNull < 0 || ::dup2(devNull, STDOUT_FILENO) < 0)
        return 1;
    ::close(devNull);

    QJsonObject reply;
    const FileCheck file = checkPluginFile(QFile::decodeName(argv[2]));
    if (!file.problem.isEmpty()) {
        reply.insert(QStringLiteral("error"), file.problem.toJson());
    } else {
        const Opened opened = openPlugin(file);
        if (!opened.error.isEmpty()) {
            reply.insert(QStringLiteral("error"), opened.error.toJson());
        } else {
            QJsonArray names;
            for (const Target& t : opened.targets)
                names.append(t.name);
            reply.insert(QStringLiteral("name"), file.name);
            reply.insert(QStringLiteral("targets"), names);
        }
    }
    writeAll(answer, QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
    ::close(answer);
    return 0; // a normal exit: the plugin's static destructors run, and a crash there shows
}

} // namespace twinrun::plugins
