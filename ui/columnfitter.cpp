#include "columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace twinrun {

ColumnFitter::ColumnFitter(QTableView* view, int fillColumn, QList<int> keptColumns)
    : QObject(view)
    , m_view(view)
    , m_header(view->horizontalHeader())
    , m_viewport(view->viewport())
    , m_fill(fillColumn)
    , m_kept(std::move(keptColumns))
{
    applyModes();
    m_viewport->installEventFilter(this);
    connect(m_header, &QHeaderView::sectionResized, this,
            [this](int column, int, int newSize) { sectionResized(column, newSize); });
    connect(m_header, &QHeaderView::sectionMoved, this, &ColumnFitter::fit);
    connect(m_header, &QHeaderView::sectionCountChanged, this, &ColumnFitter::fit);
}

void ColumnFitter::applyModes()
{
    m_header->setStretchLastSection(false);
    m_header->setSectionResizeMode(QHeaderView::Interactive);
    if (m_fill < m_header->count())
        m_header->setSectionResizeMode(m_fill, QHeaderView::Fixed); // what is left, not dragged
}

void ColumnFitter::setWanted(int column, int width)
{
    m_wanted.insert(column, width);
    fit();
}

int ColumnFitter::wanted(int column) const
{
    return m_wanted.value(column, m_header->defaultSectionSize());
}

void ColumnFitter::setHidden(int column, bool hidden)
{
    m_fitting = true;
    m_folded.remove(column);
    m_header->setSectionHidden(column, hidden); // fit() takes it as the user's choice
    m_fitting = false;
    fit();
}

void ColumnFitter::sectionResized(int column, int newSize)
{
    // A width set from outside (the user's drag, a double click on the handle, the window) is
    // the width wanted; the fitter's own changes are not.
    if (m_fitting || column == m_fill || newSize <= 0)
        return;
    m_wanted.insert(column, newSize);
    fit();
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event)
{
    // The viewport as it was at the start: the filter also sees the viewport's last events while
    // the view is being destroyed, when the view is no QAbstractScrollArea any more.
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    // A section hidden or shown from outside (QHeaderView's own calls) is the user's choice.
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column) && !m_folded.contains(column))
            m_hidden.insert(column);
        else if (!m_header->isSectionHidden(column))
            m_hidden.remove(column);
    }
    // Not shown: nothing to fit into yet (the widths wanted stand).
    const int available = m_view->isVisible() ? m_view->viewport()->width() : 1 << 20;
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    const int fillMin = 8 * charWidth + 12;  // "faz_alg…"
    const int firstMin = 6 * charWidth + 12; // "Threa…"

    QList<int> order; // the user's visible columns but the fill one, left to right
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int column = m_header->logicalIndex(visual);
        if (column != m_fill && !m_hidden.contains(column))
            order << column;
    }
    const bool fillShown = m_fill < m_header->count() && !m_hidden.contains(m_fill);
    const int reserve = fillShown ? fillMin : 0;
    QSet<int> folded;
    const auto used = [&] {
        int sum = 0;
        for (int column : order)
            sum += folded.contains(column) ? 0 : wanted(column);
        return sum;
    };
    for (qsizetype i = order.size() - 1; i >= 1 && used() + reserve > available; --i) {
        if (!m_kept.contains(order[i]))
            folded.insert(order[i]);
    }
    for (int column = 0; column < m_header->count(); ++column) {
        const bool hide = m_hidden.contains(column) || folded.contains(column);
        if (m_header->isSectionHidden(column) != hide)
            m_header->setSectionHidden(column, hide);
    }
    int total = 0;
    for (int column : order) {
        if (folded.contains(column))
            continue;
        int width = wanted(column);
        if (column == order.first()) // the first gives way, eliding, before anything overflows
            width = std::max(std::min(width, firstMin),
                             width - std::max(0, used() + reserve - available));
        m_header->resizeSection(column, width);
        total += width;
    }
    if (fillShown)
        m_header->resizeSection(m_fill, std::max(fillMin, available - total));
    m_folded = folded;
    m_fitting = false;
}

QByteArray ColumnFitter::saveState()
{
    // The user's layout: folded columns shown again at the widths they want.
    m_fitting = true;
    for (int column : std::as_const(m_folded))
        m_header->setSectionHidden(column, false);
    for (int column = 0; column < m_header->count(); ++column) {
        if (column != m_fill && !m_hidden.contains(column))
            m_header->resizeSection(column, wanted(column));
    }
    const QByteArray state = m_header->saveState();
    m_fitting = false;
    fit();
    return state;
}

bool ColumnFitter::restoreState(const QByteArray& state)
{
    m_fitting = true;
    m_folded.clear();
    const bool restored = m_header->restoreState(state);
    applyModes();
    if (restored) {
        m_hidden.clear();
        for (int column = 0; column < m_header->count(); ++column) {
            if (m_header->isSectionHidden(column))
                m_hidden.insert(column);
            else if (column != m_fill && m_header->sectionSize(column) > 0)
                m_wanted.insert(column, m_header->sectionSize(column));
        }
    }
    m_fitting = false;
    fit();
    return restored;
}

} // namespace twinrun
