#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <twinrun/value.h>

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>

namespace twinrun {

class WorkerContext;

// Keyword arguments in the order given, as Python keeps them.
using Kwargs = QList<std::pair<QString, Value>>;

// One parameter of a target, as inspect.signature shows it.
struct TWINRUN_WORKERS_EXPORT Param {
    enum class Kind { Positional, VarPositional, KeywordOnly, VarKeyword };
    QString name;
    Kind kind = Kind::Positional;
    QList<Value::Type> types; // accepted types; empty accepts any value
    std::optional<Value> defaultValue;

    bool accepts(const Value& v) const;
    QString typeText() const; // "int", "int | float", "" for any
    QString toString() const; // "delay: float = 0.0", "*args"

    // One per kind, as a signature reads: positional("n", {Value::Type::Int}),
    // varPositional("args"), keywordOnly("sep", {Value::Type::Str}, Value::fromStr(" ")),
    // varKeyword("kwargs"). Empty types accept any value.
    static Param positional(QString name, QList<Value::Type> types = {},
                            std::optional<Value> defaultValue = {})
    {
        return {std::move(name), Kind::Positional, std::move(types), std::move(defaultValue)};
    }
    static Param varPositional(QString name, QList<Value::Type> types = {})
    {
        return {std::move(name), Kind::VarPositional, std::move(types), {}};
    }
    static Param keywordOnly(QString name, QList<Value::Type> types = {},
                             std::optional<Value> defaultValue = {})
    {
        return {std::move(name), Kind::KeywordOnly, std::move(types), std::move(defaultValue)};
    }
    static Param varKeyword(QString name, QList<Value::Type> types = {})
    {
        return {std::move(name), Kind::VarKeyword, std::move(types), {}};
    }
};

// Arguments bound to a signature, like inspect.BoundArguments.
struct TWINRUN_WORKERS_EXPORT BoundArgs {
    QHash<QString, Value> named; // every named parameter, defaults applied
    Value::Items varArgs;        // the *args, if the signature has them
    Kwargs varKwargs;            // the **kwargs, if the signature has them

    Value operator[](const QString& name) const { return named.value(name); }
};

// What is wrong with a call, with the structure code needs to point at the culprit (the
// window marks the field from it, never by reading the message); message is Python's wording.
struct TWINRUN_WORKERS_EXPORT CallError {
    enum class Kind {
        None,
        UnknownTarget, // no target of that name
        Refused,       // the target refuses this backend (a crash as a thread)
        Arity,         // more positional arguments than the signature takes
        Missing,       // a required parameter got no value
        Unexpected,    // a keyword argument that names no parameter
        Duplicate,     // a keyword given twice, or a parameter given by position and keyword
        Type,          // a value of a type the parameter does not accept
        Value,         // a value the target's own check refuses (range, choice)
    };
    Kind kind = Kind::None;
    QString parameter;       // the parameter concerned, when one is ("n"; "args" for *args)
    qsizetype position = -1; // the positional argument concerned (0-based), when one is
    QString keyword;         // the keyword argument concerned, when one is
    QString message;         // "count() missing 1 required positional argument: 'n'"

    bool isError() const { return kind != Kind::None; }
    // For Target::check: the parameter's value is refused, with the message to show.
    static CallError invalidValue(QString parameter, QString message);
};

struct TWINRUN_WORKERS_EXPORT BindResult {
    std::optional<BoundArgs> bound;
    CallError error; // when !bound: Python's TypeError, naming the parameter and types
    explicit operator bool() const { return bound.has_value(); }
};

struct TWINRUN_WORKERS_EXPORT Signature {
    QList<Param> params;

