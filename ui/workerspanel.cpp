#include "workerspanel.h"

#include "joinwatcher.h"
#include "statedelegate.h"
#include <twinrun/session.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace twinrun {

namespace {

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
    , m_proxy(new QSortFilterProxyModel(this))
    , m_toolBar(new QToolBar(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
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
    m_join = makeAction("joinAction", tr("Join"), QStyle::SP_DialogApplyButton,
                        QKeySequence(Qt::CTRL | Qt::Key_J), &WorkersPanel::join);
    m_terminate = makeAction("terminateAction", tr("Terminate"), QStyle::SP_MediaStop,
                             QKeySequence(Qt::CTRL | Qt::Key_T), &WorkersPanel::terminate);
    m_kill = makeAction("killAction", tr("Kill"), QStyle::SP_BrowserStop,
                        QKeySequence(Qt::CTRL | Qt::Key_K), &WorkersPanel::kill);
    m_rerun = makeAction("rerunAction", tr("Re-run"), QStyle::SP_BrowserReload,
                         QKeySequence(Qt::CTRL | Qt::Key_R), &WorkersPanel::rerun);
    m_toolBar->addSeparator();
    m_remove = makeAction("removeAction", tr("Remove"), QStyle::SP_TrashIcon, QKeySequence::Delete,
                          &WorkersPanel::remove);
    m_clearFinished = makeAction(
        "clearFinishedAction", tr("Clear Finished"), QStyle::SP_DialogResetButton,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), &WorkersPanel::clearFinished);
    // Delete belongs to the table: in a text field (the filter) it must still delete text.
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_remove);

    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter workers"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows the rows where any column contains the text (any case)"));
    m_filter->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_toolBar->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    setUpView();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);

    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorkersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WorkersPanel::updateActions);
    connect(m_session, &Session::runningChanged, this, &WorkersPanel::updateActions);
    updateActions();
}

QAction* WorkersPanel::makeAction(const char* objectName, const QString& text,
                                  QStyle::StandardPixmap icon, const QKeySequence& shortcut,
                                  void (WorkersPanel::*slot)())
{
    auto* action = new QAction(style()->standardIcon(icon), text, this);
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
    m_view->setTextElideMode(Qt::ElideMiddle);
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
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(WorkerTableModel::Call, QHeaderView::Stretch);
    const int x = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    const struct {
        int column;
        int chars;
    } widths[] = {{WorkerTableModel::Name, 22},     {WorkerTableModel::Backend, 9},
                  {WorkerTableModel::State, 12},    {WorkerTableModel::Ident, 10},
                  {WorkerTableModel::ExitCode, 8},  {WorkerTableModel::Started, 10},
                  {WorkerTableModel::Duration, 10}, {WorkerTableModel::Lines, 7}};
    for (const auto& w : widths)
        header->resizeSection(w.column, w.chars * x);
    // Rarely needed at a glance; the header's context menu brings them back.
    header->hideSection(WorkerTableModel::Ident);
    header->hideSection(WorkerTableModel::Started);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &WorkersPanel::showColumnMenu);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkersPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentWorkerChanged(currentWorker()); });
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

void WorkersPanel::join()
{
    for (Worker* worker : selectedWorkers()) {
        auto* watcher = JoinWatcher::watch(worker, m_joinTimeoutMs, this);
        connect(watcher, &JoinWatcher::done, this, [this](Worker* w, bool ended) {
            if (!ended) {
                emit statusMessage(
                    tr("%1 still running after %2 s").arg(w->name()).arg(m_joinTimeoutMs / 1000.0));
                return;
            }
            const std::optional<int> code = w->exitCode();
            emit statusMessage(
                code ? tr("%1 joined: exit code %2").arg(w->name()).arg(*code)
                     : tr("%1 joined: %2").arg(w->name(), Worker::stateName(w->state())));
        });
    }
}

void WorkersPanel::terminate()
{
    for (Worker* worker : selectedWorkers()) {
        if (!worker->isAlive())
            continue;
        const Status status = worker->terminate();
        if (!status)
            emit statusMessage(tr("%1: %2").arg(worker->name(), status.message()));
        else if (worker->backend() == Backend::Thread)
            emit statusMessage(tr("Asked %1 to stop").arg(worker->name()));
        else
            emit statusMessage(tr("Sent SIGTERM to %1").arg(worker->name()));
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
    m_rerun->setEnabled(!selected.isEmpty());
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

void WorkersPanel::showContextMenu(const QPoint& pos)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_join, m_terminate, m_kill, m_rerun});
    menu->addSeparator();
    menu->addActions({m_remove, m_clearFinished});
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void WorkersPanel::showColumnMenu(const QPoint& pos)
{
    QHeaderView* header = m_view->horizontalHeader();
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction* action = menu->addAction(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu->popup(header->mapToGlobal(pos));
}

} // namespace twinrun
