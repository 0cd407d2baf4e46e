#pragma once

#include "childmode.h"

#include <QCoreApplication>
#ifdef QT_WIDGETS_LIB
#include <QApplication>
#endif
#include <QTest>

// Like QTEST_GUILESS_MAIN / QTEST_MAIN, but the binary also answers the process backend's
// hidden child flag: a process worker re-runs the executable it lives in, as Python's spawn
// re-runs the interpreter, so a test binary must be able to be that child.
#define TWINRUN_TEST_MAIN_WITH(AppClass, TestObject)                                               \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        if (twinrun::isHiddenInvocation(argc, argv))                                               \
            return twinrun::runHidden(argc, argv);                                                 \
        AppClass app(argc, argv);                                                                  \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

#define TWINRUN_TEST_MAIN(TestObject) TWINRUN_TEST_MAIN_WITH(QCoreApplication, TestObject)
#ifdef QT_WIDGETS_LIB
#define TWINRUN_GUI_TEST_MAIN(TestObject) TWINRUN_TEST_MAIN_WITH(QApplication, TestObject)
#endif
