"""The label schema: the built-in one, broken schema files, and checking attribute values."""

import pytest

from annotator.core.errors import SchemaError, ValidationError
from annotator.core.schema import (
    default_schema_text,
    load_schema,
    load_schema_file,
    parse_schema,
)

ONE_LAYER = """
[[layers]]
name = "speaker"
color = "#f4a259"
shortcut = "S"
"""


@pytest.fixture
def schema():
    return parse_schema(default_schema_text())


def test_the_default_schema_has_a_speaker_and_a_claim_layer(schema):
    assert schema.layer_names == ("speaker", "claim")


def test_the_default_layers_are_tagged_with_s_and_c(schema):
    assert [layer.shortcut for layer in schema.layers] == ["S", "C"]


def test_a_claim_carries_stances_and_a_speaker_does_not(schema):
    assert schema.layer("claim").stance_values == ("favor", "against", "neutral", "unclear")
    assert not schema.layer("speaker").has_stance


def test_a_claim_links_to_a_speaker_mention(schema):
    link = schema.layer("claim").attribute_of_type("link")
    assert (link.name, link.layer) == ("speaker", "speaker")


def test_invalid_toml_is_refused():
    with pytest.raises(SchemaError, match="my.toml: not valid TOML"):
        parse_schema('[[layers]]\nname = "speaker', "my.toml")


def test_a_schema_without_layers_is_refused():
    with pytest.raises(SchemaError, match=r"no \[\[layers\]\] defined"):
        parse_schema("version = 1\n")


def test_two_layers_with_one_name_are_refused():
    text = ONE_LAYER + ONE_LAYER.replace('"S"', '"T"')
    with pytest.raises(SchemaError, match="duplicate layer name 'speaker'"):
        parse_schema(text)


def test_two_layers_with_one_shortcut_are_refused():
    text = ONE_LAYER + ONE_LAYER.replace('"speaker"', '"quote"').replace('"S"', '"s"')
    with pytest.raises(SchemaError, match="duplicate layer shortcut 'S'"):
        parse_schema(text)


def test_a_colour_that_is_not_hex_is_refused():
    with pytest.raises(SchemaError, match="layer 'speaker': color 'orange' must look like #a1b2c3"):
        parse_schema(ONE_LAYER.replace('"#f4a259"', '"orange"'))


def test_a_link_to_an_unknown_layer_is_refused():
    text = (
        ONE_LAYER
        + """
[[layers]]
name = "claim"
color = "#5b8fd9"
shortcut = "C"
  [[layers.attributes]]
  name = "source"
  type = "link"
  layer = "person"
"""
    )
    with pytest.raises(SchemaError, match="claim.source links to unknown layer 'person'"):
        parse_schema(text)


def test_a_choice_default_outside_its_values_is_refused():
    text = (
        ONE_LAYER
        + """
  [[layers.attributes]]
  name = "role"
  type = "choice"
  values = ["person", "organisation"]
  default = "robot"
"""
    )
    with pytest.raises(SchemaError, match="speaker.role: default 'robot' is not a value"):
        parse_schema(text)


def test_a_schema_file_that_cannot_be_read_is_refused(tmp_path):
    with pytest.raises(SchemaError, match="cannot read schema file"):
        load_schema_file(tmp_path / "missing.toml")


def test_an_unknown_choice_value_is_refused_by_name(schema):
    with pytest.raises(ValidationError, match="unknown value 'rumour' for claim.kind"):
        schema.validate_attributes("claim", {"kind": "rumour"})


def test_an_unknown_attribute_is_refused_by_name(schema):
    with pytest.raises(ValidationError, match="unknown attribute 'mood' for layer 'claim'"):
        schema.validate_attributes("claim", {"mood": "angry"})


def test_choice_defaults_are_filled_in(schema):
    assert schema.validate_attributes("speaker", {}) == {"role": "person"}
    assert schema.validate_attributes("claim", {"cue": "أكد"}) == {"cue": "أكد", "kind": "direct"}


def test_an_unknown_stance_value_is_refused_by_name(schema):
    with pytest.raises(ValidationError, match="unknown stance value 'love'"):
        schema.validate_stance_value("claim", "love")


def test_the_default_schema_shows_arabic_labels_and_keeps_its_values():
    schema = parse_schema(default_schema_text())
    arabic = schema.localized("ar")
    speaker, claim = arabic.layer("speaker"), arabic.layer("claim")
    assert (speaker.label, claim.label) == ("متحدث", "تصريح")
    assert speaker.attribute("role").value_label("government") == "جهة حكومية"
    assert speaker.attribute("role").values == schema.layer("speaker").attribute("role").values
    assert claim.stance_label("against") == "معارض"
    assert claim.attribute("cue").label == "لفظ الإسناد"
    assert schema.localized("en") is schema
    assert schema.layer("claim").stance_label("against") == "against"


def test_arabic_value_labels_name_only_values_of_the_attribute():
    text = """
[[layers]]
name = "claim"
shortcut = "C"
  [[layers.attributes]]
  name = "kind"
  type = "choice"
  values = ["direct", "indirect"]
  values_ar = { direct = "مباشر", indirct = "غير مباشر" }
"""
    with pytest.raises(SchemaError, match="claim.kind: values_ar names 'indirct', not among"):
        parse_schema(text, "mine.toml")


def test_a_value_added_without_an_arabic_label_is_shown_as_it_is():
    text = default_schema_text().replace('"paraphrase"]', '"paraphrase", "rumour"]')
    kind = parse_schema(text).localized("ar").layer("claim").attribute("kind")
    assert kind.value_label("rumour") == "rumour" and kind.value_label("direct") == "مباشر"


def test_the_attribution_schema_is_the_default_with_a_cue_layer_linked_to_its_claim():
    default, attribution = parse_schema(default_schema_text()), load_schema("attribution")
    assert attribution.layer_names == ("speaker", "claim", "cue")

    def shape(layers):
        return [
            (
                x.name,
                x.shortcut,
                x.stance_values,
                [(a.name, a.type, a.values, a.layer) for a in x.attributes],
            )
            for x in layers
        ]

    # The claim keeps its speaker link and its cue as text (described as such).
    assert shape(attribution.layers[:2]) == shape(default.layers)
    cue = attribution.layer("cue")
    assert (cue.label, cue.label_ar, cue.shortcut) == ("Cue", "لفظ الإسناد", "Q")
    link = cue.attribute_of_type("link")
    assert (link.name, link.layer) == ("claim", "claim")


def test_the_attribution_schema_has_arabic_labels_for_all_it_shows():
    shown = load_schema("attribution").localized("ar")
    for layer in shown.layers:
        assert layer.label != layer.name.capitalize()
        assert all(a.label != a.name for a in layer.attributes)


def test_a_schema_is_named_by_its_shipped_name_or_its_file(tmp_path):
    assert load_schema("default").source == default_schema_text()
    (tmp_path / "attribution").write_text(ONE_LAYER, encoding="utf-8")
    assert load_schema(tmp_path / "attribution").layer_names == ("speaker",)
    with pytest.raises(SchemaError, match="cannot read schema file attribtion"):
        load_schema("attribtion")
