#pragma once

#include <QComboBox>

namespace twinrun {

// The launch form's target list: the built-in targets (and any the program registers itself)
// first, then each loaded plugin's targets, in load order, under a header naming the plugin
// (after a separator; not selectable, skipped by the keyboard and the wheel). The header's
// tooltip is the plugin's file, as each of its targets' tooltips ends with it. An item's data
// (Qt::UserRole) is its target's name; headers and separators have none. A target asked for
// that is not registered is kept at the end, marked unknown, so the form shows what was asked.
class TargetCombo : public QComboBox {
    Q_OBJECT
public:
    explicit TargetCombo(QWidget* parent = nullptr);

    QString currentTarget() const;
    void setCurrentTarget(const QString& name);

    // Rebuilds the list from the registry and the loaded plugins (a plugin was loaded),
    // keeping the current target; one marked unknown that is now registered takes its place.
    void refresh();

    // The header row of the plugin file, -1 if none (tests, the screenshots).
    int headerRow(const QString& pluginFile) const;

private:
    void addTarget(const QString& name);
    void addPluginHeader(const QString& name, const QString& file);
};

} // namespace twinrun
