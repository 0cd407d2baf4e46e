#pragma once

#include <QString>

class QWidget;

namespace twinrun {

// Help > Command Line and Help > What Is This?: short pages in a non-modal dialog.
// The texts are translated; commands and code stay as typed.
QString commandLineHelpHtml();
QString whatIsThisHelpHtml();
void showHelpPage(QWidget* parent, const QString& objectName, const QString& title,
                  const QString& html);

} // namespace twinrun
