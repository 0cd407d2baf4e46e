#pragma once

#include <QIcon>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace twinrun {

// What the window loads from resources/ (compiled in: twinrun.qrc and the .qm translations).
//
// initResources() registers the bundled icons (idempotent) and sets up the fallback icon
// theme "twinrun": actionIcon(name) is the desktop theme's icon of that freedesktop name when
// the theme has one, else TwinRun's own, bundled as PNGs at 16 to 48 px (crisp at 2x).
void initResources();
QIcon appIcon();
QIcon actionIcon(const char* freedesktopName);

// Loads TwinRun's translation for the locale (":/i18n/twinrun_<locale>.qm") and Qt's own
// (standard buttons and dialogs) into the application, English being the fallback.
// Uses only QtCore, so the command line can call it too once its strings are translated
// (add app/ to the lupdate sources in ui/CMakeLists.txt). Returns the language loaded, or
// an empty string when none matched. Calling it again replaces the previous translators.
QString installTranslations(QCoreApplication* app, const QLocale& locale = QLocale());

} // namespace twinrun
