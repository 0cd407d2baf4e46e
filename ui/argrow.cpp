#include "argrow.h"

#include "appresources.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace twinrun {

namespace {

QString placeholderFor(ArgType type)
{
    switch (type) {
    case ArgType::Int:
        return ArgRow::tr("e.g. 42, -7, 0x1f");
    case ArgType::Float:
        return ArgRow::tr("e.g. 1.5, 1e3, inf");
    case ArgType::Str:
        return ArgRow::tr("text, taken as typed");
    case ArgType::Bool:
        return ArgRow::tr("True or False");
    case ArgType::None:
        return QStringLiteral("None");
    case ArgType::Literal:
        return ArgRow::tr("e.g. (1, 2), [1, 'a'], {'k': 1}");
    }
    return {};
}

} // namespace

ArgRow::ArgRow(Kind kind, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_type(new QComboBox(this))
    , m_value(new QLineEdit(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    if (kind == Kind::Positional) {
        m_label = new QLabel(this);
        m_label->setObjectName(QStringLiteral("paramLabel"));
        m_label->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("*args[00]")));
        layout->addWidget(m_label);
    } else {
        m_name = new QComboBox(this);
        m_name->setObjectName(QStringLiteral("nameCombo"));
        m_name->setToolTip(tr("The keyword, as in name=value: one of the target's parameters"));
        m_name->setMinimumContentsLength(8);
        m_name->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        layout->addWidget(m_name);
        connect(m_name, &QComboBox::currentTextChanged, this, &ArgRow::changed);
        connect(m_name, &QComboBox::activated, this, [this] { emit nameChosen(name()); });
    }

    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->addItems(argTypeNames());
    m_type->setToolTip(tr("The value's Python type; \"literal\" takes any Python literal, "
                          "such as a tuple, list or dict"));
    layout->addWidget(m_type);

    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_value->setToolTip(tr("The value, as a Python literal"));
    m_value->setClearButtonEnabled(false);
    layout->addWidget(m_value, 1);

    if (kind == Kind::Positional) {
        m_up = addButton(QStringLiteral("upButton"), actionIcon("go-up"), tr("Move up"));
        m_down = addButton(QStringLiteral("downButton"), actionIcon("go-down"), tr("Move down"));
        connect(m_up, &QToolButton::clicked, this, &ArgRow::moveUpRequested);
        connect(m_down, &QToolButton::clicked, this, &ArgRow::moveDownRequested);
    }
    QToolButton* remove =
        addButton(QStringLiteral("removeButton"), actionIcon("list-remove"), tr("Remove"));
    connect(remove, &QToolButton::clicked, this, &ArgRow::removeRequested);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateValueEditForType();
        emit changed();
    });
    connect(m_value, &QLineEdit::textChanged, this, &ArgRow::changed);
    connect(m_value, &QLineEdit::textEdited, this, [this] { m_valueEdited = true; });
    updateValueEditForType();
}

QWidget* ArgRow::nameField() const
{
    return m_name;
}

QToolButton* ArgRow::addButton(const QString& objectName, const QIcon& icon, const QString& toolTip)
{
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setIcon(icon);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    layout()->addWidget(button);
    return button;
}

ArgRow::State ArgRow::state() const
{
    return {type(), m_value->text(), name()};
}

void ArgRow::setState(const State& state)
{
    m_type->setCurrentIndex(static_cast<int>(state.type));
    m_value->setText(state.text);
    m_valueEdited = false;
    if (m_name)
        setName(state.name);
}

void ArgRow::setName(const QString& name)
{
    if (!m_name)
        return;
    if (m_name->isEditable()) {
        m_name->setCurrentText(name);
        return;
    }
    int index = m_name->findText(name);
    if (index < 0 && !name.isEmpty()) {
        // Kept so the form shows what was asked (a preset, an old form); validation refuses it.
        m_name->addItem(name);
        index = m_name->count() - 1;
    }
    m_name->setCurrentIndex(index);
}

void ArgRow::setValue(const Value& value)
{
    m_type->setCurrentIndex(static_cast<int>(argTypeOf(value)));
    m_value->setText(argTextOf(value));
    m_valueEdited = false;
}

ArgType ArgRow::type() const
{
    return static_cast<ArgType>(m_type->currentIndex());
}

QString ArgRow::text() const
{
    return m_value->text();
}

QString ArgRow::name() const
{
    return m_name ? m_name->currentText().trimmed() : QString();
}

void ArgRow::setLabel(const QString& label)
{
    if (m_label)
        m_label->setText(label);
}

QString ArgRow::label() const
{
    return m_label ? m_label->text() : QString();
}

void ArgRow::setNameChoices(const QStringList& names, bool free)
{
    if (!m_name)
        return;
    const QString current = name();
    const QSignalBlocker blocker(m_name);
    m_name->setEditable(free);
    m_name->clear();
    m_name->addItems(names);
    if (free) {
        m_name->lineEdit()->setPlaceholderText(tr("name"));
        m_name->setInsertPolicy(QComboBox::NoInsert);
        connect(
            m_name->lineEdit(), &QLineEdit::textEdited, this, [this] { emit nameChosen(name()); },
            Qt::UniqueConnection);
    }
    setName(current);
}

void ArgRow::setMoveEnabled(bool up, bool down)
{
    if (m_up)
        m_up->setEnabled(up);
    if (m_down)
        m_down->setEnabled(down);
}

void ArgRow::updateValueEditForType()
{
    // None has nothing to type; the text is kept so switching back does not lose it.
    m_value->setEnabled(type() != ArgType::None);
    m_value->setPlaceholderText(placeholderFor(type()));
}

} // namespace twinrun
