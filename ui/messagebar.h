#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace twinrun {

// A thin bar across a panel that says something lasting (a close is pending, a join is
// waiting, a setting was refused), with buttons for what can be done about it. Its colours
// come from the palette (themecolors.h). Hidden until show()n; a Close button hides it.
class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Warning };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind = Kind::Info);
    QString text() const;
    QLabel* label() const { return m_text; }
    // A button on the bar, right-aligned, in the order added.
    QPushButton* addButton(const QString& text, const QString& objectName);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColors();

    QLabel* m_icon;
    QLabel* m_text;
    QHBoxLayout* m_layout;
    Kind m_kind = Kind::Info;
    bool m_applying = false;
};

} // namespace twinrun
