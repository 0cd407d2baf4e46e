#pragma once

#include "argrow.h"
#include <twinrun/target.h>

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace twinrun {

// The positional or the keyword arguments of one call, as a list of ArgRows with an Add
// button. Knows the target's signature only to help: it labels positional rows with the
// parameter they bind to, offers the target's keyword parameters by name (free names only
// with **kwargs), types and fills a new row from its parameter (annotation and default),
// and adds rows only where a parameter can take them (positional rows past the named ones
// need *args). It never refuses a value.
class ArgListEditor : public QWidget {
    Q_OBJECT
public:
    explicit ArgListEditor(ArgRow::Kind kind, QWidget* parent = nullptr);

    void setSignature(const Signature& signature);

    int count() const { return static_cast<int>(m_rows.size()); }
    ArgRow* row(int index) const { return m_rows.value(index); }
    const QList<ArgRow*>& rows() const { return m_rows; }

    QList<ArgRow::State> states() const;
    void setStates(const QList<ArgRow::State>& states);

    // Appends a row: typed and filled from the next parameter (positional rows) or the first
    // keyword parameter not given yet (keyword rows).
    ArgRow* addRow();
    // Keyword editor: how many positional arguments the call has, so that Add offers the
    // parameters they do not bind first.
    void setPositionalCount(int count);
    void removeRow(int index);
    void moveRow(int from, int to);
    // How many positional rows the signature can bind; -1 when *args takes any number.
    int positionalCapacity() const;

    QPushButton* addButton() const { return m_add; }

Q_SIGNALS:
    void changed();

private:
    ArgRow* appendRow();
    void clearRows();
    void refreshRows(); // labels, move buttons, Add button, placeholder
    QList<const Param*> positionalParams() const;
    const Param* varPositional() const;
    bool acceptsKeywords() const;
    bool acceptsAnyKeyword() const; // **kwargs
    QList<const Param*> keywordParams() const;
    const Param* keywordParam(const QString& name) const;
    QStringList namesUsedBy(const ArgRow* except) const;
    void fillFromParam(ArgRow* row, const Param& param);

    const ArgRow::Kind m_kind;
    Signature m_signature;
    QList<ArgRow*> m_rows;
    QVBoxLayout* m_rowLayout;
    QLabel* m_empty;
    QPushButton* m_add;
    int m_positionalCount = 0;
};

} // namespace twinrun
