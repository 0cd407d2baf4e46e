"""A launch spec read from JSON, and the call checked the way TwinRun checks it before start.

read_spec() takes the preset format that the window saves and `twinrun run --spec` reads,
{"version": 1, "mode": ..., "worker": {...}}, or a bare worker spec {"target": ..., ...}
(the JSON a process worker gets on stdin). prepare_call() refuses what TwinRun refuses
before anything starts (state "failed to start"), in TwinRun's order: an unknown target,
a target refused as a thread (crash), a call that does not bind (CPython's own TypeError
text), an argument of the wrong type (TwinRun's wording), a value the target's check
refuses. Python itself would start such a call and fail inside it; refusing it here keeps
the four runs of one spec comparable.
"""

import dataclasses
import inspect
import json

import twinrun_targets
import twinrun_values

SPEC_VERSION = 1  # kLaunchSpecVersion and kWorkerSpecVersion in the C++ code
START_METHODS = ("spawn", "forkserver", "fork")


class SpecError(Exception):
    """A spec that cannot be read: bad usage, not a refused call."""


@dataclasses.dataclass
class Spec:
    target: str
    args: tuple = ()
    kwargs: dict = dataclasses.field(default_factory=dict)
    name: str = ""
    daemon: bool = False
    start_method: str = "spawn"


def _version(obj, what):
    version = obj.get("version", SPEC_VERSION)
    if type(version) is not int or version < 1:
        raise SpecError(f"{what} field 'version': expected an integer >= 1")
    if version > SPEC_VERSION:
        raise SpecError(f"{what} field 'version': version {version} is newer than this "
                        f"runner reads ({SPEC_VERSION})")


def _field(obj, key, kind, default, expected):
    value = obj.get(key, default)
    if type(value) is not kind:
        raise SpecError(f"spec field '{key}': expected {expected}")
    return value


def spec_from_json(obj):
    """A Spec from a launch spec or a worker spec already parsed from JSON."""
    if not isinstance(obj, dict):
        raise SpecError("the spec must be a JSON object")
    if "worker" in obj:
        _version(obj, "launch spec")
        obj = obj["worker"]
        if not isinstance(obj, dict):
            raise SpecError("launch spec field 'worker': expected an object")
    _version(obj, "spec")
    target = obj.get("target")
    if not isinstance(target, str) or not target:
        raise SpecError("spec field 'target': expected a target name")
    try:
        args = tuple(twinrun_values.from_json(v, f"args[{i}]")
                     for i, v in enumerate(_field(obj, "args", list, [], "an array of typed values")))
        raw_kwargs = obj.get("kwargs", [])
        if isinstance(raw_kwargs, dict):  # the shape `twinrun run --json` prints
            raw_kwargs = list(raw_kwargs.items())
        if not isinstance(raw_kwargs, list):
            raise SpecError("spec field 'kwargs': expected an array of [name, value]")
        kwargs = {}
        for i, pair in enumerate(raw_kwargs):
            if not isinstance(pair, (list, tuple)) or len(pair) != 2 or not isinstance(pair[0], str):
                raise SpecError(f"spec field 'kwargs[{i}]': expected [name, value]")
            kwargs[pair[0]] = twinrun_values.from_json(pair[1], f"kwargs[{i}]")
    except twinrun_values.TypedValueError as e:
        raise SpecError(f"spec field {e}") from None
    method = _field(obj, "start_method", str, "spawn", '"spawn", "forkserver" or "fork"')
    if method not in START_METHODS:
        raise SpecError('spec field \'start_method\': expected "spawn", "forkserver" or "fork"')
    return Spec(target, args, kwargs, _field(obj, "name", str, "", "a string"),
                _field(obj, "daemon", bool, False, "true or false"), method)


def read_spec(text):
    """A Spec from JSON text; SpecError with one line saying what is wrong."""
    try:
        obj = json.loads(text)
    except ValueError as e:
        raise SpecError(f"the spec is not valid JSON ({e})") from None
    return spec_from_json(obj)


def _arity_error(name, function, args, kwargs):
    """CPython's own TypeError text for a call that does not bind, or None if it binds.

    A stub with the target's exact signature is called instead of the target, so the
    message is the interpreter's and the target does not run."""
    signature = inspect.signature(function)
    try:
        signature.bind(*args, **kwargs)
        return None
    except TypeError:
        pass
    namespace = {}
    exec(f"def {name}{signature}: pass", namespace)  # noqa: S102 (our own signatures)
    try:
        namespace[name](*args, **kwargs)
    except TypeError as e:
        return str(e)
    return f"{name}() arguments do not match {name}{signature}"


def _type_name(annotation):
    return " | ".join(t.__name__ for t in getattr(annotation, "__args__", (annotation,)))


def _accepts(annotation, value):
    """TwinRun's rule: the exact type (a bool is no int), and an int where a float goes."""
    if annotation is inspect.Parameter.empty:
        return True
    types = getattr(annotation, "__args__", (annotation,))
    return type(value) in types or (type(value) is int and float in types)


def _type_error(name, function, bound):
    for param in inspect.signature(function).parameters.values():
        if param.name not in bound:
            continue
        values = bound[param.name]
        if param.kind is param.VAR_POSITIONAL:
            labelled = [(f"*{param.name}[{i}]", v) for i, v in enumerate(values)]
        elif param.kind is param.VAR_KEYWORD:
            labelled = [(f"argument '{k}'", v) for k, v in values.items()]
        else:
            labelled = [(f"argument '{param.name}'", values)]
        for label, value in labelled:
            if not _accepts(param.annotation, value):
                return (f"{name}() {label} must be {_type_name(param.annotation)}, "
                        f"not {type(value).__name__} ({value!r})")
    return None


def prepare_call(spec, as_thread):
    """(target, None) when the call may start; (None, why) when TwinRun would refuse it."""
    target = twinrun_targets.TARGETS.get(spec.target)
    if target is None:
        return None, (f"unknown target '{spec.target}' "
                      f"(known: {', '.join(twinrun_targets.TARGETS)})")
    if as_thread and target.thread_refusal:
        return None, target.thread_refusal
    refusal = _arity_error(spec.target, target.function, spec.args, spec.kwargs)
    if refusal:
        return None, refusal
    bound = inspect.signature(target.function).bind(*spec.args, **spec.kwargs)
    bound.apply_defaults()
    refusal = _type_error(spec.target, target.function, bound.arguments)
    if refusal is None and target.check:
        refusal = target.check(bound.arguments)
    return (None, refusal) if refusal else (target, None)
