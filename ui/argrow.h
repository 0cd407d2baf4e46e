#pragma once

#include "argtype.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace twinrun {

// One argument of the launch form: a type, a value as text, and for a keyword argument its
// name, picked from the names the target takes (typed freely only where the signature has
// **kwargs). A positional row shows the parameter it binds to and can be moved; both can be
// removed. The row only edits: parsing and checking belong to whoever reads it.
class ArgRow : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Positional, Keyword };
    struct State {
        ArgType type = ArgType::Str;
        QString text;
        QString name; // keyword rows only
        friend bool operator==(const State&, const State&) = default;
    };

    explicit ArgRow(Kind kind, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    State state() const;
    void setState(const State& state);
    void setValue(const Value& value); // type and text that show it

    ArgType type() const;
    QString text() const;
    QString name() const;
    ValueParseResult value() const { return parseArg(type(), text()); }

    void setLabel(const QString& label); // the parameter a positional row binds to
    QString label() const;
    // Keyword rows: the names offered; free: any name may be typed (**kwargs).
    void setNameChoices(const QStringList& names, bool free);
    void setName(const QString& name);
    // Whether the user has typed in the value since the row was filled: a row they have not
    // touched follows the parameter its name picks (type and default).
    bool valueEdited() const { return m_valueEdited; }
    void setMoveEnabled(bool up, bool down);

    QComboBox* typeCombo() const { return m_type; }
    QLineEdit* valueEdit() const { return m_value; }
    QComboBox* nameCombo() const { return m_name; } // null for positional rows
    QWidget* nameField() const;                     // what to mark invalid: the combo

Q_SIGNALS:
    void changed();
    void nameChosen(const QString& name); // by the user, keyword rows only
    void moveUpRequested();
    void moveDownRequested();
    void removeRequested();

private:
    QToolButton* addButton(const QString& objectName, const QIcon& icon, const QString& toolTip);
    void updateValueEditForType();

    const Kind m_kind;
    QLabel* m_label = nullptr;
    QComboBox* m_name = nullptr;
    bool m_valueEdited = false;
    QComboBox* m_type;
    QLineEdit* m_value;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
};

} // namespace twinrun
