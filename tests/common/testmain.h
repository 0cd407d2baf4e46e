#pragma once

#include <twinrun/workerprogram.h>

#include <QCoreApplication>
#ifdef QT_WIDGETS_LIB
#include <QApplication>
#endif
#include <QRegularExpression>
#include <QTest>

namespace twinrun::testing {

// Warnings that always mean a bug, in TwinRun or in a test: a QProcess or QThread destroyed
// while still running, and Qt's complaints about objects used from the wrong thread (timers,
// children, socket notifiers, events, queued arguments). Any of them fails the current test.
inline bool isForbiddenWarning(const QString& message)
{
    static const QRegularExpression pattern(
        QStringLiteral("Destroyed while .*still running|different thread|another thread|"
                       "Cannot move to target thread|Cannot queue arguments"));
    return pattern.match(message).hasMatch();
}

inline QtMessageHandler& qtTestMessageHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void failOnForbiddenWarnings(QtMsgType type, const QMessageLogContext& context,
                                    const QString& message)
{
    if (qtTestMessageHandler())
        qtTestMessageHandler()(type, context, message); // logged as QtTest logs it
    if (type == QtWarningMsg && isForbiddenWarning(message))
        QTest::qFail(
            qPrintable(QStringLiteral("this warning always fails a TwinRun test: ") + message),
            context.file ? context.file : __FILE__, context.file ? context.line : __LINE__);
}

// QTest::qExec with failOnForbiddenWarnings() on top of QtTest's own message handler, which
// qInit() installs (QTest::failOnWarning() would have to be repeated in every test's init()).
inline int runTests(QObject* testObject, int argc, char** argv)
{
    QTest::qInit(testObject, argc, argv);
    qtTestMessageHandler() = qInstallMessageHandler(failOnForbiddenWarnings);
    const int failures = QTest::qRun();
    qInstallMessageHandler(qtTestMessageHandler());
    QTest::qCleanup();
    return failures;
}

} // namespace twinrun::testing

// Like QTEST_GUILESS_MAIN / QTEST_MAIN. Process workers run the build's twinrun-worker, as
// they do for any program linking TwinRun. A test whose process workers need targets that
// only the test registers uses TWINRUN_SELF_CHILD_TEST_MAIN: the binary is then its own worker
// program, through twinrun::runWorkerIfChild(), as a user's program with its own targets is.
// Every test fails on a forbidden warning (see twinrun::testing::isForbiddenWarning()).
#define TWINRUN_TEST_MAIN_WITH(AppClass, TestObject, ChildHook)                                    \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        ChildHook;                                                                                 \
        AppClass app(argc, argv);                                                                  \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return twinrun::testing::runTests(&tc, argc, argv);                                        \
    }

#define TWINRUN_TEST_MAIN(TestObject) TWINRUN_TEST_MAIN_WITH(QCoreApplication, TestObject, (void)0)
#define TWINRUN_SELF_CHILD_TEST_MAIN(TestObject)                                                   \
    TWINRUN_TEST_MAIN_WITH(QCoreApplication, TestObject, twinrun::runWorkerIfChild(argc, argv))
#ifdef QT_WIDGETS_LIB
#define TWINRUN_GUI_TEST_MAIN(TestObject) TWINRUN_TEST_MAIN_WITH(QApplication, TestObject, (void)0)
#endif
