#pragma once

#include <QStyledItemDelegate>

namespace twinrun {

// Puts a coloured dot before a worker's state, so the table reads at a glance: blue while
// running, green finished, red failed or crashed, amber stopped, grey failed to start.
class StateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace twinrun
