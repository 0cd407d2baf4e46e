#include "comparepanel.h"

#include "outputview.h"
#include "themecolors.h"
#include <twinrun/outputlog.h>
#include <twinrun/paritylaunch.h>
#include <twinrun/runcomparison.h>
#include <twinrun/runtext.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace twinrun {

namespace {

constexpr int kKeptParities = 20;

int columnOf(RunKind kind)
{
    return static_cast<int>(kind); // Thread, Process, PythonThread, PythonProcess
}

} // namespace

// A launch with Python runs, and the logs of its Python runs (TwinRun's are the session's).
struct ComparePanel::Parity {
    ParityLaunch* launch = nullptr;
    OutputLog* logs[kColumns] = {};
};

ComparePanel::ComparePanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_verdictBar(new QWidget(this))
    , m_verdictIcon(new QLabel(m_verdictBar))
    , m_verdict(new QLabel(m_verdictBar))
    , m_position(new QLabel(m_verdictBar))
    , m_previous(new QAction(tr("&Previous Difference"), this))
    , m_next(new QAction(tr("&Next Difference"), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_splitter->setChildrenCollapsible(false);
    const char* names[kColumns] = {"threadSide", "processSide", "pythonThreadSide",
                                   "pythonProcessSide"};
    for (int i = 0; i < kColumns; ++i)
        m_splitter->addWidget(buildColumn(m_columns[i], QLatin1String(names[i])));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildVerdictBar());
    layout->addWidget(m_splitter, 1);

    m_tick.setInterval(200);
    connect(&m_tick, &QTimer::timeout, this, &ComparePanel::refresh);
    refresh();
}

ComparePanel::~ComparePanel() = default;

