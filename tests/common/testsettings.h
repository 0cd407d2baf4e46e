#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace twinrun::testing {

// Gives this test process settings of its own: QStandardPaths in test mode, and QSettings
// files in a fresh temporary folder removed at exit, so two runs of the same test at once (two
// build trees, a sanitizer build, ctest -j) never read or clear each other's settings. Call it
// first in initTestCase(); false if the folder could not be made.
inline bool useOwnSettings(const QString& application)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TwinRunTest"));
    QCoreApplication::setApplicationName(application);
    static QTemporaryDir folder;
    if (!folder.isValid())
        return false;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.path());
    return QSettings().fileName().startsWith(folder.path());
}

} // namespace twinrun::testing
