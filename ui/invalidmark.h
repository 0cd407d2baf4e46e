#pragma once

#include <QString>

class QWidget;

namespace twinrun {

// How the launch form shows a field it refuses: a reddish background, a warning icon inside
// line edits, and the reason as the tooltip. Clearing restores the field's own tooltip and
// the style's palette. Marking an already marked field only updates the reason.
void markInvalid(QWidget* field, const QString& reason);
void clearInvalid(QWidget* field);
bool isMarkedInvalid(const QWidget* field);
QString invalidReason(const QWidget* field);

} // namespace twinrun
