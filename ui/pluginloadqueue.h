#pragma once

#include <twinrun/pluginloader.h>
#include <twinrun/postedcalls.h>

#include <QObject>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace twinrun {

// Loads plugins for the window without blocking it (twinrun/pluginloader.h): each file's check
// and probe (checkPlugin(), up to the probe's timeout) run on a thread of this queue's own, one
// request at a time in the order asked; the plugin's code is then loaded and registered on
// this object's thread (loadCheckedPlugin(): the registry's add() happens there), and the
// request's callback is called there with what it loaded and one line per file refused.
class PluginLoadQueue : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const PluginScan& result)>;

    explicit PluginLoadQueue(QObject* parent = nullptr);
    // Cancels the check in progress, if any (its probe's child is killed and reaped: tens of
    // milliseconds); the callbacks of the requests left are never called.
    ~PluginLoadQueue() override;

    void setOptions(const PluginLoadOptions& options);

    // Loads the plugins in folders as loadPluginFolders() does (the first file of a plugin name
    // wins; names loaded already are skipped quietly), then files in order (a file loaded
    // already is a success that does nothing). done is called once, on this object's thread.
    void load(const QStringList& folders, const QStringList& files, Done done);
    void loadFile(const QString& file, Done done) { load({}, {file}, std::move(done)); }

    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void checking(const QString& file); // a file's check has started
    void pluginsChanged();              // a plugin was registered: its targets are there
    void idle();                        // every request is done

private:
    struct Request {
        QStringList folders;
        QStringList files;
        Done done;
    };
    void run(); // the checking thread
    void check(const Request& request);
    // From the checking thread: runs onOwnThread on this object's thread, after the steps
    // posted before it; dropped, never run, once this object is destroyed.
    void post(PostedCalls::Call onOwnThread) { m_steps->post(std::move(onOwnThread)); }

    std::thread m_thread;
    // std::mutex, not QMutex: QWaitCondition unlocks a QMutex inside Qt, where ThreadSanitizer
    // cannot see it, and then reports the next lock as a double lock.
    std::mutex m_mutex; // guards m_requests and m_options
    std::condition_variable m_wake;
    std::deque<Request> m_requests;
    // The steps the checking thread posts (twinrun/postedcalls.h), a child of this object.
    PostedCalls* m_steps = nullptr;
    PluginLoadOptions m_options;
    std::atomic_bool m_stopping = false;
    int m_pending = 0; // requests whose callback has not run yet (this object's thread only)
};

} // namespace twinrun
