#include "workercolumns.h"

#include "columnfitter.h"

#include <twinrun/runtext.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QStyle>
#include <QTableView>

namespace twinrun {

namespace {

// The widest state name in the interface's language.
QString longestStateText()
{
    QString longest;
    for (int s = 0; s <= int(Worker::State::FailedToStart); ++s) {
        const QString text = stateText(Worker::State(s));
        if (text.size() > longest.size())
            longest = text;
    }
    return longest;
}

} // namespace

WorkerColumns::WorkerColumns(QTableView* view, WorkerTableModel* model, QObject* parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_menu(new QMenu(tr("&Columns"), view))
{
    arrange();
    sizeColumns();
    QHeaderView* header = m_view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, m_menu,
            [this, header](const QPoint& pos) { m_menu->popup(header->mapToGlobal(pos)); });
    connect(m_menu, &QMenu::aboutToShow, this, &WorkerColumns::fillMenu);
}

void WorkerColumns::arrange()
{
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    // What matters at a glance first (state, exit code: in sight on a small window); the
    // call, the long one, last, taking what the others leave, elided (ColumnFitter).
    header->moveSection(header->visualIndex(WorkerTableModel::State), 1);
    header->moveSection(header->visualIndex(WorkerTableModel::ExitCode), 2);
    header->moveSection(header->visualIndex(WorkerTableModel::Call),
                        WorkerTableModel::ColumnCount - 1);
    m_fitter = new ColumnFitter(m_view, WorkerTableModel::Call,
                                {WorkerTableModel::State, WorkerTableModel::ExitCode});
    m_fitter->setHidden(WorkerTableModel::Started, true);
    m_fitter->setHidden(WorkerTableModel::Threads, true);
    m_fitter->setHidden(WorkerTableModel::Switches, true);
}

QByteArray WorkerColumns::saveState()
{
    return m_fitter->saveState();
}

void WorkerColumns::restoreState(const QByteArray& state)
{
    m_fitter->restoreState(state);
}

void WorkerColumns::sizeColumns()
{
    // Wide enough for what the column shows (samples of its longest usual content) and for
    // its title; the user's own widths, when the window restores them, win.
    QHeaderView* header = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    const int padding =
        2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 12;
    const int icon = 12 + 6;
    const struct {
        int column;
        QString sample;
        int extra;
    } columns[] = {{WorkerTableModel::Name, QStringLiteral("Thread-10 (faz_algo)"), 0},
                   {WorkerTableModel::Backend, QStringLiteral("process"), 0},
                   {WorkerTableModel::State, longestStateText(), icon},
                   {WorkerTableModel::Ident, QStringLiteral("4194304"), 0},
                   {WorkerTableModel::ExitCode, QStringLiteral("-11 (SIGSEGV)"), 0},
                   {WorkerTableModel::Started, QStringLiteral("00:00:00.000"), 0},
                   {WorkerTableModel::Duration, QStringLiteral("00:00.000"), 0},
                   {WorkerTableModel::Lines, QStringLiteral("1000000"), 0},
                   {WorkerTableModel::CpuTime, QStringLiteral("2 min 05 s"), 0},
                   {WorkerTableModel::CpuPercent, QStringLiteral("100%"), 0},
                   {WorkerTableModel::Memory, QStringLiteral("12.5 MB / 12.5 MB"), 0},
                   {WorkerTableModel::Threads, QStringLiteral("100"), 0},
                   {WorkerTableModel::Switches, QStringLiteral("100000 / 1000"), 0}};
    for (const auto& c : columns) {
        const int title =
            header->fontMetrics().horizontalAdvance(
                m_model->headerData(c.column, Qt::Horizontal, Qt::DisplayRole).toString()) +
            padding + 16; // the sort arrow
        m_fitter->setWanted(c.column,
                            std::max(title, fm.horizontalAdvance(c.sample) + c.extra + padding));
    }
}

void WorkerColumns::fillMenu()
{
    m_menu->clear();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction* action = m_menu->addAction(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!m_fitter->isHidden(column));
        connect(action, &QAction::toggled, m_fitter,
                [this, column](bool shown) { m_fitter->setHidden(column, !shown); });
    }
}

} // namespace twinrun
