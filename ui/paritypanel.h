#pragma once

#include <twinrun/launchspec.h>

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace twinrun {

// What the launch form means elsewhere: the Python line for a thread and for a process, and
// the TwinRun C++ call, each with a Copy button. Shown as plain monospace text. A form that
// cannot launch shows no code, only why (showProblem): code for a call that would be
// refused would teach the wrong thing.
class ParityPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParityPanel(QWidget* parent = nullptr);

    void setSpec(const LaunchSpec& spec);
    void showProblem(const QString& problem);

    QString pythonThreadText() const;
    QString pythonProcessText() const;
    QString cppText() const;

Q_SIGNALS:
    void copied(const QString& what); // for a status message

private:
    QPlainTextEdit* addSection(const QString& objectName, const QString& title, int lines);

    QPlainTextEdit* m_pythonThread;
    QPlainTextEdit* m_pythonProcess;
    QPlainTextEdit* m_cpp;
    QList<QWidget*> m_copyButtons;
};

} // namespace twinrun
