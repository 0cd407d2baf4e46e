#include "launchpanel.h"

#include "targetcombo.h"

#include "appresources.h"
#include "invalidmark.h"
#include "themecolors.h"

#include <twinrun/runtext.h>

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace twinrun {

namespace {

QList<ArgRow::State> statesOf(const Value::Items& values)
{
    QList<ArgRow::State> states;
    for (const Value& v : values)
        states << ArgRow::State{argTypeOf(v), argTextOf(v), {}};
    return states;
}

QList<ArgRow::State> statesOf(const Kwargs& kwargs)
{
    QList<ArgRow::State> states;
    for (const auto& [name, v] : kwargs)
        states << ArgRow::State{argTypeOf(v), argTextOf(v), name};
    return states;
}

Value valueOrText(const ArgRow* row)
{
    ValueParseResult parsed = row->value();
    return parsed ? *parsed.value : Value::fromStr(row->text());
}

} // namespace

LaunchPanel::LaunchPanel(QWidget* parent)
    : QWidget(parent)
    , m_target(new TargetCombo(this))
    , m_description(new QLabel(this))
    , m_argsBox(new QGroupBox(tr("&Positional arguments"), this))
    , m_args(new ArgListEditor(ArgRow::Kind::Positional, m_argsBox))
    , m_kwargsBox(new QGroupBox(tr("&Keyword arguments"), this))
    , m_kwargs(new ArgListEditor(ArgRow::Kind::Keyword, m_kwargsBox))
    , m_name(new QLineEdit(this))
    , m_daemon(new QCheckBox(tr("&Daemon"), this))
    , m_startMethod(new QComboBox(this))
    , m_python(new QCheckBox(tr("Compare with P&ython"), this))
    , m_modeBox(new QWidget(this))
    , m_mode(new QButtonGroup(this))
    , m_reasonBox(new QWidget(this))
    , m_reason(new QLabel(m_reasonBox))
    , m_launchButton(new QPushButton(tr("&Launch"), this))
    , m_launchAction(new QAction(tr("&Launch"), this))
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("launchPanel"));
    m_args->setObjectName(QStringLiteral("argsEditor"));
    m_kwargs->setObjectName(QStringLiteral("kwargsEditor"));
    m_argsBox->setObjectName(QStringLiteral("argsBox"));
    m_kwargsBox->setObjectName(QStringLiteral("kwargsBox"));
    (new QVBoxLayout(m_argsBox))->addWidget(m_args);
    (new QVBoxLayout(m_kwargsBox))->addWidget(m_kwargs);

    m_launchAction->setObjectName(QStringLiteral("launchAction"));
    m_launchAction->setIcon(actionIcon("media-playback-start"));
    m_launchAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_launchAction->setToolTip(tr("Launch the form's call (Ctrl+Return)"));
    addAction(m_launchAction);
    connect(m_launchAction, &QAction::triggered, this, [this] {
        if (isValid())
            emit launchRequested(spec());
    });

    m_launchButton->setObjectName(QStringLiteral("launchButton"));
    m_launchButton->setIcon(m_launchAction->icon());
    m_launchButton->setToolTip(m_launchAction->toolTip());
    m_launchButton->setMinimumWidth(m_launchButton->sizeHint().width() * 3 / 2);
    connect(m_launchButton, &QPushButton::clicked, m_launchAction, &QAction::trigger);

    auto* fields = new QWidget(m_scroll);
    fields->setObjectName(QStringLiteral("launchFields"));
    auto* fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->addWidget(buildTargetBox());
    fieldsLayout->addWidget(m_argsBox);
    fieldsLayout->addWidget(m_kwargsBox);
    fieldsLayout->addWidget(buildWorkerBox());
    fieldsLayout->addStretch();
    m_scroll->setObjectName(QStringLiteral("launchScroll"));
    m_scroll->setWidget(fields);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Outside the scrolled fields: the reason and Launch stay in sight however long the
    // argument list grows.
    auto* launchRow = new QHBoxLayout;
    const QMargins margins = fieldsLayout->contentsMargins();
    launchRow->setContentsMargins(margins.left(), 0, margins.right(), 0);
    launchRow->addWidget(buildReasonBox(), 1);
    launchRow->addStretch(); // takes the room only while the reason is hidden
    launchRow->addWidget(m_launchButton, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, fieldsLayout->contentsMargins().bottom());
    layout->addWidget(m_scroll, 1);
    layout->addLayout(launchRow);

    connect(m_args, &ArgListEditor::changed, this, [this] {
        m_kwargs->setPositionalCount(m_args->count());
        validate();
    });
    connect(m_kwargs, &ArgListEditor::changed, this, &LaunchPanel::validate);
    connect(m_name, &QLineEdit::textChanged, this, &LaunchPanel::validate);
    connect(m_daemon, &QCheckBox::toggled, this, &LaunchPanel::validate);
    connect(m_startMethod, &QComboBox::currentIndexChanged, this, &LaunchPanel::validate);
    connect(m_mode, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            validate();
    });

    setSpec(LaunchSpec::seedExample());
}

