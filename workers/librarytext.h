#pragma once

// The library's words for people, made here but read in the app's language: plugin refusals
// (twinrun::Plugin), spec read errors (twinrun::Spec) and value parse errors (twinrun::Value).
// tr() translates through the translator the program installed (the twinrun app installs
// resources/translations' from the locale); a program that installs none gets English.
// Never translated: what a target prints and the messages in Python's own words (a call's
// TypeError, "Exceeds the limit (4300 digits) ...", "int too large to convert to float"), which
// are compared byte for byte with CPython. The twinrun-worker child installs no translator: what
// it makes reaches the app as data the app words (the plugin probe's refusals, as
// pluginmessage.h's PluginMessage, made with QT_TRANSLATE_NOOP("twinrun::Plugin", ...)), or as
// a worker's stderr, in English like a target's output.

#include <QCoreApplication>

namespace twinrun {

struct PluginText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Plugin)
};

struct SpecText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Spec)
};

struct ValueText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Value)
};

} // namespace twinrun
