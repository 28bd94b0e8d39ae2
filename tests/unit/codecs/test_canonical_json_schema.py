"""The JSON Schema describes the same format the codec reads and writes."""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator
from typing import Any

import pytest

from posync.codecs.canonical_json import JsonCodec
from posync.domain.documents import (
    FunctionalAcknowledgement,
    GoodsReceipt,
    Invoice,
    OrderKind,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from posync.domain.events import (
    PurchaseOrderCreated,
    PurchaseOrderRevised,
    PurchaseOrderStatusChanged,
)
from support.documents import VALID_DOCUMENT_FACTORIES, make_purchase_order

SCHEMA_TYPES = [
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
    GoodsReceipt,
    Invoice,
    FunctionalAcknowledgement,
    PurchaseOrderCreated,
    PurchaseOrderRevised,
    PurchaseOrderStatusChanged,
]
by_name = pytest.mark.parametrize("document_type", SCHEMA_TYPES, ids=lambda t: t.__name__)


def reachable_dataclasses(cls: type) -> dict[str, type]:
    """Every dataclass a document holds, by name, found from its type hints."""
    found: dict[str, type] = {}

    def visit(annotation: Any) -> None:
        for argument in typing.get_args(annotation):
            visit(argument)
        is_class = dataclasses.is_dataclass(annotation) and isinstance(annotation, type)
        if is_class and annotation.__name__ not in found:
            found[annotation.__name__] = annotation
            for hint in typing.get_type_hints(annotation).values():
                visit(hint)

    visit(cls)
    return found


def refs(schema: object) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from refs(item)


def has_default(field: dataclasses.Field[Any]) -> bool:
    return (
        field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
    )


@by_name
def test_the_root_refers_to_the_definition_of_the_document(document_type: type) -> None:
    root, definitions = JsonCodec(document_type).json_schema()

    assert root == {"$ref": f"#/$defs/{document_type.__name__}"}
    assert document_type.__name__ in definitions


@by_name
def test_there_is_one_definition_per_dataclass_the_document_holds(document_type: type) -> None:
    _, definitions = JsonCodec(document_type).json_schema()

    assert set(definitions) == set(reachable_dataclasses(document_type))


@by_name
def test_every_field_appears_and_required_lists_those_without_default(
    document_type: type,
) -> None:
    _, definitions = JsonCodec(document_type).json_schema()

    for name, cls in reachable_dataclasses(document_type).items():
        definition = definitions[name]
        fields = dataclasses.fields(cls)
        assert list(definition["properties"]) == [f.name for f in fields], name
        required = [f.name for f in fields if not has_default(f)]
        assert definition.get("required", []) == required, name
        assert definition["type"] == "object"
        assert definition["additionalProperties"] is False


@by_name
@pytest.mark.parametrize("prefix", ["#/$defs/", "#/components/schemas/"])
def test_every_reference_resolves_to_a_definition(document_type: type, prefix: str) -> None:
    root, definitions = JsonCodec(document_type).json_schema(ref_prefix=prefix)

    targets = list(refs(root)) + [ref for d in definitions.values() for ref in refs(d)]

    assert targets[0] == f"{prefix}{document_type.__name__}"
    for target in targets:
        assert target.startswith(prefix), target
        assert target.removeprefix(prefix) in definitions, target


def test_scalars_optionals_lists_and_enumerations_are_described() -> None:
    _, definitions = JsonCodec(PurchaseOrder).json_schema()
    order = definitions["PurchaseOrder"]["properties"]
    line = definitions["PurchaseOrderLine"]["properties"]

    text, whole = line["quantity"]["anyOf"]
    assert (text["type"], whole) == ("string", {"type": "integer"})
    pattern = re.compile(text["pattern"], re.ASCII)
    assert all(pattern.search(text) for text in ("12.50", "-0.0001", "7"))
    assert not any(pattern.search(text) for text in ("1e5", "12.", " 1", "NaN", "+1"))
    assert line["line_number"] == {"type": "integer"}
    assert line["capitalized"] == {"type": "boolean"}
    assert order["order_date"] == {"type": "string", "format": "date"}
    assert order["kind"] == {"type": "string", "enum": [kind.value for kind in OrderKind]}
    assert order["ship_to"] == {"anyOf": [{"$ref": "#/$defs/Party"}, {"type": "null"}]}
    assert order["lines"] == {"type": "array", "items": {"$ref": "#/$defs/PurchaseOrderLine"}}
    assert order["notes"] == {"type": "array", "items": {"type": "string"}}


def test_datetimes_are_described_as_date_time() -> None:
    _, definitions = JsonCodec(GoodsReceipt).json_schema()

    assert definitions["GoodsReceipt"]["properties"]["received_at"] == {
        "type": "string",
        "format": "date-time",
    }


def test_docstrings_become_descriptions_and_generated_ones_do_not() -> None:
    _, definitions = JsonCodec(GoodsReceipt).json_schema()
    _, order_definitions = JsonCodec(PurchaseOrder).json_schema()

    assert order_definitions["PurchaseOrder"]["description"] == (
        "A purchase order at one revision. Revision 0 is the original order."
    )
    assert "description" not in definitions["ReceivedLine"]


def test_the_returned_schema_is_a_copy() -> None:
    codec = JsonCodec(PurchaseOrder)
    _, definitions = codec.json_schema()
    definitions["PurchaseOrder"]["properties"].clear()

    assert codec.json_schema()[1]["PurchaseOrder"]["properties"]


# --- the schema accepts what the encoder writes ------------------------------------------


def schema_problems(value: Any, schema: dict[str, Any], definitions: dict[str, Any]) -> list[str]:
    """Check ``value`` against the subset of JSON Schema the codec uses (ASCII ``\\d``)."""
    if "$ref" in schema:
        return schema_problems(value, definitions[schema["$ref"].split("/")[-1]], definitions)
    if "anyOf" in schema:
        outcomes = [schema_problems(value, option, definitions) for option in schema["anyOf"]]
        return [] if any(not o for o in outcomes) else ["no anyOf option fits"]
    kind = schema["type"]
    if kind == "null":
        return [] if value is None else ["not null"]
    if kind == "object":
        if not isinstance(value, dict):
            return ["not an object"]
        problems = [f"missing {name}" for name in schema.get("required", []) if name not in value]
        problems += [f"unknown {name}" for name in value if name not in schema["properties"]]
        for name, item in value.items():
            if name in schema["properties"]:
                problems += schema_problems(item, schema["properties"][name], definitions)
        return problems
    if kind == "array":
        if not isinstance(value, list):
            return ["not an array"]
        return [p for item in value for p in schema_problems(item, schema["items"], definitions)]
    expected = {"string": str, "integer": int, "boolean": bool}[kind]
    if not isinstance(value, expected) or (kind == "integer" and isinstance(value, bool)):
        return [f"not a {kind}: {value!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"not one of {schema['enum']}"]
    if "pattern" in schema and not re.search(schema["pattern"], str(value), re.ASCII):
        return [f"{value!r} does not match {schema['pattern']}"]
    return []


@pytest.mark.parametrize("factory", VALID_DOCUMENT_FACTORIES, ids=lambda f: f.__name__)
def test_every_encoded_example_fits_its_schema(factory: Any) -> None:
    document = factory()
    codec: JsonCodec[Any] = JsonCodec(type(document))
    root, definitions = codec.json_schema()

    assert schema_problems(codec.encode(document), root, definitions) == []


def test_the_schema_check_itself_refuses_what_the_codec_refuses() -> None:
    codec = JsonCodec(PurchaseOrder)
    root, definitions = codec.json_schema()
    data = codec.encode(make_purchase_order())
    data["lines"][0]["unit_price"] = 2.5
    data["lines"][1]["quantity"] = "1e5"
    data["colour"] = "red"
    del data["currency"]
    data["kind"] = "urgent"

    assert len(schema_problems(data, root, definitions)) == 5
