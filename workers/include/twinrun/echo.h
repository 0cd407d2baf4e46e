#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QString>

namespace twinrun {

// How a message shows what the user gave (an argument, an option value, a file name, a key):
// the one rule for the command line, the window and the child alike. The text comes back as
// Python's repr() shows a str (reprString: quoted, newlines, tabs, ANSI escapes and other
// control characters escaped), so a message stays one line and never drives the terminal;
// past kEchoMaxChars the quoted text is cut and says how long the input was:
// 'aaaaaaaa'... (120000 characters).
inline constexpr qsizetype kEchoMaxChars = 80;
TWINRUN_WORKERS_EXPORT QString echoInput(const QString& input);

// The same cut for a text that is already safe to print (a Value's repr(), which escapes
// what it shows): at most kEchoMaxChars characters, then "..." and the full length.
TWINRUN_WORKERS_EXPORT QString echoRepr(const QString& repr);

} // namespace twinrun
