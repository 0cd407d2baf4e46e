#include "clirun.h"
#include "testmain.h"
#include "testvalues.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

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

QString testPlugin(const QString& name)
{
    return qEnvironmentVariable("TWINRUN_TEST_PLUGINS") + QStringLiteral("/lib%1.so").arg(name);
}

bool hasPython()
{
    return !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
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
        QVERIFY(m_dir.isValid());
        const auto write = [this](const char* name, const QByteArray& json) {
            QFile file(m_dir.filePath(QString::fromLatin1(name)));
            return file.open(QIODevice::WriteOnly) && file.write(json) == json.size();
        };
        QVERIFY(
            write("badmode.json", R"({"version": 1, "mode": "x", "worker": {"target": "count"}})"));
        QVERIFY(write("badarg.json",
                      R"({"version": 1, "mode": "thread", "worker": {"version": 1, "target": )"
                      R"("faz_algo", "args": [{"type": "bool", "value": 3}]}})"));
        QVERIFY(write("good.json",
                      R"({"version": 1, "mode": "both", "worker": {"version": 1, "target": )"
                      R"("faz_algo", "args": [{"type": "int", "value": 1}]}})"));
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

    // Messages made inside the library (workers/, model/): plugin refusals, --spec read errors,
    // value parse errors, the Python setup's; English under the tests' C locale, as before.
    void libraryMessagesFollowTheLocale_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("english");
        QTest::addColumn<QByteArray>("portuguese");
        const QString missing = QStringLiteral("/no/such/libx.so");
        QTest::newRow("missing plugin")
            << QStringList{"run", "--plugin", missing, "count", "1"}
            << QByteArray("twinrun run: plugin '/no/such/libx.so': no such file\n")
            << QByteArray("twinrun run: plugin '/no/such/libx.so': arquivo inexistente\n");
        const QString text = QFINDTESTDATA("tst_clitranslation.cpp");
        QTest::newRow("text file as plugin")
            << QStringList{"run", "--plugin", text, "count", "1"}
            << QStringLiteral("twinrun run: plugin '%1': is not a shared library (not an ELF "
                              "file)\n")
                   .arg(text)
                   .toUtf8()
            << QStringLiteral("twinrun run: plugin '%1': não é uma biblioteca compartilhada (não é "
                              "um arquivo ELF)\n")
                   .arg(text)
                   .toUtf8();
        const QString crashing = testPlugin(QStringLiteral("crashinit"));
        QTest::newRow("plugin crashing in its probe")
            << QStringList{"run", "--plugin", crashing, "count", "1"}
            << QStringLiteral("twinrun run: plugin '%1': crashed while loading: SIGSEGV\n")
                   .arg(crashing)
                   .toUtf8()
            << QStringLiteral("twinrun run: plugin '%1': caiu ao carregar: SIGSEGV\n")
                   .arg(crashing)
                   .toUtf8();
        const QString folder = m_dir.path();
        QTest::newRow("directory as --spec")
            << QStringList{"run", "--spec", folder}
            << QStringLiteral(
                   "twinrun run: --spec '%1': cannot read it: a directory, not a regular "
                   "file\n")
                   .arg(folder)
                   .toUtf8()
            << QStringLiteral("twinrun run: --spec '%1': não é possível lê-lo: é uma pasta, não um "
                              "arquivo comum\n")
                   .arg(folder)
                   .toUtf8();
        const QString badMode = m_dir.filePath(QStringLiteral("badmode.json"));
        QTest::newRow("bad spec field")
            << QStringList{"run", "--spec", badMode}
            << QStringLiteral("twinrun run: --spec '%1': launch spec field 'mode': expected "
                              "\"thread\", \"process\" or \"both\"\n")
                   .arg(badMode)
                   .toUtf8()
            << QStringLiteral("twinrun run: --spec '%1': campo 'mode' da especificação de "
                              "lançamento: esperado \"thread\", \"process\" ou \"both\"\n")
                   .arg(badMode)
                   .toUtf8();
        const QString badArg = m_dir.filePath(QStringLiteral("badarg.json"));
        QTest::newRow("bad typed value in a spec")
            << QStringList{"run", "--spec", badArg}
            << QStringLiteral("twinrun run: --spec '%1': launch spec field 'worker': spec field "
                              "'args[0]': $: a bool needs true or false as \"value\", got a "
                              "number\n")
                   .arg(badArg)
                   .toUtf8()
            << QStringLiteral("twinrun run: --spec '%1': campo 'worker' da especificação de "
                              "lançamento: campo 'args[0]' da especificação: $: um bool precisa de "
                              "true ou false como \"value\", veio um número\n")
                   .arg(badArg)
                   .toUtf8();
        QTest::newRow("unterminated string")
            << QStringList{"run", "faz_algo", "'abc"}
            << QByteArray("twinrun run: ARG 1: \"'abc\" is not one complete string literal: "
                          "unterminated string starting at column 1\n")
            << QByteArray(
                   "twinrun run: ARG 1: \"'abc\" não é um literal de string completo: string "
                   "sem fim que começa na coluna 1\n");
        QTest::newRow("bad container")
            << QStringList{"run", "faz_algo", "[1, x]"}
            << QByteArray(
                   "twinrun run: ARG 1: '[1, x]' is not a valid list literal: 'x' at column 5 "
                   "is not a literal (the only words that are: True, False, None)\n")
            << QByteArray("twinrun run: ARG 1: '[1, x]' não é um literal de lista válido: 'x' na "
                          "coluna 5 não é um literal (as únicas palavras que são: True, False, "
                          "None)\n");
        QTest::newRow("--python-exe")
            << QStringList{"run", "faz_algo", "1", "--python", "--python-exe", "/nonexistent"}
            << QByteArray("twinrun run: --python: the Python interpreter /nonexistent is not an "
                          "executable file\n")
            << QByteArray("twinrun run: --python: o interpretador Python /nonexistent não é um "
                          "arquivo executável\n");
    }
    void libraryMessagesFollowTheLocale()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, english);
        QFETCH(QByteArray, portuguese);
        const Outcome c = runTwinrun(arguments);
        QCOMPARE(c.status, 2);
        QCOMPARE(c.err, english);
        QCOMPARE(c.out, QByteArray());
        const Outcome o = runTwinrun(arguments, {}, true, withLocale(kPortuguese));
        QCOMPARE(o.status, 2);
        QCOMPARE(o.err, portuguese);
        QCOMPARE(o.out, QByteArray());
    }

    // A plugin's own checks fail in its probe child (twinrun-worker, which installs no
    // translator): the reason comes back as data and is worded in the app's language, the
    // whole line, the nested parts too.
    void pluginsOwnChecksFollowTheLocale_data()
    {
        QTest::addColumn<QByteArray>("defect"); // TWINRUN_TEST_BADSIG
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("portuguese");
        const QString badsig = testPlugin(QStringLiteral("badsig"));
        const QStringList targets{"targets", "--plugin", badsig};
        const QStringList run{"run", "--plugin", badsig, "badsig.f"};
        QTest::newRow("duplicate parameter")
            << QByteArray("duplicate") << targets
            << "twinrun targets: plugin '%1': target 'f' has a signature TwinRun cannot "
               "represent: duplicate parameter 'a'\n"
            << "twinrun targets: plugin '%1': alvo 'f' tem uma assinatura que o TwinRun não "
               "consegue representar: parâmetro 'a' duplicado\n";
        QTest::newRow("default of the wrong type")
            << QByteArray("default_type") << run
            << "twinrun run: plugin '%1': target 'f' has a signature TwinRun cannot represent: "
               "parameter 'n' takes int, but its default 'ten' is of type str\n"
            << "twinrun run: plugin '%1': alvo 'f' tem uma assinatura que o TwinRun não consegue "
               "representar: parâmetro 'n' aceita int, mas seu valor padrão 'ten' é do tipo "
               "str\n";
        QTest::newRow("no targets")
            << QByteArray("none") << targets << "twinrun targets: plugin '%1': adds no targets\n"
            << "twinrun targets: plugin '%1': não adiciona nenhum alvo\n";
        QTest::newRow("no targets, --json")
            << QByteArray("none") << QStringList{"targets", "--json", "--plugin", badsig}
            << "twinrun targets: plugin '%1': adds no targets\n"
            << "twinrun targets: plugin '%1': não adiciona nenhum alvo\n";
    }
    void pluginsOwnChecksFollowTheLocale()
    {
        QFETCH(QByteArray, defect);
        QFETCH(QStringList, arguments);
        QFETCH(QString, english);
        QFETCH(QString, portuguese);
        const QString badsig = testPlugin(QStringLiteral("badsig"));
        for (const auto& [env, expected] :
             {std::pair{headless(), english}, std::pair{withLocale(kPortuguese), portuguese}}) {
            QProcessEnvironment withDefect = env;
            withDefect.insert(QStringLiteral("TWINRUN_TEST_BADSIG"), QString::fromLatin1(defect));
            const Outcome o = runTwinrun(arguments, {}, true, withDefect);
            QCOMPARE(o.status, 2);
            QCOMPARE(QString::fromUtf8(o.err), expected.arg(badsig));
            QCOMPARE(o.out, QByteArray());
        }
    }

    // --python's per-run headers: the kind of run and how it ended in Portuguese too.
    void pythonHeadersInPortuguese()
    {
        if (!hasPython())
            QSKIP("no python3 on PATH");
        const QStringList call{"run", "faz_algo", "1", "--as", "both", "--python"};
        const Outcome o = runTwinrun(call, {}, true, withLocale(kPortuguese));
        QCOMPARE(o.status, 0);
        QVERIFY2(o.out.startsWith("== thread Thread-1 (faz_algo): concluído, código de saída 0, "),
                 o.out);
        QVERIFY2(o.out.contains("\n== process Process-1: concluído, código de saída 0, "), o.out);
        QVERIFY2(o.out.contains("\n== thread do Python Thread-1 (faz_algo): concluído, código de "
                                "saída 0, "),
                 o.out);
        QVERIFY2(o.out.contains("\n== process do Python Process-1: concluído, código de saída 0, "),
                 o.out);
        // The verdicts and the times, in the app's language (PairVerdict::shownText).
        QVERIFY2(o.out.contains("\nthread do TwinRun vs Thread do Python: idênticos: mesma stdout, "
                                "stderr e código de saída\n"),
                 o.out);
        QVERIFY2(o.out.contains("\ntempos: thread do TwinRun "), o.out);
        // No English word of TwinRun's own in the headers, the verdicts or the times; what the
        // target printed ("Fazendo algo com o ...") is not TwinRun's.
        for (const QByteArray& line : o.out.split('\n')) {
            if (line.startsWith("Fazendo algo"))
                continue;
            for (const char* english : {"finished", "exit code", "python-thread", "python-process",
                                        "identical", "same", "times", "TwinRun thread"})
                QVERIFY2(!line.contains(english), line.constData());
        }

        const Outcome c = runTwinrun(call);
        QCOMPARE(c.status, 0);
        QVERIFY2(c.out.contains("\n== python-thread Thread-1 (faz_algo): finished, exit code 0, "),
                 c.out);
        QVERIFY2(c.out.contains("\n== python-process Process-1: finished, exit code 0, "), c.out);
        QVERIFY2(c.out.contains("\nTwinRun thread vs Python Thread: identical: same stdout, "
                                "stderr and exit code\n"),
                 c.out);
    }

    // A runner that ends without a report: the person reads why in Portuguese; --json keeps
    // English (jsonIsTheSameInEveryLanguage's "python runner fails").
    void pythonRunnerFailureInPortuguese()
    {
        const QStringList call{"run",      "faz_algo",     "1",         "--as", "thread",
                               "--python", "--python-exe", "/bin/false"};
        const Outcome o = runTwinrun(call, {}, true, withLocale(kPortuguese));
        QVERIFY2(o.out.contains("\n== thread do Python Python Thread: não iniciou, "), o.out);
        QCOMPARE(o.err, QByteArray("twinrun: o executor do Python terminou sem relatório (status "
                                   "de saída 1)\n"));
        const Outcome c = runTwinrun(call);
        QVERIFY2(c.out.contains("\n== python-thread Python Thread: failed to start, "), c.out);
        QCOMPARE(c.err, QByteArray("twinrun: the Python runner ended without a report (exit "
                                   "status 1)\n"));
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
        QTest::newRow("spec file")
            << QStringList{"run", "--spec", m_dir.filePath("good.json"), "--json"};
        QTest::newRow("plugin target")
            << QStringList{"run",
                           "--plugin",
                           qEnvironmentVariable("TWINRUN_EXAMPLE_PLUGIN"),
                           "primes.count_below",
                           "10",
                           "--as",
                           "both",
                           "--json"};
        QTest::newRow("python runner fails")
            << QStringList{"run",      "faz_algo",     "1",          "--as",  "thread",
                           "--python", "--python-exe", "/bin/false", "--json"};
        if (hasPython())
            QTest::newRow("python") << QStringList{"run",  "faz_algo", "1",        "1.5",   "Edson",
                                                   "--as", "both",     "--python", "--json"};
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
        if (arguments.contains(QLatin1String("/bin/false")))
            QVERIFY2(english.out.contains("\"error\":\"the Python runner ended without a report "
                                          "(exit status 1)\""),
                     english.out);
    }

private:
    QTemporaryDir m_dir;
};

TWINRUN_TEST_MAIN(TstCliTranslation)
#include "tst_clitranslation.moc"
