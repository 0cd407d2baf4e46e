"""Typed JSON values rebuilt as the Python objects TwinRun got, and the spec around them."""

import math
import unittest

import twinrun_testing  # noqa: F401 (puts resources/python on sys.path)
import twinrun_call
import twinrun_values

from_json = twinrun_values.from_json


def typed(type_name, value):
    return {"type": type_name, "value": value}


class ValuesTest(unittest.TestCase):
    def test_each_type_keeps_its_python_type(self):
        cases = [(typed("int", 1), 1, int), (typed("float", 1), 1.0, float),
                 (typed("float", 1.0), 1.0, float), (typed("str", "1"), "1", str),
                 (typed("bool", True), True, bool), (typed("NoneType", None), None, type(None)),
                 ({"type": "NoneType"}, None, type(None))]
        for json_value, expected, kind in cases:
            with self.subTest(json_value=json_value):
                value = from_json(json_value)
                self.assertIs(type(value), kind)
                self.assertEqual(value, expected)

    def test_int_edges_and_floats_written_as_words(self):
        self.assertEqual(from_json(typed("int", 2 ** 63 - 1)), 2 ** 63 - 1)
        self.assertEqual(from_json(typed("int", -2 ** 63)), -2 ** 63)
        self.assertEqual(from_json(typed("int", 1e16)), 10 ** 16)  # a writer's double form
        self.assertEqual(from_json(typed("float", "inf")), math.inf)
        self.assertEqual(from_json(typed("float", "-inf")), -math.inf)
        self.assertTrue(math.isnan(from_json(typed("float", "nan"))))
        negative_zero = from_json(typed("float", "-0.0"))
        self.assertEqual(str(negative_zero), "-0.0")

    def test_containers_nest(self):
        value = from_json(typed("tuple", [typed("int", 1), typed("list", [
            typed("dict", [[typed("str", "k"), typed("NoneType", None)],
                           [typed("tuple", [typed("int", 1)]), typed("float", "-0.0")]])])]))
        self.assertEqual(repr(value), "(1, [{'k': None, (1,): -0.0}])")

    def test_types_being_added_elsewhere_in_their_assumed_formats(self):
        self.assertEqual(from_json(typed("int", "-123456789012345678901234567890")),
                         -123456789012345678901234567890)
        self.assertEqual(from_json(typed("bytes", [0, 104, 255])), b"\x00h\xff")
        self.assertEqual(from_json(typed("bytes", "AGj/")), b"\x00h\xff")
        self.assertEqual(from_json(typed("complex", [1.5, "-inf"])), complex(1.5, -math.inf))
        self.assertEqual(from_json(typed("complex", "(1+2j)")), 1 + 2j)
        self.assertEqual(from_json(typed("set", [typed("int", 1), typed("int", 1)])), {1})
        self.assertEqual(from_json(typed("frozenset", [typed("str", "a")])), frozenset("a"))
        self.assertIs(from_json(typed("ellipsis", None)), Ellipsis)

    def test_to_json_reads_back(self):
        values = [0, -2 ** 63, 2 ** 80, 1e16, -0.0, math.inf, "é\x00'", True, None,
                  (1, [2.5, {"k": (None,)}]), b"\x00\xff", 1 - 2j, {1, 2}, Ellipsis]
        for value in values:
            with self.subTest(value=value):
                self.assertEqual(repr(from_json(twinrun_values.to_json(value))), repr(value))

    def test_malformed_values_say_where_and_why(self):
        cases = [
            (5, "$: expected an object"),
            ({"value": 1}, '$: the object has no "type"'),
            (typed("money", 1), "$: unknown type 'money' (expected int, float"),
            (typed("int", True), '$: an int needs an integer (or a decimal string) as "value", '
                                 "got a bool"),
            (typed("int", 1.5), "$: an int needs an integer"),
            (typed("int", "12x"), "$: an int needs an integer"),
            (typed("float", "infinity"), '$: a float needs a number or "inf"'),
            (typed("str", 1), '$: a str needs a string as "value", got a number'),
            (typed("bool", 1), "$: a bool needs true or false"),
            (typed("list", [typed("int", 1), 2]), "$[1]: expected an object"),
            (typed("dict", [[typed("str", "k")]]), "$[0]: a dict item must be a [key, value]"),
            (typed("dict", [[typed("list", []), typed("int", 1)]]),
             "$[0][0]: unhashable dict key of type 'list'"),
            (typed("bytes", [256]), "$: a bytes needs an array of integers 0..255"),
            (typed("ellipsis", 1), '$: a ellipsis needs null as "value"'),
        ]
        for json_value, message in cases:
            with self.subTest(json_value=json_value):
                with self.assertRaises(twinrun_values.TypedValueError) as caught:
                    from_json(json_value)
                self.assertTrue(str(caught.exception).startswith(message), str(caught.exception))


class SpecTest(unittest.TestCase):
    def test_reads_the_preset_format_and_a_bare_worker_spec(self):
        preset = ('{"version": 1, "mode": "both", "worker": {"version": 1, "target": "count", '
                  '"args": [{"type": "int", "value": 3}], "kwargs": [["delay", {"type": "float", '
                  '"value": 0}]], "name": "n", "daemon": true, "start_method": "forkserver"}}')
        spec = twinrun_call.read_spec(preset)
        self.assertEqual(spec, twinrun_call.Spec("count", (3,), {"delay": 0.0}, "n", True,
                                                 "forkserver"))
        self.assertEqual(twinrun_call.read_spec('{"target": "noop"}'),
                         twinrun_call.Spec("noop"))

    def test_malformed_specs_are_refused_with_one_line(self):
        cases = [("[", "the spec is not valid JSON"),
                 ("[]", "the spec must be a JSON object"),
                 ('{"version": 2, "mode": "thread", "worker": {}}',
                  "launch spec field 'version': version 2 is newer than this runner reads (1)"),
                 ('{"args": []}', "spec field 'target': expected a target name"),
                 ('{"target": "noop", "args": {}}', "spec field 'args': expected an array"),
                 ('{"target": "noop", "args": [{"type": "x"}]}',
                  "spec field args[0]: unknown type 'x'"),
                 ('{"target": "noop", "kwargs": [[1, 2]]}',
                  "spec field 'kwargs[0]': expected [name, value]"),
                 ('{"target": "noop", "start_method": "vfork"}',
                  "spec field 'start_method': expected")]
        for text, message in cases:
            with self.subTest(text=text):
                with self.assertRaises(twinrun_call.SpecError) as caught:
                    twinrun_call.read_spec(text)
                self.assertTrue(str(caught.exception).startswith(message), str(caught.exception))
                self.assertNotIn("\n", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
