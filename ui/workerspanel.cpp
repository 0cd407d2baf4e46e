#include "workerspanel.h"

#include "appresources.h"
#include "joinbar.h"
#include "statedelegate.h"
#include "workercolumns.h"
#include "workerfiltermodel.h"

#include <twinrun/session.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace twinrun {

namespace {

const QString kJoinTimeoutKey = QStringLiteral("workers/joinTimeoutMs");

QString killThreadReason()
{
    return WorkersPanel::tr(
        "A thread cannot be killed: it shares the app's memory, so stopping it from outside "
        "could leave locks held and data half-written. Use Terminate to ask it to stop.");
}

} // namespace

WorkersPanel::WorkersPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new WorkerTableModel(session, this))
    , m_proxy(new WorkerFilterModel(this))
    , m_toolBar(new QToolBar(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_joinBar(new JoinBar(this))
{
    setObjectName(QStringLiteral("workersPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WorkerTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_toolBar->setObjectName(QStringLiteral("workersToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_toolBar->setIconSize(QSize(icon, icon));
    m_join = makeAction("joinAction", tr("Join"), "twinrun-join",
                        QKeySequence(Qt::CTRL | Qt::Key_J), &WorkersPanel::join);
    m_terminate = makeAction("terminateAction", tr("Terminate"), "process-stop",
                             QKeySequence(Qt::CTRL | Qt::Key_T), &WorkersPanel::terminate);
    m_kill = makeAction("killAction", tr("Kill"), "twinrun-kill",
                        QKeySequence(Qt::CTRL | Qt::Key_K), &WorkersPanel::kill);
    m_rerun = makeAction("rerunAction", tr("Re-run"), "view-refresh",
                         QKeySequence(Qt::CTRL | Qt::Key_R), &WorkersPanel::rerun);
    m_toolBar->addSeparator();
    m_remove = makeAction("removeAction", tr("Remove"), "edit-delete", QKeySequence::Delete,
                          &WorkersPanel::remove);
    m_clearFinished = makeAction("clearFinishedAction", tr("Clear Finished"), "edit-clear-all",
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
                                 &WorkersPanel::clearFinished);
    // Delete belongs to the table: in a text field (the filter) it must still delete text.
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_remove);
    m_joinTimeout = new QAction(tr("Join &Timeout…"), this);
    m_joinTimeout->setObjectName(QStringLiteral("joinTimeoutAction"));
    connect(m_joinTimeout, &QAction::triggered, this, &WorkersPanel::askJoinTimeout);

    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter workers"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows the rows where any column contains the text (any case)"));
    const int x = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    m_filter->setMinimumWidth(x * 10);
    m_filter->setMaximumWidth(x * 24);
    m_toolBar->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        keepCurrentVisible();
    });

    setUpView();
    connect(m_joinBar, &JoinBar::statusMessage, this, &WorkersPanel::statusMessage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_joinBar);
    layout->addWidget(m_view, 1);

    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorkersPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &WorkersPanel::keepCurrentVisible);
    connect(m_session, &Session::runningChanged, this, &WorkersPanel::updateActions);
    m_joinTimeoutMs = QSettings().value(kJoinTimeoutKey, kDefaultJoinTimeoutMs).toInt();
    updateActions();
}

QAction* WorkersPanel::makeAction(const char* objectName, const QString& text, const char* icon,
                                  const QKeySequence& shortcut, void (WorkersPanel::*slot)())
{
    auto* action = new QAction(actionIcon(icon), text, this);
    action->setObjectName(QLatin1String(objectName));
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    m_toolBar->addAction(action);
    return action;
}

void WorkersPanel::setUpView()
{
    m_view->setObjectName(QStringLiteral("workersView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, for the window's tab order
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->setItemDelegateForColumn(WorkerTableModel::State, new StateDelegate(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &WorkersPanel::showContextMenu);

    // Launch order until the user sorts; a third click on a header goes back to it.
    QHeaderView* header = m_view->horizontalHeader();
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    // Their order, widths, folding on a narrow table and the Columns menu.
    m_columns = new WorkerColumns(m_view, m_model, this);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkersPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_shown = currentWorker();
        emit currentWorkerChanged(m_shown);
    });
}

QMenu* WorkersPanel::columnsMenu() const
{
    return m_columns->menu();
}

QByteArray WorkersPanel::saveColumns()
{
    return m_columns->saveState();
}

void WorkersPanel::restoreColumns(const QByteArray& state)
{
    m_columns->restoreState(state);
}

QList<QAction*> WorkersPanel::workerActions() const
{
    return {m_join, m_terminate, m_kill, m_rerun, m_remove, m_clearFinished};
}

Worker* WorkersPanel::currentWorker() const
{
    return m_model->workerAt(m_proxy->mapToSource(m_view->currentIndex()));
}

QList<Worker*> WorkersPanel::selectedWorkers() const
{
    QList<Worker*> workers;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        if (Worker* w = m_model->workerAt(m_proxy->mapToSource(index)))
            workers << w;
    }
    return workers;
}

void WorkersPanel::selectWorker(Worker* worker)
{
    QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(worker));
    if (!index.isValid() && m_model->indexOf(worker).isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->indexOf(worker));
    }
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void WorkersPanel::setJoinTimeout(int msecs)
{
    m_joinTimeoutMs = std::max(0, msecs);
    QSettings().setValue(kJoinTimeoutKey, m_joinTimeoutMs);
}

