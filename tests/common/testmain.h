#pragma once

#include <twinrun/workerprogram.h>

#include <QCoreApplication>
#ifdef QT_WIDGETS_LIB
#include <QApplication>
#endif
#include <QTest>

// Like QTEST_GUILESS_MAIN / QTEST_MAIN. Process workers run the build's twinrun-worker, as
// they do for any program linking TwinRun. A test whose process workers need targets that
// only the test registers uses TWINRUN_SELF_CHILD_TEST_MAIN: the binary is then its own worker
// program, through twinrun::runWorkerIfChild(), as a user's program with its own targets is.
#define TWINRUN_TEST_MAIN_WITH(AppClass, TestObject, ChildHook)                                    \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        ChildHook;                                                                                 \
        AppClass app(argc, argv);                                                                  \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

#define TWINRUN_TEST_MAIN(TestObject) TWINRUN_TEST_MAIN_WITH(QCoreApplication, TestObject, (void)0)
#define TWINRUN_SELF_CHILD_TEST_MAIN(TestObject)                                                   \
    TWINRUN_TEST_MAIN_WITH(QCoreApplication, TestObject, twinrun::runWorkerIfChild(argc, argv))
#ifdef QT_WIDGETS_LIB
#define TWINRUN_GUI_TEST_MAIN(TestObject) TWINRUN_TEST_MAIN_WITH(QApplication, TestObject, (void)0)
#endif
