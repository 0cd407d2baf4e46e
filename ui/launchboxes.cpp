// LaunchPanel's boxes: the target, the worker (run as, start method, name, daemon) and the
// reason the form is refused, built once by the constructor (launchpanel.cpp).
#include "launchpanel.h"

#include "targetcombo.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace twinrun {

QWidget* LaunchPanel::buildTargetBox()
{
    auto* box = new QGroupBox(tr("&Target"), this);
    // Typing "co" picks count at "c": the focus moves on only when the typing pauses (the
    // combo's own keyboard-search interval), so the "o" still goes to the combo.
    m_focusAfterTyping = new QTimer(this);
    m_focusAfterTyping->setSingleShot(true);
    m_focusAfterTyping->setInterval(QApplication::keyboardInputInterval());
    connect(m_focusAfterTyping, &QTimer::timeout, this, [this] {
        if (m_target->hasFocus())
            focusFirstNeedingInput(m_launchButton);
    });
    connect(m_target, &QComboBox::activated, this, [this] {
        onTargetPicked();
        if (m_target->hasFocus())
            m_focusAfterTyping->start();
        else
            focusFirstNeedingInput(m_launchButton);
    });

    m_description->setObjectName(QStringLiteral("descriptionLabel"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_target);
    layout->addWidget(m_description);
    return box;
}

QWidget* LaunchPanel::buildWorkerBox()
{
    auto* box = new QGroupBox(tr("Worker"), this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("default: Thread-N (target) / Process-N"));
    m_name->setClearButtonEnabled(true);

    m_daemon->setObjectName(QStringLiteral("daemonCheck"));
    m_daemon->setToolTip(tr("A daemon worker is stopped when the app quits; the app waits "
                            "for the others (and asks you first)"));

    m_modeBox->setObjectName(QStringLiteral("modeBox"));
    auto* modeLayout = new QHBoxLayout(m_modeBox);
    modeLayout->setContentsMargins(0, 0, 0, 0);
    const struct {
        LaunchSpec::Mode mode;
        const char* objectName;
        QString text;
        QString toolTip;
    } modes[] = {
        {LaunchSpec::Mode::Thread, "threadRadio", tr("Thread"),
         tr("threading.Thread: runs inside this app, shares its memory")},
        {LaunchSpec::Mode::Process, "processRadio", tr("Process"),
         tr("multiprocessing.Process: a child process of its own (spawn)")},
        {LaunchSpec::Mode::Both, "bothRadio", tr("Both"),
         tr("The same call as a thread and as a process at once, to compare them")},
    };
    for (const auto& m : modes) {
        auto* radio = new QRadioButton(m.text, m_modeBox);
        radio->setObjectName(QLatin1String(m.objectName));
        radio->setToolTip(m.toolTip);
        m_mode->addButton(radio, static_cast<int>(m.mode));
        modeLayout->addWidget(radio);
    }
    modeLayout->addStretch();

    m_startMethod->setObjectName(QStringLiteral("startMethodCombo"));
    m_startMethod->addItem(tr("spawn"), static_cast<int>(StartMethod::Spawn));
    m_startMethod->addItem(tr("forkserver"), static_cast<int>(StartMethod::ForkServer));
    m_startMethod->setToolTip(tr("How a process worker starts, like Python's start methods: spawn "
                                 "re-runs TwinRun; forkserver forks a warm helper (faster)"));

    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_daemon);
    auto* layout = new QFormLayout(box);
    auto* runAs = new QLabel(tr("R&un as:"), box);
    runAs->setBuddy(m_mode->button(static_cast<int>(LaunchSpec::Mode::Thread)));
    auto* name = new QLabel(tr("&Name:"), box);
    name->setBuddy(m_name);
    // The start method on a row of its own: beside the three choices it made the form wider
    // than an 800x600 window gives it in Portuguese.
    auto* startMethod = new QLabel(tr("Start &method:"), box);
    startMethod->setBuddy(m_startMethod);
    layout->addRow(runAs, m_modeBox);
    layout->addRow(startMethod, m_startMethod);
    layout->addRow(QString(), buildPythonCheck());
    layout->addRow(name, nameRow);
    return box;
}

QWidget* LaunchPanel::buildReasonBox()
{
    m_reasonBox->setObjectName(QStringLiteral("reasonBox"));
    auto* icon = new QLabel(m_reasonBox);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText); // the reason quotes what the user typed
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyColors();
    auto* layout = new QHBoxLayout(m_reasonBox);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(icon);
    layout->addWidget(m_reason, 1);
    m_reasonBox->hide();
    return m_reasonBox;
}

} // namespace twinrun
