#pragma once

#include <QtGlobal>

// The window's entry point. The twinrun executable links only QtCore and resolves this from
// libtwinrun_ui at run time (see app/main.cpp), so that running it for the command line or as
// a process worker's child never loads the GUI libraries.
extern "C" Q_DECL_EXPORT int twinrun_window_main(int argc, char** argv);
