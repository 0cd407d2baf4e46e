// LaunchPanel's "Compare with Python" check box (issue 13): its state and why it is disabled.
#include "launchpanel.h"

#include <twinrun/pythonrun.h>

#include <QCheckBox>

namespace twinrun {

QWidget* LaunchPanel::buildPythonCheck()
{
    m_python->setObjectName(QStringLiteral("pythonCheck"));
    // Files only, no process: cheap enough for the GUI thread, once.
    const PythonSetup setup = PythonSetup::locate();
    m_pythonMissing = setup.error;
    connect(m_python, &QCheckBox::toggled, this, [this] {
        if (!m_settingSpec)
            emit specChanged();
    });
    return m_python;
}

bool LaunchPanel::compareWithPython() const
{
    return m_python->isEnabled() && m_python->isChecked();
}

void LaunchPanel::updatePythonCheck()
{
    const QString refusal = pythonTwinRefusal(currentTargetName());
    if (!m_pythonMissing.isEmpty()) {
        m_python->setEnabled(false);
        m_python->setToolTip(tr("Not available: %1").arg(m_pythonMissing));
    } else if (!refusal.isEmpty()) {
        m_python->setEnabled(false);
        m_python->setToolTip(tr("Not available for this target: %1").arg(refusal));
    } else {
        m_python->setEnabled(true);
        m_python->setToolTip(tr("Also run the call with CPython's threading.Thread and/or "
                                "multiprocessing.Process, and compare every run"));
    }
}

} // namespace twinrun
