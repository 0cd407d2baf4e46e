#pragma once

#include "target.h"
#include "value.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace twinrun {

// What to run, independent of how: Python's Thread(target, name, args, kwargs, daemon).
// An empty name means the backend's default ("Thread-N (target)" / "Process-N").
struct WorkerSpec {
    QString target;
    Value::Items args;
    Kwargs kwargs;
    QString name;
    bool daemon = false;

    // {"version": 1, "target": ..., "args": [typed values], "kwargs": [[key, typed value]],
    //  "name": ..., "daemon": ...}. Typed values are Value::toJson().
    QJsonObject toJson() const;
    // Refuses malformed objects and newer versions with a message naming the field.
    static std::optional<WorkerSpec> fromJson(const QJsonObject& json, QString* error);

    // "faz_algo(1, 1.5, 'Edson', delay=0.5)": the call as Python would write it.
    QString callText() const;

    friend bool operator==(const WorkerSpec&, const WorkerSpec&) = default;
};

inline constexpr int kWorkerSpecVersion = 1;

} // namespace twinrun
