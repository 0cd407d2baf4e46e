#include "benchfigures.h"

#include <twinrun/runtext.h>

#include <QCoreApplication>
#include <QJsonArray>

namespace twinrun::benchfigures {

namespace {

constexpr int kTwinRun = 0;
constexpr int kFloor = 1;
constexpr int kPython = 2;

QString tr(const char* text)
{
    return QCoreApplication::translate("twinrun::BenchFigures", text);
}

bool isFloor(const QString& name)
{
    return name.contains(QLatin1String("floor"));
}

} // namespace

QStringList groups()
{
    return {tr("TwinRun"), tr("Floor"), tr("Python")};
}

QList<BarChart::Bar> launchBars(const QJsonObject& twinrun, const QJsonObject& python)
{
    QList<BarChart::Bar> bars;
    const auto add = [&bars](const QJsonObject& entry, int group, const QString& label) {
        const double us = entry.value(QStringLiteral("joined_us"))
                              .toObject()
                              .value(QStringLiteral("median"))
                              .toDouble();
        bars.append({label, group, us, formatDuration(qint64(us * 1000))});
    };
    for (const QJsonValue& v : twinrun.value(QStringLiteral("launch")).toArray()) {
        const QString name = v[QStringLiteral("name")].toString();
        if (isFloor(name))
            add(v.toObject(), kFloor, name);
        else
            add(v.toObject(), kTwinRun, QStringLiteral("TwinRun ") + name);
    }
    for (const QJsonValue& v : python.value(QStringLiteral("launch")).toArray())
        add(v.toObject(), kPython, v[QStringLiteral("name")].toString());
    return bars;
}

QList<BarChart::Bar> floodBars(const QJsonObject& twinrun, const QJsonObject& python)
{
    QList<BarChart::Bar> bars;
    const auto add = [&bars](const QJsonObject& entry, int group, const QString& label) {
        const double mbs = entry.value(QStringLiteral("mb_per_s")).toDouble();
        bars.append({label, group, mbs, tr("%1 MB/s").arg(mbs, 0, 'f', 0)});
    };
    for (const QJsonValue& v : twinrun.value(QStringLiteral("flood")).toArray()) {
        const QString name = v[QStringLiteral("name")].toString();
        if (isFloor(name))
            add(v.toObject(), kFloor, name);
        else
            add(v.toObject(), kTwinRun, QStringLiteral("TwinRun ") + name);
    }
    for (const QJsonValue& v : python.value(QStringLiteral("flood")).toArray()) {
        const QString name = v[QStringLiteral("name")].toString();
        if (!isFloor(name)) // the floor is TwinRun's run's, measured once
            add(v.toObject(), kPython, name);
    }
    return bars;
}

} // namespace twinrun::benchfigures
