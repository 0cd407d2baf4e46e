#include "statedelegate.h"

#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace twinrun {

namespace {

QColor colorOf(Worker::State state)
{
    switch (state) {
    case Worker::State::Created:
    case Worker::State::Starting:
    case Worker::State::Running:
        return QColor(40, 110, 220);
    case Worker::State::Finished:
        return QColor(40, 160, 70);
    case Worker::State::Failed:
    case Worker::State::Crashed:
        return QColor(210, 40, 40);
    case Worker::State::Terminated:
    case Worker::State::Killed:
        return QColor(230, 150, 20);
    case Worker::State::FailedToStart:
        break;
    }
    return QColor(140, 140, 140);
}

QIcon dot(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

void StateDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant state = index.data(WorkerTableModel::StateRole);
    if (!state.isValid())
        return;
    option->features |= QStyleOptionViewItem::HasDecoration;
    // One icon per state, made once: paint() runs for every visible cell on every refresh.
    static QHash<int, QIcon> icons;
    auto it = icons.constFind(state.toInt());
    if (it == icons.cend())
        it = icons.insert(state.toInt(), dot(colorOf(static_cast<Worker::State>(state.toInt()))));
    option->icon = *it;
    option->decorationSize = QSize(12, 12);
}

} // namespace twinrun
