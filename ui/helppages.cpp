#include "helppages.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace twinrun {

QString commandLineHelpHtml()
{
    const QString usage = QStringLiteral(
        "twinrun                       %1\n"
        "twinrun run TARGET [ARG ...] [--as thread|process|both] [--kwarg KEY=VALUE ...]\n"
        "            [--name NAME] [--daemon] [--timeout SECONDS] [--json]\n"
        "            [--start-method spawn|forkserver]\n"
        "twinrun run --spec FILE [--timeout SECONDS] [--json]   %2\n"
        "twinrun targets [--json]      %3\n"
        "twinrun demo                  %4\n"
        "twinrun bench [--json]        %5\n"
        "twinrun --help | --version");
    const QString examples = QStringLiteral("$ twinrun run faz_algo 1 1.5 Edson --as process\n"
                                            "$ twinrun run faz_algo 1 1.5 Edson --as both\n"
                                            "$ twinrun run count 5 --kwarg delay=0.2 --as process\n"
                                            "$ twinrun run crash --as process; echo $?      # 139\n"
                                            "$ twinrun run sleep 30 --timeout 1; echo $?    # 124\n"
                                            "$ twinrun run whoami --as both --json");
    return QCoreApplication::translate(
               "twinrun::HelpPages",
               "<h3>The command line</h3>"
               "<p>Everything the window launches, <tt>twinrun run</tt> runs from a terminal, "
               "with the same targets, values and exit codes.</p>") +
           QStringLiteral("<pre>%1</pre>")
               .arg(usage
                        .arg(QCoreApplication::translate(
                                 "twinrun::HelpPages",
                                 "open the window (without a display: run the demo)"),
                             QCoreApplication::translate("twinrun::HelpPages",
                                                         "run a preset saved by the window"),
                             QCoreApplication::translate(
                                 "twinrun::HelpPages",
                                 "every target with its signature and description"),
                             QCoreApplication::translate(
                                 "twinrun::HelpPages",
                                 "the seed example as a thread and as a process, compared"),
                             QCoreApplication::translate("twinrun::HelpPages",
                                                         "launch cost and output throughput"))
                        .toHtmlEscaped()) +
           QCoreApplication::translate(
               "twinrun::HelpPages",
               "<p>ARGs and kwarg VALUEs are Python literals: <tt>1</tt>, <tt>1.5</tt>, "
               "<tt>'Edson'</tt>, <tt>True</tt>, <tt>None</tt>, <tt>(1, 2)</tt>; a bare word is a "
               "str as typed. The target's output goes to stdout and stderr byte for byte. Exit "
               "status: the worker's exit code, 128+N when a process died by signal N, 124 on "
               "<tt>--timeout</tt>, 2 for bad usage.</p><p>Examples:</p>") +
           QStringLiteral("<pre>%1</pre>").arg(examples.toHtmlEscaped());
}

QString whatIsThisHelpHtml()
{
    const QString seed = QStringLiteral(
        "def faz_algo(*args):\n"
        "    for arg in args:\n"
        "        print(f'Fazendo algo com o \"{arg}\" do tipo {type(arg)}.')\n\n"
        "threading.Thread(target=faz_algo, args=(1, 1.5, \"Edson\")).start()\n"
        "multiprocessing.Process(target=faz_algo, args=(1, 1.5, \"Edson\")).start()");
    return QCoreApplication::translate(
               "twinrun::HelpPages",
               "<h3>Threads and processes</h3>"
               "<p>In Python, <tt>threading.Thread</tt> and <tt>multiprocessing.Process</tt> "
               "share one API: switching a call from a thread to a process is one word. "
               "TwinRun is that parity in C++ and Qt, made visible.</p>") +
           QStringLiteral("<pre>%1</pre>").arg(seed.toHtmlEscaped()) +
           QCoreApplication::translate(
               "twinrun::HelpPages",
               "<p>Both print the same three lines. What differs is where the call runs:</p><ul>"
               "<li>A <b>thread</b> runs inside this app and shares its memory: it starts fast "
               "and passes data for free, but it cannot be killed from outside (only asked to "
               "stop), and a crash in it would take the app down, so <tt>crash</tt> is refused "
               "as a thread.</li>"
               "<li>A <b>process</b> is a program of its own: it costs a start-up, its data is "
               "copied to it, but it can be killed at any time, and when it crashes only it "
               "ends (the table names the signal, such as SIGSEGV).</li></ul>"
               "<p>Launch the form's call with <b>Both</b> to run it both ways at once and "
               "compare their output, exit codes and times. The panel under the form shows the "
               "same call as Python would write it and as TwinRun C++.</p>");
}

void showHelpPage(QWidget* parent, const QString& objectName, const QString& title,
                  const QString& html)
{
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* text = new QTextBrowser(dialog);
    text->setObjectName(QStringLiteral("helpText"));
    text->setOpenExternalLinks(true);
    text->setHtml(html);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(720, 520);
    dialog->show();
}

} // namespace twinrun
