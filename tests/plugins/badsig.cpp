// A plugin its own checks refuse, for a signature TwinRun cannot represent or for adding no
// targets at all ("none"); TWINRUN_TEST_BADSIG picks which defect (the probe runs with the
// test's environment).
#include <twinrun/plugin.h>

namespace {

int nothing(twinrun::WorkerContext&, const twinrun::BoundArgs&)
{
    return 0;
}

} // namespace

TWINRUN_PLUGIN(badsig)
{
    using twinrun::Param;
    using twinrun::Value;
    using T = Value::Type;
    const QByteArray defect = qgetenv("TWINRUN_TEST_BADSIG");
    if (defect == "none")
        return;
    QList<Param> params;
    QString name = QStringLiteral("f");
    if (defect == "duplicate")
        params = {Param::positional(QStringLiteral("a")), Param::positional(QStringLiteral("a"))};
    else if (defect == "identifier")
        params = {Param::positional(QStringLiteral("not a name"))};
    else if (defect == "after_varargs")
        params = {Param::varPositional(QStringLiteral("args")),
                  Param::positional(QStringLiteral("b"))};
    else if (defect == "required_after_default")
        params = {Param::positional(QStringLiteral("a"), {T::Int}, Value::fromInt(1)),
                  Param::positional(QStringLiteral("b"), {T::Int})};
    else if (defect == "default_type")
        params = {Param::positional(QStringLiteral("n"), {T::Int},
                                    Value::fromStr(QStringLiteral("ten")))};
    else if (defect == "target_name")
        name = QStringLiteral("has-dash");
    plugin.add(name, QStringLiteral("A bad signature."), params, nothing);
}
