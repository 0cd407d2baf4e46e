#include "mainwindow.h"

namespace twinrun {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("TwinRun"));
    resize(1100, 720);
}

} // namespace twinrun
