#pragma once

namespace twinrun {

// The window's entry point: makes the QApplication, shows the main window, runs the event
// loop and returns its exit code. app/main.cpp calls it when there is a display.
int runWindow(int argc, char** argv);

} // namespace twinrun
