"""The label schema: layers, their attributes, allowed values, colours and shortcuts (TOML)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from annotator.core.errors import LayerNames, Message, SchemaError, ValidationError
from annotator.core.paths import resource_path

ATTRIBUTE_TYPES = ("choice", "text", "entity", "link")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str
    values: tuple[str, ...] = ()
    default: str | None = None
    layer: str | None = None  # the target layer of a link
    description: str = ""
    label: str = ""  # as shown; the name when the schema gives none
    # Arabic interface: the label, the description and each value's label (by value).
    label_ar: str = ""
    description_ar: str = ""
    values_ar: Mapping[str, str] = field(default_factory=dict, compare=False)
    # How each value is shown in the interface (set by `LabelSchema.localized`).
    shown_values: Mapping[str, str] = field(default_factory=dict, compare=False)

    def value_label(self, value: str) -> str:
        """How `value` is shown (itself unless the schema was `localized`)."""
        return self.shown_values.get(value, value)


@dataclass(frozen=True)
class Layer:
    name: str
    label: str
    color: str
    shortcut: str
    attributes: tuple[Attribute, ...] = ()
    stance_values: tuple[str, ...] = ()
    description: str = ""
    label_ar: str = ""
    description_ar: str = ""
    stance_values_ar: Mapping[str, str] = field(default_factory=dict, compare=False)
    shown_stances: Mapping[str, str] = field(default_factory=dict, compare=False)

    def stance_label(self, value: str) -> str:
        """How the stance value `value` is shown (itself unless the schema was `localized`)."""
        return self.shown_stances.get(value, value)

    def attribute(self, name: str) -> Attribute | None:
        return self._by_name.get(name)

    def attribute_of_type(self, type_: str) -> Attribute | None:
        return self._by_type.get(type_)

    # Looked up for every annotation an import checks: dictionaries, made on first use.
    @cached_property
    def _by_name(self) -> dict[str, Attribute]:
        return {a.name: a for a in reversed(self.attributes)}  # the first of a name wins

    @cached_property
    def _by_type(self) -> dict[str, Attribute]:
        return {a.type: a for a in reversed(self.attributes)}  # the first of a type wins

    @property
    def has_stance(self) -> bool:
        return bool(self.stance_values)


@dataclass(frozen=True)
class LabelSchema:
    layers: tuple[Layer, ...]
    source: str  # the TOML text, stored in the project so it is self-contained

    @property
    def layer_names(self) -> tuple[str, ...]:
        return tuple(layer.name for layer in self.layers)

    def localized(self, language: str) -> LabelSchema:
        """The schema as an interface in `language` ("ar" or "en") shows it: with "ar", each
        label and description is its `label_ar` / `description_ar` where the schema gives one,
        and `Attribute.value_label` / `Layer.stance_label` give the Arabic value labels. Names
        and stored values never change; "en" returns the schema itself."""
        if language != "ar":
            return self
        layers = []
        for layer in self.layers:
            attributes = []
            for a in layer.attributes:
                shown = replace(
                    a,
                    label=a.label_ar or a.label,
                    description=a.description_ar or a.description,
                    shown_values=dict(a.values_ar),
                )
                attributes.append(shown)
            shown_layer = replace(
                layer,
                label=layer.label_ar or layer.label,
                description=layer.description_ar or layer.description,
                attributes=tuple(attributes),
                shown_stances=dict(layer.stance_values_ar),
            )
            layers.append(shown_layer)
        return LabelSchema(layers=tuple(layers), source=self.source)

    def layer(self, name: str) -> Layer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValidationError(
            Message(
                "unknown layer %1 (this project's layers: %2)",
                repr(name),
                LayerNames.of(self.layer_names),
            )
        )

    def validate_attributes(self, layer_name: str, attributes: Mapping[str, Any]) -> dict[str, Any]:
        """Check plain (choice and text) attribute values and fill choice defaults.

        Entity and link attributes are not plain values; the project stores them separately.
        """
        layer = self.layer(layer_name)
        clean: dict[str, Any] = {}
        for name, value in attributes.items():
            attribute = layer.attribute(name)
            if attribute is None:
                known = ", ".join(a.name for a in layer.attributes) or "none"
                raise ValidationError(
                    Message(
                        "unknown attribute %1 for layer %2 (known: %3)",
                        repr(name),
                        repr(layer.name),
                        known,
                    )
                )
            if attribute.type in ("entity", "link"):
                raise ValidationError(
                    Message("attribute %1 is a %2, not a value", repr(name), attribute.type)
                )
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                raise ValidationError(
                    Message("attribute %1 must be text, got %2", repr(name), repr(value))
                )
            if attribute.type == "choice" and value not in attribute.values:
                raise ValidationError(
                    Message(
                        "unknown value %1 for %2.%3 (allowed: %4)",
                        repr(value),
                        layer.name,
                        name,
                        ", ".join(attribute.values),
                    )
                )
            clean[name] = value
        for attribute in layer.attributes:
            if attribute.type == "choice" and attribute.name not in clean and attribute.default:
                clean[attribute.name] = attribute.default
        return clean

    def validate_stance_value(self, layer_name: str, value: str) -> None:
        layer = self.layer(layer_name)
        if not layer.has_stance:
            raise ValidationError(Message("layer %1 has no stance", repr(layer.name)))
        if value not in layer.stance_values:
            raise ValidationError(
                Message(
                    "unknown stance value %1 (allowed: %2)",
                    repr(value),
                    ", ".join(layer.stance_values),
                )
            )


# The schemas shipped in resources/, by the name `annotator init --schema NAME` takes.
SHIPPED_SCHEMAS = {"default": "schema.toml", "attribution": "schema-attribution.toml"}


def default_schema_text() -> str:
    return resource_path("schema.toml").read_text(encoding="utf-8")


def load_schema(name_or_path: str | Path) -> LabelSchema:
    """A shipped schema by its name (`SHIPPED_SCHEMAS`: "default", "attribution"), or else the
    TOML file at that path (`./attribution` reads a file of that name). Raises SchemaError
    naming the file when it cannot be read or is not a valid schema."""
    shipped = SHIPPED_SCHEMAS.get(str(name_or_path))
    if shipped is not None:
        return load_schema_file(resource_path(shipped))
    return load_schema_file(name_or_path)


def load_schema_file(path: str | Path) -> LabelSchema:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(Message("cannot read schema file %1: %2", path, exc)) from None
    return parse_schema(text, str(path))


def parse_schema(text: str, where: str = "schema") -> LabelSchema:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError(Message("%1: not valid TOML: %2", where, exc)) from None
    raw_layers = data.get("layers")
    if not isinstance(raw_layers, list) or not raw_layers:
        raise SchemaError(Message("%1: no [[layers]] defined", where))
    layers = tuple(_parse_layer(raw, where) for raw in raw_layers)
    _check_unique([layer.name for layer in layers], "layer name", where)
    _check_unique([layer.shortcut.upper() for layer in layers], "layer shortcut", where)
    names = {layer.name for layer in layers}
    for layer in layers:
        for attribute in layer.attributes:
            if attribute.type == "link" and attribute.layer not in names:
                raise SchemaError(
                    Message(
                        "%1: %2.%3 links to unknown layer %4",
                        where,
                        layer.name,
                        attribute.name,
                        repr(attribute.layer),
                    )
                )
    return LabelSchema(layers=layers, source=text)


def _parse_layer(raw: Any, where: str) -> Layer:
    if not isinstance(raw, dict):
        raise SchemaError(Message("%1: each [[layers]] entry must be a table", where))
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SchemaError(
            Message("%1: layer name %2 must be lower-case letters, digits, _", where, repr(name))
        )
    color = raw.get("color", "#cccccc")
    if not isinstance(color, str) or not _COLOR.match(color):
        raise SchemaError(
            Message("%1: layer %2: color %3 must look like #a1b2c3", where, repr(name), repr(color))
        )
    shortcut = raw.get("shortcut", "")
    if not isinstance(shortcut, str) or len(shortcut) != 1 or not shortcut.isalnum():
        raise SchemaError(
            Message("%1: layer %2: shortcut must be one letter or digit", where, repr(name))
        )
    attributes = tuple(_parse_attribute(a, name, where) for a in raw.get("attributes", []))
    _check_unique([a.name for a in attributes], f"attribute name in layer {name!r}", where)
    for type_ in ("entity", "link"):
        if sum(a.type == type_ for a in attributes) > 1:
            raise SchemaError(
                Message("%1: layer %2 has more than one %3 attribute", where, repr(name), type_)
            )
    stance = raw.get("stance")
    stance_values: tuple[str, ...] = ()
    if stance is not None:
        values = stance.get("values") if isinstance(stance, dict) else None
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            raise SchemaError(
                Message("%1: layer %2: stance.values must be a list of text", where, repr(name))
            )
        stance_values = tuple(values)
        stance_values_ar = _arabic_values(stance.get("values_ar"), stance_values, name, where)
    else:
        stance_values_ar = {}
    return Layer(
        name=name,
        label=str(raw.get("label", name.capitalize())),
        color=color,
        shortcut=shortcut.upper(),
        attributes=attributes,
        stance_values=stance_values,
        description=str(raw.get("description", "")),
        label_ar=str(raw.get("label_ar", "")),
        description_ar=str(raw.get("description_ar", "")),
        stance_values_ar=stance_values_ar,
    )


def _parse_attribute(raw: Any, layer: str, where: str) -> Attribute:
    if not isinstance(raw, dict):
        raise SchemaError(Message("%1: attributes of layer %2 must be tables", where, repr(layer)))
    name, type_ = raw.get("name"), raw.get("type")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SchemaError(
            Message("%1: layer %2: attribute name %3 is not valid", where, repr(layer), repr(name))
        )
    if type_ not in ATTRIBUTE_TYPES:
        raise SchemaError(
            Message(
                "%1: %2.%3: type %4 is not one of %5",
                where,
                layer,
                name,
                repr(type_),
                ", ".join(ATTRIBUTE_TYPES),
            )
        )
    values: tuple[str, ...] = ()
    default = raw.get("default")
    if type_ == "choice":
        raw_values = raw.get("values")
        if not isinstance(raw_values, list) or not raw_values:
            raise SchemaError(
                Message("%1: %2.%3: a choice needs a list of values", where, layer, name)
            )
        values = tuple(str(v) for v in raw_values)
        default = values[0] if default is None else default
        if default not in values:
            raise SchemaError(
                Message("%1: %2.%3: default %4 is not a value", where, layer, name, repr(default))
            )
    target = raw.get("layer")
    if type_ == "link" and not isinstance(target, str):
        raise SchemaError(
            Message("%1: %2.%3: a link needs the layer it points to", where, layer, name)
        )
    return Attribute(
        name=name,
        type=type_,
        values=values,
        default=default,
        layer=target if type_ == "link" else None,
        description=str(raw.get("description", "")),
        label=str(raw.get("label", name)),
        label_ar=str(raw.get("label_ar", "")),
        description_ar=str(raw.get("description_ar", "")),
        values_ar=_arabic_values(raw.get("values_ar"), values, f"{layer}.{name}", where),
    )


def _arabic_values(raw: Any, values: tuple[str, ...], owner: str, where: str) -> dict[str, str]:
    """`values_ar`, a table from values to their Arabic labels. A value it leaves out is shown
    as it is (a value added to a schema later need not have one); a key that is not a value
    is refused, as a misspelling would otherwise go unnoticed."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise SchemaError(
            Message('%1: %2: values_ar must be a table of value = "label"', where, owner)
        )
    unknown = [key for key in raw if key not in values]
    if unknown:
        raise SchemaError(
            Message(
                "%1: %2: values_ar names %3, not among its values (%4)",
                where,
                owner,
                ", ".join(map(repr, unknown)),
                ", ".join(values),
            )
        )
    return dict(raw)


def _check_unique(items: list[str], what: str, where: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise SchemaError(Message("%1: duplicate %2 %3", where, what, repr(item)))
        seen.add(item)
