#pragma once

#include <twinrun/twinrun_workers_export.h>

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

    // {"version": 1, "target": ..., "args": [typed values], "kwargs": [[key, typed value]],
    //  "name": ..., "daemon": ..., "start_method": "spawn"}. Typed values are Value::toJson().
    // A missing start_method reads as spawn.
    QJsonObject toJson() const;
    // Refuses malformed objects and newer versions with a message naming the field.
    static std::optional<WorkerSpec> fromJson(const QJsonObject& json, QString* error);

    // "faz_algo(1, 1.5, 'Edson', delay=0.5)": the call as Python would write it.
    QString callText() const;

    friend bool operator==(const WorkerSpec&, const WorkerSpec&) = default;
};

inline constexpr int kWorkerSpecVersion = 1;

// Reads bytes as one JSON object of at most maxBytes. On failure returns nothing and says
// why in *error, naming the input as `what` ("the worker spec on stdin", "the launch spec").
TWINRUN_WORKERS_EXPORT std::optional<QJsonObject>
readJsonObject(QByteArrayView bytes, qsizetype maxBytes, const QString& what, QString* error);

} // namespace twinrun