void WorkersPanel::setLaunchBlocked(bool blocked)
{
    m_launchBlocked = blocked;
    updateActions();
}

void WorkersPanel::join()
{
    m_joinBar->join(selectedWorkers(), m_joinTimeoutMs);
}

void WorkersPanel::askJoinTimeout()
{
    bool ok = false;
    const double seconds =
        QInputDialog::getDouble(this, tr("Join Timeout"), tr("Join waits at most (seconds):"),
                                m_joinTimeoutMs / 1000.0, 0.1, 3600, 1, &ok);
    if (ok)
        setJoinTimeout(qRound(seconds * 1000));
}

void WorkersPanel::terminate()
{
    for (Worker* worker : selectedWorkers()) {
        if (!worker->isAlive())
            continue;
        const Status status = worker->terminate();
        if (!status) {
            emit statusMessage(tr("%1: %2").arg(worker->name(), status.message()));
            continue;
        }
        m_proxy->noteStopRequested(worker);
        emit statusMessage(worker->backend() == Backend::Thread
                               ? tr("Asked %1 to stop").arg(worker->name())
                               : tr("Sent SIGTERM to %1").arg(worker->name()));
    }
}

void WorkersPanel::kill()
{
    for (Worker* worker : selectedWorkers()) {
        if (!worker->isAlive())
            continue;
        const Status status = worker->kill();
        emit statusMessage(status ? tr("Sent SIGKILL to %1").arg(worker->name())
                                  : tr("%1: %2").arg(worker->name(), status.message()));
    }
}

void WorkersPanel::rerun()
{
    if (m_launchBlocked)
        return;
    Worker* last = nullptr;
    for (Worker* worker : selectedWorkers())
        last = m_session->rerun(worker);
    if (last)
        selectWorker(last);
}

void WorkersPanel::remove()
{
    QStringList refused;
    for (Worker* worker : selectedWorkers()) {
        const QString name = worker->name();
        if (!m_session->remove(worker))
            refused << name;
    }
    if (!refused.isEmpty())
        emit statusMessage(tr("Not removed while running: %1 (terminate first)")
                               .arg(refused.join(QStringLiteral(", "))));
}

void WorkersPanel::clearFinished()
{
    m_session->clearFinished();
}

void WorkersPanel::keepCurrentVisible()
{
    // The current row was filtered out or removed: the view may move the current index
    // without selecting it. Select what is current (else the first row left, else nothing),
    // so the output pane never shows a worker the table does not select.
    QItemSelectionModel* selection = m_view->selectionModel();
    QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        current = m_proxy->index(0, 0);
    if (!current.isValid())
        selection->clear();
    else if (!selection->isRowSelected(current.row(), current.parent()))
        selection->setCurrentIndex(current,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (currentWorker() != m_shown) {
        m_shown = currentWorker();
        emit currentWorkerChanged(m_shown);
    }
    updateActions();
}

void WorkersPanel::updateActions()
{
    const QList<Worker*> selected = selectedWorkers();
    bool anyAlive = false;
    bool anyEnded = false;
    bool anyLiveProcess = false;
    bool anyThread = false;
    for (const Worker* w : selected) {
        anyAlive |= w->isAlive();
        anyEnded |= !w->isAlive();
        anyLiveProcess |= w->isAlive() && w->backend() == Backend::Process;
        anyThread |= w->backend() == Backend::Thread;
    }
    m_join->setEnabled(!selected.isEmpty());
    m_rerun->setEnabled(!selected.isEmpty() && !m_launchBlocked);
    m_terminate->setEnabled(anyAlive);
    m_kill->setEnabled(anyLiveProcess);
    m_kill->setToolTip(anyThread && !anyLiveProcess
                           ? killThreadReason()
                           : tr("Kill the process at once (SIGKILL, exit code -9)"));
    m_remove->setEnabled(anyEnded);
    m_remove->setToolTip(anyAlive && !anyEnded
                             ? tr("A running worker cannot be removed: terminate it first")
                             : tr("Remove the selected workers that have ended (Delete)"));
    bool anyFinal = false;
    for (qsizetype row = 0; row < m_session->count() && !anyFinal; ++row)
        anyFinal = Worker::isFinal(m_session->worker(row)->state());
    m_clearFinished->setEnabled(anyFinal);
}

void WorkersPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitToolBar();
}

void WorkersPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_toolBarTextWidth = 0;
        fitToolBar();
    }
}

void WorkersPanel::fitToolBar()
{
    // Labels while they fit; icons only (tooltips name them) rather than an overflow menu.
    if (m_toolBarTextWidth == 0) {
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_toolBarTextWidth = m_toolBar->sizeHint().width();
    }
    m_toolBar->setToolButtonStyle(width() >= m_toolBarTextWidth ? Qt::ToolButtonTextBesideIcon
                                                                : Qt::ToolButtonIconOnly);
}

void WorkersPanel::showContextMenu(const QPoint& pos)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_join, m_terminate, m_kill, m_rerun});
    menu->addSeparator();
    menu->addActions({m_remove, m_clearFinished});
    menu->addSeparator();
    menu->addMenu(m_columns->menu());
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace twinrun
