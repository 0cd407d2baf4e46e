#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace twinrun {

// Find in a text view, as in an editor: typing searches from the current match, Return and
// the arrows go to the next / previous match, wrapping around; Escape closes the bar.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit* target, QWidget* parent = nullptr);

    void activate(); // show, focus, select the text to replace it
    bool findNext();
    bool findPrevious();
    QLineEdit* edit() const { return m_edit; }

private:
    bool find(bool backward, bool fromSelectionStart);

    QPlainTextEdit* m_target;
    QLineEdit* m_edit;
    QCheckBox* m_matchCase;
};

} // namespace twinrun
