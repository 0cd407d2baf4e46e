"""TwinRun's typed JSON values, rebuilt as the Python objects TwinRun got.

A value is {"type": NAME, "value": V}, as workers/valuejson.cpp writes it:

    int       a JSON integer (within 64 bits), or a decimal string for a big int
    float     a JSON number, or "inf", "-inf", "nan", "-0.0"
    str       a JSON string
    bool      true or false
    NoneType  null (or no "value")
    tuple     an array of typed values          list: the same
    dict      an array of [key, value] pairs of typed values

Types another change is adding to TwinRun, read here by their Python type name
(the formats are assumptions, see README.md in this folder):

    bytes     an array of integers 0..255, or a base64 string
    complex   [real, imag], each written as a float is; or a string complex() reads
    set       an array of typed values          frozenset: the same
    ellipsis  null (or no "value")

to_json() writes the inverse, so a Python value can be shown the way TwinRun
shows one (signature defaults in `targets`).
"""

import base64
import binascii
import math

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1
_FLOAT_WORDS = {"inf": math.inf, "-inf": -math.inf, "nan": math.nan, "-0.0": -0.0}
KNOWN_TYPES = ("int", "float", "str", "bool", "NoneType", "tuple", "list", "dict",
               "bytes", "complex", "set", "frozenset", "ellipsis")


class TypedValueError(ValueError):
    """A typed value that cannot be rebuilt; the message names where and why."""


def _kind(v):
    """How a JSON value is described in errors (the words valuejson.cpp uses)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a bool"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, list):
        return "an array"
    return "an object"


def _float(raw, path):
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    if isinstance(raw, str) and raw in _FLOAT_WORDS:
        return _FLOAT_WORDS[raw]
    raise TypedValueError(f'{path}: a float needs a number or "inf", "-inf", "nan", "-0.0" '
                      f'as "value", got {_kind(raw)}')


def _int(raw, path):
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    # A JSON writer may print a 64-bit integer as a double (1e+16): take it if exact.
    if isinstance(raw, float) and raw.is_integer() and INT64_MIN <= raw <= INT64_MAX:
        return int(raw)
    if isinstance(raw, str):  # a big int, as a decimal string (assumed format)
        text = raw.strip()
        digits = text[1:] if text[:1] in "+-" else text
        if digits.isdigit() and digits.isascii():
            return int(text)
    raise TypedValueError(f'{path}: an int needs an integer (or a decimal string) as "value", '
                      f"got {_kind(raw)}")


def _items(raw, path, what):
    if not isinstance(raw, list):
        raise TypedValueError(f'{path}: a {what} needs an array as "value", got {_kind(raw)}')
    return [from_json(item, f"{path}[{i}]") for i, item in enumerate(raw)]


def _hashable(value, path, what):
    try:
        hash(value)
    except TypeError:
        raise TypedValueError(f"{path}: unhashable {what} of type '{type(value).__name__}'") from None
    return value


def _dict(raw, path):
    if not isinstance(raw, list):
        raise TypedValueError(f'{path}: a dict needs an array of [key, value] pairs as "value", '
                          f"got {_kind(raw)}")
    result = {}
    for i, pair in enumerate(raw):
        where = f"{path}[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise TypedValueError(f"{where}: a dict item must be a [key, value] array")
        key = _hashable(from_json(pair[0], where + "[0]"), where + "[0]", "dict key")
        result[key] = from_json(pair[1], where + "[1]")
    return result


def _bytes(raw, path):
    if isinstance(raw, list) and all(isinstance(b, int) and not isinstance(b, bool)
                                     and 0 <= b <= 255 for b in raw):
        return bytes(raw)
    if isinstance(raw, str):
        try:
            return base64.b64decode(raw, validate=True)
        except binascii.Error:
            pass
    raise TypedValueError(f'{path}: a bytes needs an array of integers 0..255 or a base64 string '
                      f'as "value", got {_kind(raw)}')


def _complex(raw, path):
    if isinstance(raw, list) and len(raw) == 2:
        return complex(_float(raw[0], path + "[0]"), _float(raw[1], path + "[1]"))
    if isinstance(raw, str):
        try:
            return complex(raw)
        except ValueError:
            pass
    raise TypedValueError(f'{path}: a complex needs [real, imag] or a string such as "(1+2j)" '
                      f'as "value", got {_kind(raw)}')


def _exact(kind, expected):
    def read(raw, path):
        if type(raw) is not kind:
            raise TypedValueError(f'{path}: a {kind.__name__} needs {expected} as "value", '
                                  f"got {_kind(raw)}")
        return raw
    return read


def _none_like(result, what):
    def read(raw, path):
        if raw is not None:
            raise TypedValueError(f'{path}: a {what} needs null as "value", got {_kind(raw)}')
        return result
    return read


def _collection(factory, what):
    def read(raw, path):
        items = _items(raw, path, what)
        return factory(_hashable(x, f"{path}[{i}]", f"{what} item") for i, x in enumerate(items))
    return read


_READERS = {
    "int": _int,
    "float": _float,
    "str": _exact(str, "a string"),
    "bool": _exact(bool, "true or false"),
    "NoneType": _none_like(None, "NoneType"),
    "tuple": lambda raw, path: tuple(_items(raw, path, "tuple")),
    "list": lambda raw, path: _items(raw, path, "list"),
    "dict": _dict,
    "bytes": _bytes,
    "complex": _complex,
    "set": _collection(set, "set"),
    "frozenset": _collection(frozenset, "frozenset"),
    "ellipsis": _none_like(Ellipsis, "ellipsis"),
}


def from_json(json_value, path="$"):
    """The Python object for one typed value; TypedValueError naming the path if it is malformed."""
    if not isinstance(json_value, dict):
        raise TypedValueError(f'{path}: expected an object {{"type": ..., "value": ...}}, '
                          f"got {_kind(json_value)}")
    if "type" not in json_value:
        raise TypedValueError(f'{path}: the object has no "type"')
    type_name = json_value["type"]
    reader = _READERS.get(type_name) if isinstance(type_name, str) else None
    if reader is None:
        raise TypedValueError(f"{path}: unknown type {type_name!r} (expected "
                          f"{', '.join(KNOWN_TYPES[:-1])} or {KNOWN_TYPES[-1]})")
    return reader(json_value.get("value"), path)


def to_json(value):
    """The typed JSON of a Python value (the inverse of from_json)."""
    kind = type(value).__name__
    if value is None or value is Ellipsis:
        return {"type": kind, "value": None}
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value) or (value == 0 and math.copysign(1, value) < 0):
            return {"type": "float", "value": repr(value)}
        return {"type": "float", "value": value}
    if isinstance(value, int) and not isinstance(value, bool):
        fits = INT64_MIN <= value <= INT64_MAX
        return {"type": "int", "value": value if fits else str(value)}
    if isinstance(value, (tuple, list, set, frozenset)):
        return {"type": kind, "value": [to_json(item) for item in value]}
    if isinstance(value, dict):
        return {"type": "dict", "value": [[to_json(k), to_json(v)] for k, v in value.items()]}
    if isinstance(value, bytes):
        return {"type": "bytes", "value": list(value)}
    if isinstance(value, complex):
        return {"type": "complex", "value": [to_json(value.real)["value"],
                                             to_json(value.imag)["value"]]}
    if isinstance(value, (str, bool)):
        return {"type": kind, "value": value}
    raise TypedValueError(f"no typed JSON for a value of type '{kind}'")
