#pragma once

#include <twinrun/value.h>
#include <twinrun/workerspec.h>

#include <QByteArray>

#include <cstdint>

// Shorthands shared by the tests: typed values, and what the seed's example prints.
namespace testvalues {

inline twinrun::Value i(std::int64_t v)
{
    return twinrun::Value::fromInt(v);
}
inline twinrun::Value f(double v)
{
    return twinrun::Value::fromFloat(v);
}
inline twinrun::Value s(const char* v)
{
    return twinrun::Value::fromStr(QString::fromUtf8(v));
}

// A worker spec: a target, its positional arguments and the start method.
inline twinrun::WorkerSpec workerSpec(const QString& target, twinrun::Value::Items args = {},
                                      twinrun::StartMethod method = twinrun::StartMethod::Spawn)
{
    twinrun::WorkerSpec s;
    s.target = target;
    s.args = std::move(args);
    s.startMethod = method;
    return s;
}

// faz_algo(1, 1.5, 'Edson'), as PARITY.md gives it.
inline const QByteArray kSeedOutput = "Fazendo algo com o \"1\" do tipo <class 'int'>.\n"
                                      "Fazendo algo com o \"1.5\" do tipo <class 'float'>.\n"
                                      "Fazendo algo com o \"Edson\" do tipo <class 'str'>.\n";

} // namespace testvalues