QWidget* ComparePanel::buildVerdictBar()
{
    m_verdictBar->setObjectName(QStringLiteral("verdictBar"));
    m_verdictBar->setAutoFillBackground(true);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_position->setObjectName(QStringLiteral("differencePosition"));

    m_previous->setObjectName(QStringLiteral("previousDifferenceAction"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_previous->setToolTip(tr("Show the previous line that differs (Shift+F8)"));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_next->setObjectName(QStringLiteral("nextDifferenceAction"));
    m_next->setShortcut(QKeySequence(Qt::Key_F8));
    m_next->setToolTip(tr("Show the next line that differs (F8)"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    for (QAction* action : {m_previous, m_next}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_previous, &QAction::triggered, this, [this] { goToDifference(m_current - 1); });
    connect(m_next, &QAction::triggered, this, [this] { goToDifference(m_current + 1); });

    auto* bar = new QHBoxLayout(m_verdictBar);
    bar->setContentsMargins(8, 5, 8, 5);
    bar->addWidget(m_verdictIcon, 0, Qt::AlignTop);
    bar->addWidget(m_verdict, 1);
    bar->addWidget(m_position);
    for (QAction* action : {m_previous, m_next}) {
        auto* button = new QToolButton(m_verdictBar);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        bar->addWidget(button, 0, Qt::AlignTop);
    }
    return m_verdictBar;
}

QWidget* ComparePanel::buildColumn(Column& column, const QString& objectName)
{
    auto* widget = new QWidget(this);
    widget->setObjectName(objectName);
    // Equal shares, whatever the titles' lengths: no run is the main one.
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHorizontalStretch(1);
    widget->setSizePolicy(policy);
    column.widget = widget;
    column.title = new QLabel(widget);
    column.title->setObjectName(QStringLiteral("title"));
    column.title->setTextFormat(Qt::PlainText);
    QFont bold = column.title->font();
    bold.setBold(true);
    column.title->setFont(bold);
    column.details = new QLabel(widget);
    column.details->setObjectName(QStringLiteral("details"));
    column.details->setTextFormat(Qt::PlainText);
    column.details->setForegroundRole(QPalette::PlaceholderText);
    // Titles and details are cut rather than widen the window (the tooltip has them whole):
    // four columns must fit an 800x600 screen.
    for (QLabel* label : {column.title, column.details})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    column.view = new OutputView(widget);
    column.view->setMinimumWidth(40);
    column.view->setObjectName(QStringLiteral("view"));

    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(column.title);
    layout->addWidget(column.details);
    layout->addSpacing(2);
    layout->addWidget(column.view, 1);
    return widget;
}

void ComparePanel::addParity(ParityLaunch* launch)
{
    launch->setParent(this);
    auto parity = std::make_unique<Parity>();
    parity->launch = launch;
    for (int run = 0; run < launch->runCount(); ++run) {
        if (!launch->pythonRun(run))
            continue;
        auto* log = new OutputLog(launch);
        parity->logs[columnOf(launch->kind(run))] = log;
        connect(launch, &ParityLaunch::output, log,
                [log, run](int from, Channel channel, const QByteArray& data) {
                    if (from == run)
                        log->append(channel, data);
                });
    }
    connect(launch, &ParityLaunch::runChanged, this, [this, launch] {
        if (m_shown && m_shown->launch == launch)
            refresh();
    });
    m_parities.push_back(std::move(parity));
    while (m_parities.size() > kKeptParities) {
        if (m_shown == m_parities.front().get())
            m_shown = nullptr;
        delete m_parities.front()->launch;
        m_parities.erase(m_parities.begin());
    }
}

ComparePanel::Parity* ComparePanel::parityOf(const Worker* worker) const
{
    for (const auto& parity : m_parities) {
        for (int run = 0; worker && run < parity->launch->runCount(); ++run) {
            if (parity->launch->worker(run) == worker)
                return parity.get();
        }
    }
    return nullptr;
}

bool ComparePanel::hasComparisonFor(const Worker* worker) const
{
    return worker && (parityOf(worker) || m_session->partner(worker));
}

void ComparePanel::setWorkers(Worker* worker, Worker* partner)
{
    for (Column& column : m_columns) {
        if (column.worker)
            disconnect(column.worker, nullptr, this, nullptr);
        column.worker = nullptr;
        column.run = -1;
    }
    m_shown = parityOf(worker);
    if (m_shown) {
        for (int run = 0; run < m_shown->launch->runCount(); ++run) {
            Column& column = m_columns[columnOf(m_shown->launch->kind(run))];
            column.run = run;
            column.worker = m_shown->launch->worker(run);
        }
    } else {
        if (worker && partner && worker->backend() == Backend::Process)
            std::swap(worker, partner);
        m_columns[0].worker = worker;
        m_columns[1].worker = partner;
    }
    for (int i = 0; i < kColumns; ++i) {
        Column& column = m_columns[i];
        column.view->setLog(logOf(i));
        if (column.worker)
            connect(column.worker, &Worker::stateChanged, this, &ComparePanel::refresh);
        // Without Python runs: the thread and process columns, as before.
        column.widget->setVisible(isColumnShown(i) || (!m_shown && i < 2));
    }
    m_differences.clear();
    m_current = -1;
    m_verdictShown = false;
    m_tick.start();
    refresh();
}

bool ComparePanel::hasWorkers() const
{
    return m_shown || m_columns[0].worker || m_columns[1].worker;
}

bool ComparePanel::isColumnShown(int column) const
{
    return m_shown ? m_columns[column].run >= 0 : m_columns[column].worker != nullptr;
}

OutputLog* ComparePanel::logOf(int column) const
{
    if (m_shown && m_shown->logs[column])
        return m_shown->logs[column];
    return m_columns[column].worker ? m_session->log(m_columns[column].worker) : nullptr;
}

QString ComparePanel::verdictText() const
{
    return m_verdict->text();
}

bool ComparePanel::isFinal() const
{
    if (m_shown)
        return m_shown->launch->isFinal();
    for (int i = 0; i < 2; ++i) {
        const Worker* w = m_columns[i].worker;
        if (!w || !Worker::isFinal(w->state()))
            return false;
    }
    return true;
}

QString ComparePanel::workerTimeText(const Worker* worker) const
{
    // The session's figures: sampled off the GUI thread while it runs, final once ended.
    const qint64 cpuUs = m_session->usage(worker).cpuUs();
    return runTimeText(worker->durationNs(), cpuUs < 0 ? -1 : cpuUs * 1000);
}

void ComparePanel::refreshColumns()
{
    const QString titles[kColumns] = {tr("Thread"), tr("Process"), tr("Python Thread"),
                                      tr("Python Process")};
    for (int i = 0; i < kColumns; ++i) {
        Column& column = m_columns[i];
        QStringList ending; // how it ended: state, exit code (and why it failed to start)
        QString time;       // wall and CPU time, a line of its own: four columns are narrow
        QString name;
        if (m_shown && column.run >= 0) {
            const ParityLaunch* launch = m_shown->launch;
            const RunEnd end = launch->end(column.run);
            name = launch->name(column.run);
            ending << stateText(end.state);
            if (end.exitCode)
                ending << tr("exit code %1").arg(*end.exitCode);
            time = column.worker ? workerTimeText(column.worker) : launch->timeText(column.run);
            if (const QString error = launch->errorString(column.run);
                !error.isEmpty() && end.state == QLatin1String("failed to start"))
                ending << error;
        } else if (const Worker* w = column.worker) {
            name = w->name();
            ending << stateText(w->state());
            if (const std::optional<int> code = w->exitCode())
                ending << tr("exit code %1").arg(*code);
            time = workerTimeText(w);
        }
        column.title->setText(name.isEmpty() ? titles[i] : tr("%1 · %2").arg(titles[i], name));
        column.details->setText(ending.isEmpty() ? QString()
                                                 : ending.join(QStringLiteral(" · ")) +
                                                       QLatin1Char('\n') + time);
        column.title->setToolTip(column.title->text()); // both may be cut: whole here
        column.details->setToolTip(column.details->text());
    }
}

void ComparePanel::refresh()
{
    refreshColumns();
    m_previous->setEnabled(m_differences.size() > 0);
    m_next->setEnabled(m_differences.size() > 0);
    m_position->setVisible(!m_differences.isEmpty());
    if (!hasWorkers()) {
        m_tick.stop();
        showVerdict(tr("Launch in Both mode, or with Compare with Python, to compare runs"),
                    palette().color(QPalette::Window), QStyle::SP_MessageBoxInformation);
        return;
    }
    if (!isFinal()) {
        showVerdict(tr("Running: the verdict comes when every run has ended"),
                    palette().color(QPalette::Window), QStyle::SP_BrowserReload);
        return;
    }
    m_tick.stop();
    if (!m_verdictShown) {
        m_verdictShown = true;
        showFinalVerdict();
    }
}

QString ComparePanel::parityVerdict(bool* agrees, QString* details) const
{
    const QString titles[kColumns] = {tr("Thread"), tr("Process"), tr("Python Thread"),
                                      tr("Python Process")};
    QStringList lines;
    QStringList full;
    for (const ParityLaunch::Pair& p : m_shown->launch->pairs()) {
        const QString pair = tr("%1 vs %2")
                                 .arg(titles[columnOf(m_shown->launch->kind(p.a))],
                                      titles[columnOf(m_shown->launch->kind(p.b))]);
        // One short line per pair; the rules' whole text goes to the tooltip.
        QString verdict = p.verdict.shownText;
        if (p.verdict.kind == PairVerdict::Kind::Identical)
            verdict = tr("identical");
        else if (p.verdict.kind == PairVerdict::Kind::Documented) {
            QStringList titles;
            for (const QString& rule : p.verdict.rules)
                titles << parityRuleTitleText(rule);
            verdict = tr("differs as documented (%1)").arg(titles.join(QStringLiteral(", ")));
        }
        lines << tr("%1: %2").arg(pair, verdict);
        full << tr("%1: %2").arg(pair, p.verdict.shownText);
    }
    *agrees = m_shown->launch->agrees();
    *details = full.join(QLatin1Char('\n'));
    return lines.join(QLatin1Char('\n'));
}

void ComparePanel::showFinalVerdict()
{
    // The views may still hold back the last lines until their next tick: show them first,
    // so the marks land on lines that are there.
    for (int i = 0; i < kColumns; ++i) {
        if (isColumnShown(i))
            m_columns[i].view->refreshNow();
    }
    markDifferences();
    bool agrees = false;
    QString text;
    QString details;
    if (m_shown) {
        text = parityVerdict(&agrees, &details);
    } else if (const RunComparison* comparison = m_session->comparison(m_columns[0].worker)) {
        // The session compared the runs' complete outputs as they came, not the capped logs.
        const Comparison c = comparison->result();
        text = c.summary();
        agrees = c.identical;
    } else {
        showVerdict(tr("Not compared: these runs are not the two halves of one Both launch"),
                    palette().color(QPalette::Window), QStyle::SP_MessageBoxInformation);
        return;
    }
    if (agrees)
        showVerdict(text, theme::successBackground(palette()), QStyle::SP_DialogApplyButton);
    else
        showVerdict(text, theme::failureBackground(palette()), QStyle::SP_MessageBoxWarning);
    m_verdict->setToolTip(details);
}

void ComparePanel::showVerdict(const QString& text, const QColor& background,
                               QStyle::StandardPixmap icon)
{
    m_verdict->setText(text);
    m_verdict->setToolTip(QString());
    m_verdictBar->setPalette(theme::barPalette(palette(), background)); // text stays readable
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_verdictIcon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
}

} // namespace twinrun
