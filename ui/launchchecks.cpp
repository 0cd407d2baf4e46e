// LaunchPanel's checking: validation and the marks on refused fields, whether Launch is
// enabled, and the keyboard path through the form (tab order, where focus lands).
#include "launchpanel.h"

#include "invalidmark.h"
#include "targetcombo.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace twinrun {

void LaunchPanel::validate()
{
    if (m_settingSpec)
        return;
    clearMarks();
    m_startMethod->setEnabled(mode() != LaunchSpec::Mode::Thread);
    m_problem = checkRows();
    if (m_problem.isEmpty()) {
        const LaunchSpec s = spec();
        for (Backend backend : s.backends()) {
            const PreparedCall call = prepareCall(s.worker.target, s.worker.args, s.worker.kwargs,
                                                  backend == Backend::Thread);
            if (!call) {
                m_problem = call.error;
                markCallError(call.problem);
                break;
            }
        }
    }
    // The one size limit (workerspec.h), shown where the arguments are typed.
    if (m_problem.isEmpty()) {
        if (const Status size = checkWorkerSpecSize(spec().worker); !size)
            m_problem = size.message();
    }
    m_reason->setText(m_problem);
    m_reasonBox->setVisible(!m_problem.isEmpty());
    updatePythonCheck();
    updateLaunchEnabled();
    updateTabOrder();
    emit specChanged();
}

void LaunchPanel::updateLaunchEnabled()
{
    const bool enabled = m_problem.isEmpty() && m_blockedReason.isEmpty();
    m_launchAction->setEnabled(enabled);
    m_launchButton->setEnabled(enabled);
    const QString toolTip =
        m_blockedReason.isEmpty() ? tr("Launch the form's call (Ctrl+Return)") : m_blockedReason;
    m_launchAction->setToolTip(toolTip);
    m_launchButton->setToolTip(toolTip);
}

void LaunchPanel::setLaunchBlocked(const QString& reason)
{
    m_blockedReason = reason;
    updateLaunchEnabled();
}

QList<QWidget*> LaunchPanel::tabChain() const
{
    QList<QWidget*> chain{m_target};
    for (ArgListEditor* editor : {m_args, m_kwargs}) {
        for (ArgRow* row : editor->rows()) {
            if (row->nameCombo())
                chain << row->nameCombo();
            chain << row->typeCombo() << row->valueEdit();
            for (auto* button : row->findChildren<QWidget*>(
                     QRegularExpression(QStringLiteral("^(up|down|remove)Button$")),
                     Qt::FindDirectChildrenOnly))
                chain << button;
        }
        chain << editor->addButton();
    }
    for (QAbstractButton* radio : m_mode->buttons())
        chain << radio;
    chain << m_startMethod << m_python << m_name << m_daemon << m_launchButton;
    return chain;
}

void LaunchPanel::updateTabOrder()
{
    // Rows are created as the form changes, after the rest of the window: without this
    // they would come last in the window's tab chain.
    const QList<QWidget*> chain = tabChain();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void LaunchPanel::focusFirstNeedingInput(QWidget* fallback)
{
    for (QWidget* field : tabChain()) {
        if (isMarkedInvalid(field) && field->isEnabled()) {
            field->setFocus(Qt::OtherFocusReason);
            if (auto* edit = qobject_cast<QLineEdit*>(field))
                edit->selectAll();
            return;
        }
    }
    (fallback ? fallback : m_launchButton)->setFocus(Qt::OtherFocusReason);
}

QString LaunchPanel::checkRows()
{
    QString first;
    const auto refuse = [&first](QWidget* field, const QString& reason) {
        if (auto* combo = qobject_cast<QComboBox*>(field); combo && combo->lineEdit())
            field = combo->lineEdit();
        markInvalid(field, reason);
        if (first.isEmpty())
            first = reason;
    };
    for (const ArgRow* row : m_args->rows()) {
        const ValueParseResult parsed = row->value();
        if (!parsed)
            refuse(row->valueEdit(), tr("%1: %2").arg(row->label(), parsed.error));
    }
    QStringList seen;
    for (const ArgRow* row : m_kwargs->rows()) {
        const QString name = row->name();
        if (name.isEmpty())
            refuse(row->nameField(), tr("A keyword argument needs a name"));
        else if (!isIdentifier(name))
            refuse(row->nameField(), tr("'%1' is not a valid keyword name").arg(name));
        else if (seen.contains(name))
            refuse(row->nameField(), tr("keyword argument repeated: %1").arg(name));
        seen << name;
        const ValueParseResult parsed = row->value();
        if (!parsed)
            refuse(row->valueEdit(), tr("%1=: %2").arg(name, parsed.error));
    }
    return first;
}

// Marks the field a refused call points at, from the call's structured error (never by
// reading its message).
void LaunchPanel::markCallError(const CallError& problem)
{
    using Kind = CallError::Kind;
    const QString& error = problem.message;
    switch (problem.kind) {
    case Kind::None:
        return;
    case Kind::UnknownTarget:
        markInvalid(m_target, error);
        return;
    case Kind::Refused: // refused only as a thread: the backend choice is what to change
        markInvalid(m_modeBox, error);
        return;
    case Kind::Arity:
        for (int i = int(problem.position); i < m_args->count(); ++i)
            markInvalid(m_args->row(i)->valueEdit(), error);
        return;
    default:
        break;
    }
    if (!problem.keyword.isEmpty()) {
        for (ArgRow* row : m_kwargs->rows()) {
            if (row->name() != problem.keyword)
                continue;
            const bool nameIsWrong =
                problem.kind == Kind::Unexpected || problem.kind == Kind::Duplicate;
            markInvalid(nameIsWrong ? row->nameField() : row->valueEdit(), error);
            return;
        }
    }
    if (problem.position >= 0 && problem.position < m_args->count()) {
        markInvalid(m_args->row(int(problem.position))->valueEdit(), error);
        return;
    }
    // A missing parameter: point at the list it belongs in.
    bool keywordOnly = false;
    if (const Target* target = TargetRegistry::instance().find(currentTargetName())) {
        for (const Param& p : target->signature.params)
            keywordOnly =
                keywordOnly || (p.name == problem.parameter && p.kind == Param::Kind::KeywordOnly);
    }
    markInvalid(keywordOnly ? m_kwargsBox : m_argsBox, error);
}

void LaunchPanel::clearMarks()
{
    clearInvalid(m_target);
    clearInvalid(m_modeBox);
    clearInvalid(m_argsBox);
    clearInvalid(m_kwargsBox);
    for (ArgListEditor* editor : {m_args, m_kwargs}) {
        for (ArgRow* row : editor->rows()) {
            clearInvalid(row->valueEdit());
            if (row->nameCombo()) {
                clearInvalid(row->nameCombo());
                if (row->nameCombo()->lineEdit())
                    clearInvalid(row->nameCombo()->lineEdit());
            }
        }
    }
}

} // namespace twinrun
