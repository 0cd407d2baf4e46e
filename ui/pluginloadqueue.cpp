#include "pluginloadqueue.h"

#include <QFileInfo>

namespace twinrun {

PluginLoadQueue::PluginLoadQueue(QObject* parent)
    : QObject(parent)
    , m_steps(new PostedCalls(this))
{
    // Started here, once every member it uses exists. A std::thread, not a QThread: its join
    // is one ThreadSanitizer sees (QThread::wait happens inside Qt, where it cannot).
    m_thread = std::thread([this] { run(); });
}

PluginLoadQueue::~PluginLoadQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_requests.clear();
        m_wake.notify_all();
    }
    m_thread.join(); // the probe's child dies with the thread, so it must end first
}

void PluginLoadQueue::setOptions(const PluginLoadOptions& options)
{
    std::lock_guard lock(m_mutex);
    m_options = options;
}

void PluginLoadQueue::load(const QStringList& folders, const QStringList& files, Done done)
{
    ++m_pending;
    std::lock_guard lock(m_mutex);
    m_requests.push_back({folders, files, std::move(done)});
    m_wake.notify_all();
}

void PluginLoadQueue::run()
{
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_requests.empty() || m_stopping; });
            if (m_stopping)
                return;
            request = std::move(m_requests.front());
            m_requests.pop_front();
        }
        check(request);
    }
}

// On the checking thread: nothing of the plugins runs here but the probe's child; what passed
// is loaded on this object's thread, in order, and the callback comes last.
void PluginLoadQueue::check(const Request& request)
{
    PluginLoadOptions options;
    {
        std::lock_guard lock(m_mutex);
        options = m_options;
    }
    // Destroying the queue kills the probe in progress rather than waiting for it.
    options.cancelled = [this] { return m_stopping.load(); };
    // Shared by the posted steps, which all run on this object's thread, one after another.
    auto result = std::make_shared<PluginScan>();
    QStringList namesPassed; // by this request's checks: a later file of the name is skipped
    QStringList filesPassed;
    for (const PluginInfo& p : loadedPlugins())
        namesPassed << p.name;
    const auto checkFile = [&](const QString& file) {
        post([this, file] { emit checking(file); });
        const PluginCheck checked = checkPlugin(file, options);
        if (checked) {
            namesPassed << checked.name;
            filesPassed << checked.file;
        }
        post([this, result, checked] {
            const PluginLoad load = loadCheckedPlugin(checked);
            if (!load) {
                result->problems << load.error;
                return;
            }
            result->loaded << *load.plugin;
            emit pluginsChanged();
        });
    };
    for (const PluginCandidate& candidate : findFolderPlugins({}, request.folders)) {
        if (m_stopping)
            return;
        if (!candidate.problem.isEmpty())
            post([result, problem = candidate.problem] { result->problems << problem; });
        else if (!namesPassed.contains(candidate.name))
            checkFile(candidate.file);
    }
    for (const QString& file : request.files) {
        if (m_stopping)
            return;
        if (!filesPassed.contains(QFileInfo(file).canonicalFilePath()))
            checkFile(file);
    }
    post([this, result, done = request.done] {
        if (done)
            done(*result);
        if (--m_pending == 0)
            emit idle();
    });
}

} // namespace twinrun
