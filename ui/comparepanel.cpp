#include "comparepanel.h"

#include "themecolors.h"

#include "durationtext.h"
#include "outputview.h"
#include <twinrun/outputlog.h>
#include <twinrun/runcomparison.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QSplitter>
#include <QVBoxLayout>

namespace twinrun {

namespace {

// The log index of a channel's line, numbered from the run's first line (lines the log has
// dropped included: totalLines says how many the run wrote), or -1 when the log no longer has it.
qsizetype logIndexOf(const OutputLog* log, Channel channel, qsizetype line, qsizetype totalLines)
{
    if (!log)
        return -1;
    qsizetype kept = 0;
    for (qsizetype i = 0; i < log->lineCount(); ++i)
        kept += log->line(i).channel == channel ? 1 : 0;
    qsizetype n = line - (totalLines - kept);
    for (qsizetype i = 0; n > 0 && i < log->lineCount(); ++i) {
        if (log->line(i).channel == channel && --n == 0)
            return i;
    }
    return -1;
}

} // namespace

ComparePanel::ComparePanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_verdictBar(new QWidget(this))
    , m_verdictIcon(new QLabel(m_verdictBar))
    , m_verdict(new QLabel(m_verdictBar))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_verdictBar->setObjectName(QStringLiteral("verdictBar"));
    m_verdictBar->setAutoFillBackground(true);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    auto* bar = new QHBoxLayout(m_verdictBar);
    bar->setContentsMargins(8, 5, 8, 5);
    bar->addWidget(m_verdictIcon);
    bar->addWidget(m_verdict, 1);

    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildSide(m_sides[0], QStringLiteral("threadSide")));
    m_splitter->addWidget(buildSide(m_sides[1], QStringLiteral("processSide")));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_verdictBar);
    layout->addWidget(m_splitter, 1);

    m_tick.setInterval(200);
    connect(&m_tick, &QTimer::timeout, this, &ComparePanel::refresh);
    refresh();
}

QWidget* ComparePanel::buildSide(Side& side, const QString& objectName)
{
    auto* widget = new QWidget(this);
    widget->setObjectName(objectName);
    // Halves, whatever the titles' lengths: neither run is the main one.
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHorizontalStretch(1);
    widget->setSizePolicy(policy);
    side.title = new QLabel(widget);
    side.title->setObjectName(QStringLiteral("title"));
    side.title->setTextFormat(Qt::PlainText);
    QFont bold = side.title->font();
    bold.setBold(true);
    side.title->setFont(bold);
    side.details = new QLabel(widget);
    side.details->setObjectName(QStringLiteral("details"));
    side.details->setTextFormat(Qt::PlainText);
    side.view = new OutputView(widget);
    side.view->setObjectName(QStringLiteral("view"));

    side.details->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(side.title);
    layout->addWidget(side.details);
    layout->addSpacing(2);
    layout->addWidget(side.view, 1);
    return widget;
}

void ComparePanel::setWorkers(Worker* worker, Worker* partner)
{
    for (Side& side : m_sides) {
        if (side.worker)
            disconnect(side.worker, nullptr, this, nullptr);
        side.worker = nullptr;
    }
    if (worker && partner && worker->backend() == Backend::Process)
        std::swap(worker, partner);
    m_sides[0].worker = worker;
    m_sides[1].worker = partner;
    for (Side& side : m_sides) {
        side.view->setLog(side.worker ? m_session->log(side.worker) : nullptr);
        if (side.worker)
            connect(side.worker, &Worker::stateChanged, this, &ComparePanel::refresh);
    }
    m_tick.start();
    refresh();
}

QString ComparePanel::verdictText() const
{
    return m_verdict->text();
}

bool ComparePanel::isFinal() const
{
    for (const Side& side : m_sides) {
        if (!side.worker || !Worker::isFinal(side.worker->state()))
            return false;
    }
    return true;
}

void ComparePanel::refresh()
{
    for (Side& side : m_sides) {
        const Worker* w = side.worker;
        if (!w) {
            side.title->setText(&side == &m_sides[0] ? tr("Thread") : tr("Process"));
            side.details->clear();
            continue;
        }
        side.title->setText(tr("%1 · %2").arg(
            w->backend() == Backend::Thread ? tr("Thread") : tr("Process"), w->name()));
        QStringList details{Worker::stateName(w->state())};
        if (const std::optional<int> code = w->exitCode())
            details << tr("exit code %1").arg(*code);
        details << durationText(w->durationNs());
        side.details->setText(details.join(QStringLiteral(" · ")));
    }

    if (!hasWorkers()) {
        m_tick.stop();
        showVerdict(tr("Launch in Both mode to compare a thread run with a process run"),
                    palette().color(QPalette::Window), QStyle::SP_MessageBoxInformation);
        return;
    }
    if (!isFinal()) {
        showVerdict(tr("Running: the verdict comes when both have ended"),
                    palette().color(QPalette::Window), QStyle::SP_BrowserReload);
        return;
    }
    m_tick.stop();
    // The view may still hold back the last lines until its next tick: show them with the
    // verdict, so the highlight lands on lines that are there.
    for (Side& side : m_sides)
        side.view->refreshNow();
    // The session compared the runs' complete outputs as they came, not the capped logs.
    const RunComparison* comparison = m_session->comparison(m_sides[0].worker);
    if (!comparison) {
        showVerdict(tr("Not compared: these runs are not the two halves of one Both launch"),
                    palette().color(QPalette::Window), QStyle::SP_MessageBoxInformation);
        return;
    }
    const Comparison c = comparison->result();
    for (int i = 0; i < 2; ++i) {
        const Channel channel = c.firstStdoutDiff ? Channel::Stdout : Channel::Stderr;
        const qsizetype line = c.firstStdoutDiff ? c.firstStdoutDiff : c.firstStderrDiff;
        const qsizetype index = line ? logIndexOf(m_session->log(m_sides[i].worker), channel, line,
                                                  comparison->streams().lineCount(i, channel))
                                     : -1;
        m_sides[i].view->setHighlightedLine(index);
        m_sides[i].view->revealHighlightedLine();
    }
    if (c.identical)
        showVerdict(c.summary(), theme::successBackground(palette()), QStyle::SP_DialogApplyButton);
    else
        showVerdict(c.summary(), theme::failureBackground(palette()), QStyle::SP_MessageBoxWarning);
}

void ComparePanel::showVerdict(const QString& text, const QColor& background,
                               QStyle::StandardPixmap icon)
{
    m_verdict->setText(text);
    m_verdictBar->setPalette(theme::barPalette(palette(), background)); // text stays readable
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_verdictIcon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
}

} // namespace twinrun
