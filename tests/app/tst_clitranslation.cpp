#include "clirun.h"
#include "testmain.h"
#include "testvalues.h"

#include <QRegularExpression>
#include <QTest>

namespace {

using namespace clirun;

const QString kPortuguese = QStringLiteral("pt_BR.UTF-8");

// What the same command prints in two runs with every number masked (times, pids, idents):
// what is left must be the same bytes.
QByteArray masked(QByteArray text)
{
    static const QRegularExpression number(QStringLiteral("[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?"));
    return QString::fromUtf8(text).replace(number, QStringLiteral("N")).toUtf8();
}

} // namespace

// The command line in Portuguese under a pt_BR locale (LANG=pt_BR.UTF-8 twinrun ...), English
// otherwise; what scripts read (--json) and what targets print never change with the locale.
// The locale need not be installed on the machine: Qt reads LANG/LC_ALL itself.
class TstCliTranslation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (binary().isEmpty() || workerBinary().isEmpty())
            QSKIP("TWINRUN_BINARY or TWINRUN_WORKER_BINARY is not set (ctest sets them)");
    }

    void usageErrorFollowsTheLocale_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray english = "twinrun run: --as 'x': expected thread, process or both\n";
        const QByteArray portuguese = "twinrun run: --as 'x': esperado thread, process ou both\n";
        QTest::newRow("LANG=pt_BR.UTF-8") << "LANG" << kPortuguese << portuguese;
        QTest::newRow("LC_ALL=pt_BR.UTF-8") << "LC_ALL" << kPortuguese << portuguese;
        QTest::newRow("LANG=pt_BR") << "LANG"
                                    << "pt_BR" << portuguese;
        QTest::newRow("LANG=C.UTF-8") << "LANG"
                                      << "C.UTF-8" << english;
        QTest::newRow("no translation: English") << "LANG"
                                                 << "de_DE.UTF-8" << english;
    }
    void usageErrorFollowsTheLocale()
    {
        QFETCH(QString, variable);
        QFETCH(QString, locale);
        QFETCH(QByteArray, expected);
        QProcessEnvironment env = withLocale(QStringLiteral("C.UTF-8"));
        env.insert(variable, locale);
        const Outcome o = runTwinrun({"run", "--as", "x", "faz_algo"}, {}, true, env);
        QCOMPARE(o.status, 2);
        QCOMPARE(o.err, expected);
        QCOMPARE(o.out, QByteArray());
    }

    void unknownCommandInPortuguese()
    {
        const Outcome o = runTwinrun({"nosuch"}, {}, true, withLocale(kPortuguese));
        QCOMPARE(o.status, 2);
        QCOMPARE(o.err, QByteArray("twinrun: comando desconhecido 'nosuch' (comandos: run, "
                                   "targets, demo, bench)\n"));
    }

    void helpInPortuguese()
    {
        const Outcome main = runTwinrun({"--help"}, {}, true, withLocale(kPortuguese));
        QCOMPARE(main.status, 0);
        QVERIFY2(main.out.startsWith("Uso: twinrun [COMANDO] [OPÇÕES]\n"), main.out);
        QVERIFY(main.out.contains("\nComandos:\n  (nenhum)   abre a janela"));
        QVERIFY(main.out.contains("\n  run        executa um alvo: twinrun run TARGET"));
        QVERIFY(main.out.contains("\n  -v, --version  mostra a versão\n"));
        // The examples are commands: as they are typed.
        QVERIFY(main.out.contains("\n  twinrun run faz_algo 1 1.5 Edson --as both\n"));

        const Outcome run = runTwinrun({"run", "--help"}, {}, true, withLocale(kPortuguese));
        QCOMPARE(run.status, 0);
        // The usage line names the command, whichever language Qt's own words are in.
        const QByteArray usage = run.out.left(run.out.indexOf('\n'));
        QVERIFY2(usage.contains(": twinrun run [") && !usage.contains(binary().toUtf8()), usage);
        QVERIFY2(run.out.contains("Para o worker após SECONDS; sai com 124."), run.out);
        QVERIFY(run.out.contains("Mostra esta ajuda."));
    }

    // The verdict and the headers are the command line's; what the target prints is its own.
    void runVerdictInPortuguese()
    {
        const Outcome o = runTwinrun({"run", "faz_algo", "1", "1.5", "Edson", "--as", "both"}, {},
                                     true, withLocale(kPortuguese));
        QCOMPARE(o.status, 0);
        QVERIFY2(o.out.startsWith("== thread Thread-1 (faz_algo): concluído, código de saída 0, "),
                 o.out);
        QVERIFY(o.out.contains("\n== process Process-1: concluído, código de saída 0, "));
        QCOMPARE(o.out.count(testvalues::kSeedOutput), 2);
        QVERIFY2(o.out.contains("\nidênticos: mesma stdout, stderr e código de saída (thread "),
                 o.out);
        QVERIFY(o.out.contains("; processo "));
        QCOMPARE(o.err, QByteArray());
    }

    void differentVerdictInPortuguese()
    {
        const Outcome o =
            runTwinrun({"run", "whoami", "--as", "both"}, {}, true, withLocale(kPortuguese));
        QCOMPARE(o.status, 1);
        QVERIFY2(o.out.contains("\ndiferentes: stdout difere a partir da linha 1"), o.out);
        // whoami's own lines stay as it prints them.
        QVERIFY(o.out.contains("backend: thread\n"));
    }

    // The reasons come from the model (RunComparison), translated as the window shows them.
    void incompleteVerdictInPortuguese()
    {
        const Outcome o = runTwinrun({"run", "sleep", "30", "--as", "both", "--timeout", "0.3"}, {},
                                     true, withLocale(kPortuguese));
        QCOMPARE(o.status, 124);
        QVERIFY2(o.out.contains("\nincompletos: a thread foi parada (encerrado), o processo foi "
                                "parado (encerrado) (thread "),
                 o.out);
    }

    void jsonIsTheSameInEveryLanguage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("targets") << QStringList{"targets", "--json"};
        QTest::newRow("both") << QStringList{"run",   "faz_algo", "1",    "1.5",
                                             "Edson", "--as",     "both", "--json"};
        QTest::newRow("failed") << QStringList{"run", "fail", "--as", "both", "--json"};
        QTest::newRow("timed out")
            << QStringList{"run", "sleep", "30", "--as", "both", "--timeout", "0.3", "--json"};
    }
    void jsonIsTheSameInEveryLanguage()
    {
        QFETCH(QStringList, arguments);
        const Outcome english = runTwinrun(arguments);
        const Outcome portuguese = runTwinrun(arguments, {}, true, withLocale(kPortuguese));
        QCOMPARE(portuguese.status, english.status);
        QVERIFY(!english.out.isEmpty());
        QCOMPARE(masked(portuguese.out), masked(english.out));
        QCOMPARE(masked(portuguese.err), masked(english.err));
        if (arguments.constFirst() == QLatin1String("targets"))
            QCOMPARE(portuguese.out, english.out); // nothing in it varies between runs
    }
};

TWINRUN_TEST_MAIN(TstCliTranslation)
#include "tst_clitranslation.moc"
