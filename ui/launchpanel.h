#pragma once

#include "arglisteditor.h"
#include "targetcombo.h"
#include <twinrun/launchspec.h>

#include <QHash>
#include <QWidget>

class QAction;
class QJsonObject;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QTimer;
class QLineEdit;
class QPushButton;
class QScrollArea;

namespace twinrun {

// The launch form: target, args, kwargs, name, daemon and backend (thread, process, both).
// Every edit is checked at once with the same rules a worker applies at start()
// (prepareCall): a refused field is marked with the reason, the reason is shown under the
// form, and Launch stays disabled until the form is fixed.
//
// Keyboard: Tab goes target, arguments in order, keywords, run as, name, daemon, Launch;
// the labels have Alt+letter mnemonics; after a target is picked the focus goes to the first
// field that needs input (else to Launch).
class LaunchPanel : public QWidget {
    Q_OBJECT
public:
    explicit LaunchPanel(QWidget* parent = nullptr);

    // The form as a spec. A field that does not parse is taken as the str typed, so the
    // parity panel can still show it; isValid() says whether it can launch.
    LaunchSpec spec() const;
    void setSpec(const LaunchSpec& spec);

    // The height that shows every field without scrolling, at the current width.
    int idealHeight() const;
    // The narrowest width that shows every field whole (with room for a vertical scrollbar).
    int minimumFieldsWidth() const;

    // The form exactly as typed (each row's type and text, valid or not), for the window's
    // settings: spec() would turn a field that does not parse into a str.
    QJsonObject formState() const;
    bool setFormState(const QJsonObject& state); // false, and nothing changed, if unreadable

    // Refuses launching while a reason is set (the window is closing); empty allows it again.
    void setLaunchBlocked(const QString& reason);
    // The first field marked invalid, in tab order, else the given fallback (or Launch).
    void focusFirstNeedingInput(QWidget* fallback = nullptr);
    // The form's widgets in tab order, ending with Launch (the window continues the chain).
    QList<QWidget*> tabChain() const;

    // Picks the target as the user would in the list (its arguments as last typed for it).
    void pickTarget(const QString& name);
    // The target list again, after a plugin was loaded: a target shown while unknown gets its
    // signature and description, its rows kept as typed.
    void refreshTargets();

    bool isValid() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }

    // Ctrl+Return; enabled while the form is valid. The window puts it in its menu too.
    QAction* launchAction() const { return m_launchAction; }

    TargetCombo* targetCombo() const { return m_target; }
    ArgListEditor* argsEditor() const { return m_args; }
    ArgListEditor* kwargsEditor() const { return m_kwargs; }
    QLineEdit* nameEdit() const { return m_name; }
    QCheckBox* daemonCheck() const { return m_daemon; }
    // "Compare with Python": also run the call with CPython (disabled, with the reason as its
    // tooltip, when no python3 or TwinRun's runner is found, or the target has no Python twin).
    QCheckBox* pythonCheck() const { return m_python; }
    bool compareWithPython() const;
    QPushButton* launchButton() const { return m_launchButton; }
    QLabel* reasonLabel() const { return m_reason; }
    void setMode(LaunchSpec::Mode mode);
    LaunchSpec::Mode mode() const;

Q_SIGNALS:
    void specChanged(); // after any edit, once the form has been checked
    void launchRequested(const twinrun::LaunchSpec& spec);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Form {
        QList<ArgRow::State> args;
        QList<ArgRow::State> kwargs;
    };

    QWidget* buildTargetBox();
    QWidget* buildWorkerBox();
    QWidget* buildReasonBox();
    void onTargetPicked();
    void showTarget(const QString& name, const Form& form);
    Form defaultForm(const Target& target) const;
    QString currentTargetName() const;
    void validate();
    QString checkRows();
    void markCallError(const CallError& problem);
    void clearMarks();
    void updateLaunchEnabled();
    void updateTabOrder();
    void applyColors();
    QWidget* buildPythonCheck(); // launchpython.cpp
    void updatePythonCheck();

    TargetCombo* m_target;
    QLabel* m_description;
    QGroupBox* m_argsBox;
    ArgListEditor* m_args;
    QGroupBox* m_kwargsBox;
    ArgListEditor* m_kwargs;
    QLineEdit* m_name;
    QCheckBox* m_daemon;
    QComboBox* m_startMethod;
    QCheckBox* m_python;
    QString m_pythonMissing; // what is missing to run CPython, "" when it can run
    QWidget* m_modeBox;
    QButtonGroup* m_mode;
    QWidget* m_reasonBox;
    QLabel* m_reason;
    QPushButton* m_launchButton;
    // Moves the focus on once the user has stopped typing a target's name into the combo.
    QTimer* m_focusAfterTyping;
    QAction* m_launchAction;
    QScrollArea* m_scroll;

    QString m_problem;
    QString m_blockedReason;
    QString m_shownTarget;                    // the target whose arguments the editors hold
    bool m_shownRegistered = false;           // and whether it was registered when shown
    std::pair<QString, QString> m_specPlugin; // the last setSpec()'s target and its plugin file
    QHash<QString, Form> m_formsByTarget;     // so switching targets back and forth loses nothing
    bool m_settingSpec = false;
};

} // namespace twinrun
