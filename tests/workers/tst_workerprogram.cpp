// The worker program: which program process workers run, and the guard against a program
// that re-runs itself as a child without taking the child's path (workerprogram.h).
#include "testmain.h"

#include <twinrun/worker.h>
#include <twinrun/workerfactory.h>
#include <twinrun/workerprogram.h>

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace twinrun;

class TstWorkerProgram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultIsTheBuildsWorkerProgram()
    {
        qunsetenv("TWINRUN_WORKER_PROGRAM");
        const QString expected = qEnvironmentVariable("TWINRUN_WORKER_BINARY");
        if (expected.isEmpty())
            QSKIP("TWINRUN_WORKER_BINARY is not set (ctest sets it)");
        QCOMPARE(QFileInfo(workerProgram()).canonicalFilePath(),
                 QFileInfo(expected).canonicalFilePath());
    }

    void settingAndEnvironmentOverride()
    {
        const QString before = workerProgram();
        qputenv("TWINRUN_WORKER_PROGRAM", "/opt/elsewhere/twinrun-worker");
        QCOMPARE(workerProgram(), QStringLiteral("/opt/elsewhere/twinrun-worker"));
        setWorkerProgram(QStringLiteral("/usr/bin/mine"));
        QCOMPARE(workerProgram(), QStringLiteral("/usr/bin/mine"));
        setWorkerProgram(QString());
        qunsetenv("TWINRUN_WORKER_PROGRAM");
        QCOMPARE(workerProgram(), before);
    }

    void workerProgramRefusesToRunByHand()
    {
        QProcess p;
        p.start(workerProgram(), {});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("internal to TwinRun"));
    }

    // A program that makes itself the worker program without runWorkerIfChild(): its child
    // runs main() again; the library refuses that child's process workers, so there is one
    // generation of children, not an endless fork.
    void forgetfulProgramDoesNotForkWithoutEnd()
    {
        const QString program =
            QCoreApplication::applicationDirPath() + QStringLiteral("/forgetfulchild");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TWINRUN_TEST_DEPTH"));
        env.remove(QString::fromLatin1(kWorkerChildMarker));
        p.setProcessEnvironment(env);
        p.start(program, {});
        QVERIFY2(p.waitForFinished(60000), "the forgetful program did not end");
        const QByteArray err = p.readAllStandardError();
        // Generation 1 (the child) was refused; generation 0 saw its child fail with that.
        QVERIFY2(err.contains("generation 1: failed to start"), err.constData());
        QVERIFY2(err.contains("did not call twinrun::runWorkerIfChild(argc, argv)"),
                 err.constData());
        QVERIFY2(err.contains("generation 0: failed, exit code 3"), err.constData());
        QCOMPARE(p.exitCode(), 0);
    }
};

TWINRUN_TEST_MAIN(TstWorkerProgram)
#include "tst_workerprogram.moc"
