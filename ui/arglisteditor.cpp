#include "arglisteditor.h"

#include "appresources.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace twinrun {

ArgListEditor::ArgListEditor(ArgRow::Kind kind, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_rowLayout(new QVBoxLayout)
    , m_empty(new QLabel(this))
    , m_add(new QPushButton(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(3);
    layout->addLayout(m_rowLayout);

    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setEnabled(false); // greyed: a hint, not content
    m_empty->setText(kind == ArgRow::Kind::Positional ? tr("No positional arguments")
                                                      : tr("No keyword arguments"));

    m_add->setObjectName(QStringLiteral("addButton"));
    m_add->setText(kind == ArgRow::Kind::Positional ? tr("&Add argument") : tr("Add ke&yword"));
    m_add->setIcon(actionIcon("list-add"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_empty);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        ArgRow* row = addRow();
        (row->nameCombo() ? static_cast<QWidget*>(row->nameCombo()) : row->valueEdit())->setFocus();
    });
    refreshRows();
}

void ArgListEditor::setSignature(const Signature& signature)
{
    m_signature = signature;
    refreshRows();
}

QList<ArgRow::State> ArgListEditor::states() const
{
    QList<ArgRow::State> result;
    for (const ArgRow* row : m_rows)
        result << row->state();
    return result;
}

void ArgListEditor::setStates(const QList<ArgRow::State>& states)
{
    clearRows();
    for (const ArgRow::State& state : states)
        appendRow()->setState(state);
    refreshRows();
    emit changed();
}

ArgRow* ArgListEditor::addRow()
{
    const int index = count();
    ArgRow* row = appendRow();
    if (m_kind == ArgRow::Kind::Positional) {
        const QList<const Param*> named = positionalParams();
        const Param* param = index < named.size() ? named[index] : varPositional();
        if (param) {
            row->setState({argTypeFor(param->types), {}, {}});
            if (param->defaultValue)
                row->setValue(*param->defaultValue);
        }
    } else {
        // The first keyword parameter not given yet, preferring one no positional binds.
        const QStringList used = namesUsedBy(row);
        const QList<const Param*> named = positionalParams();
        const Param* pick = nullptr;
        for (const Param* p : keywordParams()) {
            if (used.contains(p->name))
                continue;
            const qsizetype position = named.indexOf(p);
            const bool bound = position >= 0 && position < m_positionalCount;
            if (!bound) {
                pick = p;
                break;
            }
            if (!pick)
                pick = p;
        }
        refreshRows();
        if (pick)
            fillFromParam(row, *pick);
    }
    refreshRows();
    emit changed();
    return row;
}

void ArgListEditor::removeRow(int index)
{
    if (index < 0 || index >= count())
        return;
    ArgRow* row = m_rows.takeAt(index);
    m_rowLayout->removeWidget(row);
    row->hide();
    // The request comes from a button inside the row: delete it once that signal returns.
    row->deleteLater();
    refreshRows();
    emit changed();
}

void ArgListEditor::moveRow(int from, int to)
{
    if (from < 0 || from >= count() || to < 0 || to >= count() || from == to)
        return;
    ArgRow* row = m_rows.takeAt(from);
    m_rows.insert(to, row);
    m_rowLayout->removeWidget(row);
    m_rowLayout->insertWidget(to, row);
    refreshRows();
    emit changed();
}

void ArgListEditor::setPositionalCount(int count)
{
    m_positionalCount = count;
}

void ArgListEditor::fillFromParam(ArgRow* row, const Param& param)
{
    row->setState({argTypeFor(param.types), {}, param.name});
    if (param.defaultValue)
        row->setValue(*param.defaultValue);
}

ArgRow* ArgListEditor::appendRow()
{
    auto* row = new ArgRow(m_kind, this);
    m_rows << row;
    m_rowLayout->addWidget(row);
    connect(row, &ArgRow::changed, this, &ArgListEditor::changed);
    connect(row, &ArgRow::nameChosen, this, [this, row](const QString& name) {
        // A row whose value the user has not typed follows the parameter it now names.
        const Param* param = keywordParam(name);
        if (param && !row->valueEdited())
            fillFromParam(row, *param);
        refreshRows();
    });
    connect(row, &ArgRow::removeRequested, this, [this, row] { removeRow(m_rows.indexOf(row)); });
    connect(row, &ArgRow::moveUpRequested, this, [this, row] {
        const int index = static_cast<int>(m_rows.indexOf(row));
        moveRow(index, index - 1);
    });
    connect(row, &ArgRow::moveDownRequested, this, [this, row] {
        const int index = static_cast<int>(m_rows.indexOf(row));
        moveRow(index, index + 1);
    });
    return row;
}

void ArgListEditor::clearRows()
{
    for (ArgRow* row : std::as_const(m_rows)) {
        m_rowLayout->removeWidget(row);
        row->hide();
        row->deleteLater();
    }
    m_rows.clear();
}

void ArgListEditor::refreshRows()
{
    const QList<const Param*> named = positionalParams();
    const Param* var = varPositional();
    for (int i = 0; i < count(); ++i) {
        ArgRow* row = m_rows[i];
        row->setMoveEnabled(i > 0, i + 1 < count());
        if (m_kind == ArgRow::Kind::Keyword) {
            // Each row offers the names no other row has taken.
            const QStringList used = namesUsedBy(row);
            QStringList names;
            for (const Param* p : keywordParams()) {
                if (!used.contains(p->name))
                    names << p->name;
            }
            row->setNameChoices(names, acceptsAnyKeyword());
        } else if (i < named.size()) {
            row->setLabel(named[i]->name);
        } else if (var) {
            row->setLabel(QStringLiteral("*%1[%2]").arg(var->name).arg(i - named.size()));
        } else {
            row->setLabel(tr("(extra)"));
        }
    }
    m_empty->setVisible(m_rows.isEmpty());

    const int capacity = positionalCapacity();
    const bool canAdd =
        m_kind == ArgRow::Kind::Positional
            ? capacity < 0 || count() < capacity
            : acceptsAnyKeyword() || namesUsedBy(nullptr).size() < keywordParams().size();
    m_add->setEnabled(canAdd);
    if (canAdd)
        m_add->setToolTip({});
    else if (m_kind == ArgRow::Kind::Positional)
        m_add->setToolTip(tr("The target takes no more positional arguments (it has no *args)"));
    else if (acceptsKeywords())
        m_add->setToolTip(tr("Every keyword parameter of the target is given already"));
    else
        m_add->setToolTip(tr("The target takes no keyword arguments"));
}

QList<const Param*> ArgListEditor::positionalParams() const
{
    QList<const Param*> result;
    for (const Param& p : m_signature.params) {
        if (p.kind == Param::Kind::Positional)
            result << &p;
    }
    return result;
}

const Param* ArgListEditor::varPositional() const
{
    for (const Param& p : m_signature.params) {
        if (p.kind == Param::Kind::VarPositional)
            return &p;
    }
    return nullptr;
}

int ArgListEditor::positionalCapacity() const
{
    return varPositional() ? -1 : static_cast<int>(positionalParams().size());
}

bool ArgListEditor::acceptsKeywords() const
{
    for (const Param& p : m_signature.params) {
        if (p.kind != Param::Kind::VarPositional)
            return true;
    }
    return false;
}

} // namespace twinrun

namespace twinrun {

bool ArgListEditor::acceptsAnyKeyword() const
{
    for (const Param& p : m_signature.params) {
        if (p.kind == Param::Kind::VarKeyword)
            return true;
    }
    return false;
}

QList<const Param*> ArgListEditor::keywordParams() const
{
    QList<const Param*> result;
    for (const Param& p : m_signature.params) {
        if (p.kind == Param::Kind::Positional || p.kind == Param::Kind::KeywordOnly)
            result << &p;
    }
    return result;
}

const Param* ArgListEditor::keywordParam(const QString& name) const
{
    for (const Param* p : keywordParams()) {
        if (p->name == name)
            return p;
    }
    return nullptr;
}

QStringList ArgListEditor::namesUsedBy(const ArgRow* except) const
{
    QStringList names;
    for (const ArgRow* row : m_rows) {
        if (row != except && !row->name().isEmpty())
            names << row->name();
    }
    return names;
}

} // namespace twinrun
