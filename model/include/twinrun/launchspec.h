#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/status.h>
#include <twinrun/worker.h>
#include <twinrun/workerspec.h>

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace twinrun {

// What the launch form describes: a worker spec plus how to run it (thread, process or both).
// The window, the command line and saved presets share it through JSON.
struct TWINRUN_MODEL_EXPORT LaunchSpec {
    enum class Mode { Thread, Process, Both };

    WorkerSpec worker;
    Mode mode = Mode::Thread;

    QList<Backend> backends() const;    // [Thread], [Process] or [Thread, Process]
    static QString modeName(Mode mode); // "thread", "process", "both"
    static std::optional<Mode> modeFromName(const QString& name);

    // {"version": 1, "mode": "both", "worker": WorkerSpec::toJson()}. fromJson refuses
    // malformed objects and newer versions with a message naming the field.
    QJsonObject toJson() const;
    static std::optional<LaunchSpec> fromJson(const QJsonObject& json, QString* error);

    // The seed's example: faz_algo(1, 1.5, 'Edson') as a thread.
    static LaunchSpec seedExample();

    // "threading.Thread(target=faz_algo, args=(1, 1.5, 'Edson'))" and the same with
    // "multiprocessing.Process"; kwargs, name and daemon appear only when set.
    QString pythonLine(Backend backend) const;
    // The equivalent TwinRun C++ call, a few lines.
    QString cppCall(Backend backend) const;

    friend bool operator==(const LaunchSpec&, const LaunchSpec&) = default;
};

inline constexpr int kLaunchSpecVersion = 1;
inline constexpr qsizetype kMaxLaunchSpecFileBytes = 2 * kMaxWorkerSpecBytes;

// Presets: a launch spec in a JSON file, as the window saves it and `twinrun run --spec FILE`
// reads it. Errors say what is wrong; callers name the file. Only a regular file is read
// (a FIFO, a directory, a device are refused without blocking), and at most
// kMaxLaunchSpecFileBytes of it: room for the indentation around a worker spec at its limit,
// which is then checked as everywhere (checkWorkerSpecSize, twinrun/workerspec.h).
TWINRUN_MODEL_EXPORT std::optional<LaunchSpec> readLaunchSpecFile(const QString& path,
                                                                  QString* error);
TWINRUN_MODEL_EXPORT Status writeLaunchSpecFile(const QString& path, const LaunchSpec& spec);

} // namespace twinrun