    // Binds like Python's call rules: positionals in order, extra ones to *args or an
    // arity error, keywords by name, extra ones to **kwargs or an error, then defaults,
    // then the declared types (an int is accepted where a float is declared).
    BindResult bind(const QString& function, const Value::Items& args, const Kwargs& kwargs) const;
    QString toString(const QString& function) const; // "count(n: int, delay: float = 0.0)"
};

// A function that a worker runs. The same code runs in a thread and in a process child;
// it talks to the world only through its context, so both backends write the same bytes.
// It returns the exit code (like sys.exit), and reports errors by throwing TargetError.
struct TWINRUN_WORKERS_EXPORT Target {
    using Function = std::function<int(WorkerContext&, const BoundArgs&)>;
    QString name;
    QString description; // one line
    Signature signature;
    Function run;
    // Extra argument check after binding (ranges, choices): CallError::invalidValue(...) for
    // a refused value, a default CallError when the arguments are fine.
    std::function<CallError(const BoundArgs&)> check;
    // Non-empty: the target must not run in a thread, and this says why.
    QString threadRefusal;
    // Same output for the same arguments on every run and backend (parity tests use it).
    bool deterministic = true;
    // The plugin file (absolute, canonical) the target came from; empty for the built-ins and
    // targets a program registers itself. Set by the plugin loader (twinrun/pluginloader.h).
    QString plugin;
};

// Thrown by a target for an uncaught error: its message goes to the worker's stderr as
// "RuntimeError: <message>" (or "<errorType>: <message>" where the target mirrors the error
// Python would raise, like a UnicodeEncodeError) and the worker ends with exit code 1, on both
// backends.
class TWINRUN_WORKERS_EXPORT TargetError : public std::exception {
public:
    explicit TargetError(QString message, QString errorType = QStringLiteral("RuntimeError"));
    const QString& message() const { return m_message; }
    const QString& errorType() const { return m_errorType; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_message;
    QString m_errorType;
    QByteArray m_utf8;
};

// The registry of targets, one per program: the process child looks its target up here by
// name, as Python's spawn imports it by qualified name. Built-in targets are registered on
// first use; add() may add more (before any worker of that target starts, in both parent
// and child, e.g. from static initialisation, or by loading a plugin). Every call is
// thread-safe, and a target found stays where it is until the program ends (unless add()
// replaces it by name).
class TWINRUN_WORKERS_EXPORT TargetRegistry {
public:
    static TargetRegistry& instance();

    void add(Target target); // replaces a target of the same name
    const Target* find(const QString& name) const;
    QList<const Target*> targets() const; // in registration order
    QStringList names() const;

private:
    TargetRegistry();
    mutable QMutex m_mutex;
    std::deque<Target> m_targets; // a deque: adding never moves the targets already found
};

TWINRUN_WORKERS_EXPORT void registerBuiltinTargets(TargetRegistry& registry);

// Python's str.isidentifier(), the one rule for keyword argument names in the command line,
// the window and specs: a letter (any script) or '_', then letters, digits, '_' and combining
// marks (Unicode ID_Start / ID_Continue by general category).
TWINRUN_WORKERS_EXPORT bool isIdentifier(const QString& name);

} // namespace twinrun

namespace twinrun {

// Runs a target the same way on both backends: an uncaught error prints
// "RuntimeError: <message>" on the context's stderr and gives exit code 1; the exit code is
// taken modulo 256, as a process exit status is (sys.exit(256) ends a process with 0).
// Flushes the context's output before returning.
TWINRUN_WORKERS_EXPORT int runTarget(const Target::Function& run, WorkerContext& context,
                                     const BoundArgs& args);

// A call checked before anything runs: the target found, the arguments bound and checked,
// and for a thread, the target's thread refusal applied. The one place these rules live:
// workers, the child, the command line and the window all ask it.
struct TWINRUN_WORKERS_EXPORT PreparedCall {
    const Target* target = nullptr;
    BoundArgs args;
    CallError problem; // what is wrong, if anything, and where
    QString error;     // problem.message: "unknown target 'x' (known: ...)", a TypeError, ...
    explicit operator bool() const { return !problem.isError(); }
};
TWINRUN_WORKERS_EXPORT PreparedCall prepareCall(const QString& target, const Value::Items& args,
                                                const Kwargs& kwargs, bool asThread);

} // namespace twinrun