int LaunchPanel::idealHeight() const
{
    const QWidget* fields = m_scroll->widget();
    const int width = m_scroll->width() - 2 * m_scroll->frameWidth();
    const int fieldsHeight =
        fields->hasHeightForWidth() ? fields->heightForWidth(width) : fields->sizeHint().height();
    // Whatever is not the scrolled fields: the reason and Launch row, spacing, margins.
    const int rest = sizeHint().height() - m_scroll->sizeHint().height();
    return rest + fieldsHeight + 2 * m_scroll->frameWidth();
}

int LaunchPanel::minimumFieldsWidth() const
{
    return m_scroll->widget()->minimumSizeHint().width() + 2 * m_scroll->frameWidth() +
           style()->pixelMetric(QStyle::PM_ScrollBarExtent);
}

LaunchSpec LaunchPanel::spec() const
{
    LaunchSpec s;
    s.mode = mode();
    s.worker.target = currentTargetName();
    for (const ArgRow* row : m_args->rows())
        s.worker.args << valueOrText(row);
    for (const ArgRow* row : m_kwargs->rows())
        s.worker.kwargs.append({row->name(), valueOrText(row)});
    s.worker.name = m_name->text().trimmed();
    s.worker.daemon = m_daemon->isChecked();
    s.worker.startMethod = static_cast<StartMethod>(m_startMethod->currentData().toInt());
    // A plugin target names its plugin (a preset then loads it first); one not loaded yet
    // keeps the plugin its spec named.
    if (const Target* target = TargetRegistry::instance().find(s.worker.target))
        s.worker.plugin = target->plugin;
    else if (m_specPlugin.first == s.worker.target)
        s.worker.plugin = m_specPlugin.second;
    return s;
}

void LaunchPanel::setSpec(const LaunchSpec& spec)
{
    m_settingSpec = true;
    // An unknown target is kept rather than dropped, so the form shows what was asked;
    // validation refuses it until its plugin is loaded (refreshTargets()).
    m_target->setCurrentTarget(spec.worker.target);
    m_specPlugin = {spec.worker.target, spec.worker.plugin};
    showTarget(spec.worker.target, {statesOf(spec.worker.args), statesOf(spec.worker.kwargs)});
    m_name->setText(spec.worker.name);
    m_daemon->setChecked(spec.worker.daemon);
    m_startMethod->setCurrentIndex(
        m_startMethod->findData(static_cast<int>(spec.worker.startMethod)));
    setMode(spec.mode);
    m_settingSpec = false;
    validate();
}

void LaunchPanel::setMode(LaunchSpec::Mode mode)
{
    m_mode->button(static_cast<int>(mode))->setChecked(true);
}

LaunchSpec::Mode LaunchPanel::mode() const
{
    const int id = m_mode->checkedId();
    return id < 0 ? LaunchSpec::Mode::Thread : static_cast<LaunchSpec::Mode>(id);
}

QString LaunchPanel::currentTargetName() const
{
    return m_target->currentTarget();
}

void LaunchPanel::refreshTargets()
{
    m_target->refresh(); // keeps the current target
    // A target shown while unknown gets its signature and description now, its rows as they
    // are; a known one is left alone (the user may be typing in it).
    const QString name = currentTargetName();
    if (name == m_shownTarget && !m_shownRegistered && TargetRegistry::instance().find(name))
        showTarget(name, {m_args->states(), m_kwargs->states()});
}

