#pragma once

#include <QList>

class QWidget;

namespace twinrun {

class Worker;

// What to do when the window is closed while non-daemon workers still run, as Python's
// interpreter waits for non-daemon threads at exit: wait for them, stop them, or stay.
enum class QuitChoice { Wait, Stop, Cancel };

// Asks with a modal QMessageBox. For tests: the box is named "quitDialog" and its buttons
// "waitButton", "stopButton" and "cancelButton", so QApplication::activeModalWidget() finds
// them; MainWindow::setQuitPrompt() replaces the whole question.
QuitChoice askQuitChoice(QWidget* parent, const QList<Worker*>& running);

} // namespace twinrun
