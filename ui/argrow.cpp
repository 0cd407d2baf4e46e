#include "argrow.h"

#include <QComboBox>
#include <QCompleter>
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
        return QStringLiteral("e.g. 42, -7, 0x1f");
    case ArgType::Float:
        return QStringLiteral("e.g. 1.5, 1e3, inf");
    case ArgType::Str:
        return QStringLiteral("text, taken as typed");
    case ArgType::Bool:
        return QStringLiteral("True or False");
    case ArgType::None:
        return QStringLiteral("None");
    case ArgType::Literal:
        return QStringLiteral("e.g. (1, 2), [1, 'a'], {'k': 1}");
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
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("nameEdit"));
        m_name->setPlaceholderText(tr("name"));
        m_name->setToolTip(tr("The keyword, as in name=value"));
        m_name->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14);
        layout->addWidget(m_name);
        connect(m_name, &QLineEdit::textChanged, this, &ArgRow::changed);
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
        m_up = addButton(QStringLiteral("upButton"), style()->standardIcon(QStyle::SP_ArrowUp),
                         tr("Move up"));
        m_down = addButton(QStringLiteral("downButton"),
                           style()->standardIcon(QStyle::SP_ArrowDown), tr("Move down"));
        connect(m_up, &QToolButton::clicked, this, &ArgRow::moveUpRequested);
        connect(m_down, &QToolButton::clicked, this, &ArgRow::moveDownRequested);
    }
    QToolButton* remove =
        addButton(QStringLiteral("removeButton"),
                  style()->standardIcon(QStyle::SP_DialogDiscardButton), tr("Remove"));
    connect(remove, &QToolButton::clicked, this, &ArgRow::removeRequested);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateValueEditForType();
        emit changed();
    });
    connect(m_value, &QLineEdit::textChanged, this, &ArgRow::changed);
    updateValueEditForType();
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
    if (m_name)
        m_name->setText(state.name);
}

void ArgRow::setValue(const Value& value)
{
    m_type->setCurrentIndex(static_cast<int>(argTypeOf(value)));
    m_value->setText(argTextOf(value));
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
    return m_name ? m_name->text().trimmed() : QString();
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

void ArgRow::setNameCompletions(const QStringList& names)
{
    if (!m_name)
        return;
    auto* completer = new QCompleter(names, m_name);
    delete m_name->completer();
    m_name->setCompleter(completer);
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
