#include "benchdialog.h"

#include "barchart.h"
#include "benchfigures.h"

#include <twinrun/runtext.h>

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace twinrun {

BenchDialog::BenchDialog(QWidget* parent)
    : QDialog(parent)
    , m_runner(new BenchRunner(this))
    , m_threadRuns(new QSpinBox(this))
    , m_processRuns(new QSpinBox(this))
    , m_lines(new QSpinBox(this))
    , m_python(new QCheckBox(tr("Also &Python's threading and multiprocessing"), this))
    , m_runButton(new QPushButton(tr("&Run"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_exportButton(new QPushButton(tr("&Export PNG…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_launchChart(new BarChart(this))
    , m_floodChart(new BarChart(this))
{
    setWindowTitle(tr("Benchmark"));
    setObjectName(QStringLiteral("benchDialog"));
    m_threadRuns->setRange(1, 100000);
    m_processRuns->setRange(1, 10000);
    m_lines->setRange(1, 100000000);
    m_lines->setGroupSeparatorShown(true);
    m_threadRuns->setObjectName(QStringLiteral("threadRunsSpin"));
    m_processRuns->setObjectName(QStringLiteral("processRunsSpin"));
    m_lines->setObjectName(QStringLiteral("floodLinesSpin"));
    m_python->setObjectName(QStringLiteral("pythonCheck"));
    const bool pythonFound =
        !BenchRunner::pythonProgram().isEmpty() && !BenchRunner::pythonScript().isEmpty();
    m_python->setEnabled(pythonFound);
    m_python->setToolTip(pythonFound ? tr("Runs bench/python_bench.py after TwinRun's measurements")
                                     : tr("Needs python3 and bench/python_bench.py"));
    setOptions({});

    auto* form = new QFormLayout;
    form->addRow(tr("&Thread launches:"), m_threadRuns);
    form->addRow(tr("P&rocess launches:"), m_processRuns);
    form->addRow(tr("&Flood lines:"), m_lines);
    form->addRow(QString(), m_python);

    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("Measures what `twinrun bench` measures, in the background."));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);

    m_launchChart->setObjectName(QStringLiteral("launchChart"));
    m_launchChart->setTitle(tr("Launch cost: launch to joined of noop, median (log scale)"));
    m_launchChart->setGroups(benchfigures::groups());
    m_launchChart->setLogScale(true);
    m_launchChart->setTickText([](double us) { return formatDuration(qint64(us * 1000)); });
    m_floodChart->setObjectName(QStringLiteral("floodChart"));
    m_floodChart->setTitle(tr("Flood throughput: numbered lines captured, MB/s"));
    m_floodChart->setGroups(benchfigures::groups());

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_runButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_exportButton, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_runButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_runButton, &QPushButton::clicked, this, &BenchDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &BenchDialog::cancel);
    connect(m_exportButton, &QPushButton::clicked, this, &BenchDialog::askExport);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_launchChart, 3);
    layout->addWidget(m_floodChart, 2);
    layout->addWidget(buttons);

    connect(m_runner, &BenchRunner::progress, this, [this](double done, const QString& step) {
        m_progress->setValue(int(done * 1000));
        m_status->setText(step);
    });
    connect(m_runner, &BenchRunner::finished, this, &BenchDialog::showResults);
    connect(m_runner, &BenchRunner::failed, this, [this](const QString& message) {
        setRunning(false);
        m_status->setText(message);
    });
    connect(m_runner, &BenchRunner::cancelled, this, [this] {
        setRunning(false);
        m_progress->setValue(0);
        m_status->setText(tr("Cancelled."));
    });
    setRunning(false);
    resize(760, 720);
}

void BenchDialog::setOptions(const BenchRunner::Options& o)
{
    m_threadRuns->setValue(o.threadRuns);
    m_processRuns->setValue(o.processRuns);
    m_lines->setValue(int(std::min<qint64>(o.lines, m_lines->maximum())));
    m_python->setChecked(o.python && m_python->isEnabled());
}

BenchRunner::Options BenchDialog::options() const
{
    BenchRunner::Options o;
    o.threadRuns = m_threadRuns->value();
    o.processRuns = m_processRuns->value();
    o.spawnRuns = std::min(o.processRuns, BenchRunner::Options{}.spawnRuns);
    o.lines = m_lines->value();
    o.python = m_python->isChecked();
    return o;
}

QString BenchDialog::statusText() const
{
    return m_status->text();
}

void BenchDialog::run()
{
    if (m_runner->isRunning())
        return;
    m_progress->setValue(0);
    m_status->setText(tr("Starting…"));
    setRunning(true);
    m_runner->start(options());
}

void BenchDialog::cancel()
{
    m_runner->cancel();
}

void BenchDialog::setRunning(bool running)
{
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_exportButton->setEnabled(!running && !m_launchChart->bars().isEmpty());
    for (QWidget* w : {static_cast<QWidget*>(m_threadRuns), static_cast<QWidget*>(m_processRuns),
                       static_cast<QWidget*>(m_lines)})
        w->setEnabled(!running);
    m_python->setEnabled(!running && !BenchRunner::pythonProgram().isEmpty() &&
                         !BenchRunner::pythonScript().isEmpty());
}

void BenchDialog::showResults(const QJsonObject& twinrun, const QJsonObject& python)
{
    m_launchChart->setBars(benchfigures::launchBars(twinrun, python));
    m_floodChart->setBars(benchfigures::floodBars(twinrun, python));
    m_progress->setValue(m_progress->maximum());
    m_status->setText(
        python.isEmpty()
            ? tr("Done: TwinRun %1.").arg(twinrun.value(QStringLiteral("twinrun")).toString())
            : tr("Done: TwinRun %1 and Python %2.")
                  .arg(twinrun.value(QStringLiteral("twinrun")).toString(),
                       python.value(QStringLiteral("python")).toString()));
    setRunning(false);
}

QImage BenchDialog::chartImage(qreal scale) const
{
    const int width = std::max(720, m_launchChart->width());
    const QSize launch(width, m_launchChart->sizeHint().height());
    const QSize flood(width, m_floodChart->sizeHint().height());
    QImage image(QSize(width, launch.height() + flood.height()) * scale,
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    QPainter painter(&image);
    painter.drawImage(QPoint(0, 0), m_launchChart->toImage(launch, scale));
    painter.drawImage(QPoint(0, launch.height()), m_floodChart->toImage(flood, scale));
    return image;
}

Status BenchDialog::exportPng(const QString& path) const
{
    if (!chartImage(devicePixelRatioF()).save(path, "PNG"))
        return Status::error(tr("Cannot write %1").arg(QDir::toNativeSeparators(path)));
    return Status::ok();
}

void BenchDialog::askExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), QDir::home().filePath(QStringLiteral("twinrun-benchmark.png")),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const Status saved = exportPng(path); !saved)
        QMessageBox::warning(this, tr("Export Chart"), saved.message());
}

void BenchDialog::closeEvent(QCloseEvent* event)
{
    m_runner->cancel(); // closing stops a run: nothing measures unseen
    QDialog::closeEvent(event);
}

} // namespace twinrun
