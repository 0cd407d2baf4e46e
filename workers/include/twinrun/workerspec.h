#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <twinrun/status.h>
#include <twinrun/target.h>
#include <twinrun/value.h>

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace twinrun {

// How a process worker's process comes to be, like Python's start methods: Spawn re-runs
// our executable for each worker; ForkServer asks a long-lived helper of ours (Qt already
// loaded) to fork one. Thread workers ignore it.
enum class StartMethod { Spawn, ForkServer };
TWINRUN_WORKERS_EXPORT QString startMethodName(StartMethod method); // "spawn", "forkserver"
TWINRUN_WORKERS_EXPORT std::optional<StartMethod> startMethodFromName(const QString& name);

// What to run: Python's Thread(target, name, args, kwargs, daemon), plus the start method.
// An empty name means the backend's default ("Thread-N (target)" / "Process-N").
struct TWINRUN_WORKERS_EXPORT WorkerSpec {
    QString target;
    Value::Items args;
    Kwargs kwargs;
    QString name;
    bool daemon = false;
    StartMethod startMethod = StartMethod::Spawn;
    // For a plugin target: the plugin file (an absolute path) that defines it. A process
    // worker's child loads it before it looks the target up; Worker::start() loads it here
    // (twinrun/pluginloader.h) and fills it in from the target when it is empty.
    QString plugin;

    // {"version": 1, "target": ..., "args": [typed values], "kwargs": [[key, typed value]],
    //  "name": ..., "daemon": ..., "start_method": "spawn", "plugin": "/abs/libp.so"}. Typed
    // values are Value::toJson(). A missing start_method reads as spawn; "plugin" is written
    // only when set, and a missing one reads as none.
    QJsonObject toJson() const;
    // Refuses malformed objects and newer versions with a message naming the field.
    static std::optional<WorkerSpec> fromJson(const QJsonObject& json, QString* error);

    // "faz_algo(1, 1.5, 'Edson', delay=0.5)": the call as Python would write it.
    QString callText() const;

    friend bool operator==(const WorkerSpec&, const WorkerSpec&) = default;
};

inline constexpr int kWorkerSpecVersion = 1;

// The one size rule for what a worker runs, wherever it is given (command-line arguments, a
// --spec file, the window's form) and where a process worker's child reads it: the spec as
// the compact JSON the child gets (toJson(); an empty name counted as the longest default
// name) is at most kMaxWorkerSpecBytes. JSON escapes grow text: a control character takes
// 6 bytes. Refused with a message that gives the size and the limit.
inline constexpr qsizetype kMaxWorkerSpecBytes = 16 * 1024 * 1024;
TWINRUN_WORKERS_EXPORT Status checkWorkerSpecSize(const WorkerSpec& spec);

// A format's "version" field: "" when it is an integer from 1 to newest, else what is wrong
// ("expected an integer >= 1", "version 1e+300 is newer than this TwinRun reads (1)").
TWINRUN_WORKERS_EXPORT QString checkFormatVersion(const QJsonValue& version, int newest);

// Reads bytes as one JSON object of at most maxBytes. On failure returns nothing and says
// why in *error, naming the input as `what` ("the worker spec on stdin", "the launch spec").
TWINRUN_WORKERS_EXPORT std::optional<QJsonObject>
readJsonObject(QByteArrayView bytes, qsizetype maxBytes, const QString& what, QString* error);

} // namespace twinrun