void LaunchPanel::pickTarget(const QString& name)
{
    m_target->setCurrentTarget(name);
    onTargetPicked();
}

void LaunchPanel::onTargetPicked()
{
    const QString name = currentTargetName();
    if (name == m_shownTarget)
        return;
    m_formsByTarget.insert(m_shownTarget, {m_args->states(), m_kwargs->states()});
    const Target* target = TargetRegistry::instance().find(name);
    Form form = m_formsByTarget.value(name, target ? defaultForm(*target) : Form{});
    showTarget(name, form);
}

void LaunchPanel::showTarget(const QString& name, const Form& form)
{
    m_shownTarget = name;
    const Target* target = TargetRegistry::instance().find(name);
    m_shownRegistered = target != nullptr;
    const Signature signature = target ? target->signature : Signature{};
    m_description->setText(target ? targetDescriptionText(*target)
                                  : tr("This target is not registered."));
    m_description->setToolTip(target && !target->plugin.isEmpty()
                                  ? tr("From the plugin %1").arg(target->plugin)
                                  : QString());
    const bool wasSetting = std::exchange(m_settingSpec, true);
    m_args->setSignature(signature);
    m_kwargs->setSignature(signature);
    m_args->setStates(form.args);
    m_kwargs->setStates(form.kwargs);
    m_settingSpec = wasSetting;
    validate();
}

LaunchPanel::Form LaunchPanel::defaultForm(const Target& target) const
{
    // The required parameters only: optional ones are one "Add" away, and leaving them out
    // keeps the Python line as short as the call a person would write.
    Form form;
    for (const Param& p : target.signature.params) {
        if (p.kind == Param::Kind::Positional && !p.defaultValue)
            form.args << ArgRow::State{argTypeFor(p.types), {}, {}};
        if (p.kind == Param::Kind::KeywordOnly && !p.defaultValue)
            form.kwargs << ArgRow::State{argTypeFor(p.types), {}, p.name};
    }
    return form;
}

QJsonObject LaunchPanel::formState() const
{
    const auto rows = [](const ArgListEditor* editor) {
        QJsonArray array;
        for (const ArgRow* row : editor->rows()) {
            QJsonObject item{{QStringLiteral("type"), argTypeName(row->type())},
                             {QStringLiteral("text"), row->text()}};
            if (row->nameCombo())
                item.insert(QStringLiteral("name"), row->name());
            array << item;
        }
        return array;
    };
    return {{QStringLiteral("spec"), spec().toJson()},
            {QStringLiteral("args"), rows(m_args)},
            {QStringLiteral("kwargs"), rows(m_kwargs)}};
}

bool LaunchPanel::setFormState(const QJsonObject& state)
{
    const std::optional<LaunchSpec> s =
        LaunchSpec::fromJson(state.value(QStringLiteral("spec")).toObject(), nullptr);
    if (!s)
        return false;
    const auto rows = [](const QJsonArray& array, QList<ArgRow::State>* states) {
        for (const QJsonValue& item : array) {
            const QJsonObject o = item.toObject();
            const qsizetype type =
                argTypeNames().indexOf(o.value(QStringLiteral("type")).toString());
            if (type < 0)
                return false;
            *states << ArgRow::State{static_cast<ArgType>(type),
                                     o.value(QStringLiteral("text")).toString(),
                                     o.value(QStringLiteral("name")).toString()};
        }
        return true;
    };
    Form form;
    if (!rows(state.value(QStringLiteral("args")).toArray(), &form.args) ||
        !rows(state.value(QStringLiteral("kwargs")).toArray(), &form.kwargs))
        return false;
    setSpec(*s);
    m_settingSpec = true;
    showTarget(s->worker.target, form);
    m_settingSpec = false;
    validate();
    return true;
}

void LaunchPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void LaunchPanel::applyColors()
{
    QPalette palette = m_reason->palette();
    palette.setColor(QPalette::WindowText, theme::errorText(this->palette()));
    m_reason->setPalette(palette);
}

} // namespace twinrun
