#include "targetcombo.h"

#include <twinrun/pluginloader.h>
#include <twinrun/runtext.h>
#include <twinrun/target.h>

#include <QFileInfo>
#include <QFontDatabase>
#include <QSignalBlocker>
#include <QStandardItemModel>

namespace twinrun {

namespace {

constexpr int kPluginFileRole = Qt::UserRole + 1; // a header's plugin file

} // namespace

TargetCombo::TargetCombo(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("targetCombo"));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(16);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    refresh();
}

QString TargetCombo::currentTarget() const
{
    return currentData().toString();
}

void TargetCombo::setCurrentTarget(const QString& name)
{
    int index = findData(name);
    if (index < 0) {
        addItem(tr("%1 (unknown target)").arg(name), name);
        index = count() - 1;
    }
    setCurrentIndex(index);
}

void TargetCombo::refresh()
{
    const QString current = currentTarget();
    const QSignalBlocker blocker(this); // the same target stays current: nothing to tell
    clear();
    const QList<const Target*> targets = TargetRegistry::instance().targets();
    for (const Target* target : targets) {
        if (target->plugin.isEmpty())
            addTarget(target->name);
    }
    for (const PluginInfo& plugin : loadedPlugins()) {
        addPluginHeader(plugin.name, plugin.file);
        for (const QString& name : plugin.targets)
            addTarget(name);
    }
    if (!current.isEmpty())
        setCurrentTarget(current);
}

void TargetCombo::addTarget(const QString& name)
{
    const Target* target = TargetRegistry::instance().find(name);
    if (!target)
        return;
    addItem(target->signature.toString(target->name), target->name);
    QString toolTip = targetDescriptionText(*target);
    if (!target->plugin.isEmpty())
        toolTip += QLatin1Char('\n') + tr("From the plugin %1").arg(target->plugin);
    setItemData(count() - 1, toolTip, Qt::ToolTipRole);
}

void TargetCombo::addPluginHeader(const QString& name, const QString& file)
{
    insertSeparator(count());
    addItem(tr("Plugin %1 (%2)").arg(name, QFileInfo(file).fileName()));
    const int row = count() - 1;
    setItemData(row, file, Qt::ToolTipRole);
    setItemData(row, file, kPluginFileRole);
    QFont bold = font();
    bold.setBold(true);
    setItemData(row, bold, Qt::FontRole);
    if (auto* items = qobject_cast<QStandardItemModel*>(model()))
        items->item(row)->setFlags(Qt::NoItemFlags);
}

int TargetCombo::headerRow(const QString& pluginFile) const
{
    return findData(pluginFile, kPluginFileRole);
}

} // namespace twinrun
