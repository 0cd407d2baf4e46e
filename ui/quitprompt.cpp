#include "quitprompt.h"

#include <twinrun/worker.h>

#include <QMessageBox>
#include <QPushButton>
#include <QStringList>

namespace twinrun {

QuitChoice askQuitChoice(QWidget* parent, const QList<Worker*>& running)
{
    QStringList names;
    for (const Worker* w : running)
        names << w->name();
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("quitDialog"));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(QMessageBox::tr("Workers Still Running"));
    box.setTextFormat(Qt::PlainText); // worker names are user text
    box.setText(running.size() == 1
                    ? QMessageBox::tr("1 worker is still running: %1.").arg(names.first())
                    : QMessageBox::tr("%1 workers are still running: %2.")
                          .arg(running.size())
                          .arg(names.join(QStringLiteral(", "))));
    box.setInformativeText(
        QMessageBox::tr("Wait keeps the window open until they end, then closes it. Stop asks "
                        "them to stop; processes that do not stop in time are killed."));
    QPushButton* wait = box.addButton(QMessageBox::tr("Wait"), QMessageBox::AcceptRole);
    QPushButton* stop = box.addButton(QMessageBox::tr("Stop Them"), QMessageBox::DestructiveRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    wait->setObjectName(QStringLiteral("waitButton"));
    stop->setObjectName(QStringLiteral("stopButton"));
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(wait);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == wait)
        return QuitChoice::Wait;
    if (box.clickedButton() == stop)
        return QuitChoice::Stop;
    return QuitChoice::Cancel;
}

} // namespace twinrun
