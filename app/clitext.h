#pragma once

#include <QCoreApplication>

namespace twinrun {

// The command line's words for people, translated from the locale as the window's are
// (installTranslations(), resources/translations: LANG=pt_BR.UTF-8 twinrun ...), English being
// the fallback. One translation context per area, so lupdate files each area's words together:
// - CliText::tr (twinrun::Cli): twinrun itself and what every command shares: the command
//   summary, help texts and usage errors, `targets`, plugin warnings;
// - CliRunText::tr (twinrun::CliRun): what `run` (and `demo`) prints around the runs: section
//   headers, the verdict line, stop and write problems, --python's comparison lines.
// bench's report has its own context (twinrun::BenchReport, bench/benchreport.cpp).
//
// Never translated: what scripts read (--json, its keys and state names, `targets --json`,
// `bench --json` and its "progress FRACTION STEP" lines), what a target prints, the call errors
// in Python's wording ("TypeError: ...", from workers/) and the parity verdicts, which follow
// the Python runner word for word (model/parityrules.h).
struct CliText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Cli)
};

struct CliRunText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::CliRun)
};

} // namespace twinrun
