#pragma once

#include <QMainWindow>

namespace twinrun {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace twinrun
