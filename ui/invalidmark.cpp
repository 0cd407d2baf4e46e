#include "invalidmark.h"

#include "appresources.h"
#include "themecolors.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QVariant>
#include <QWidget>

namespace twinrun {

namespace {

constexpr char kReasonProperty[] = "twinrunInvalidReason";
constexpr char kToolTipProperty[] = "twinrunOwnToolTip";
const QString kIconActionName = QStringLiteral("invalidMarkIcon");

QAction* iconAction(QLineEdit* edit)
{
    return edit->findChild<QAction*>(kIconActionName, Qt::FindDirectChildrenOnly);
}

// A plain container (the group of mode buttons) paints no background of its own.
bool isContainer(const QWidget* field)
{
    return !qobject_cast<const QLineEdit*>(field) && !qobject_cast<const QComboBox*>(field);
}

} // namespace

void markInvalid(QWidget* field, const QString& reason)
{
    if (!isMarkedInvalid(field)) {
        field->setProperty(kToolTipProperty, field->toolTip());
        // From the palette the field inherits, so a dark theme gets a dark tint.
        const QWidget* parent = field->parentWidget();
        field->setPalette(theme::invalidPalette(parent ? parent->palette() : field->palette()));
        if (isContainer(field))
            field->setAutoFillBackground(true);
        if (auto* edit = qobject_cast<QLineEdit*>(field)) {
            QAction* icon =
                edit->addAction(actionIcon("dialog-warning"), QLineEdit::TrailingPosition);
            icon->setObjectName(kIconActionName);
        }
    }
    field->setProperty(kReasonProperty, reason);
    field->setToolTip(reason);
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        iconAction(edit)->setToolTip(reason);
}

void clearInvalid(QWidget* field)
{
    if (!isMarkedInvalid(field))
        return;
    field->setToolTip(field->property(kToolTipProperty).toString());
    field->setProperty(kReasonProperty, QVariant());
    field->setProperty(kToolTipProperty, QVariant());
    field->setPalette(QPalette());
    if (isContainer(field))
        field->setAutoFillBackground(false);
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        delete iconAction(edit);
}

bool isMarkedInvalid(const QWidget* field)
{
    return field->property(kReasonProperty).isValid();
}

QString invalidReason(const QWidget* field)
{
    return field->property(kReasonProperty).toString();
}

} // namespace twinrun
