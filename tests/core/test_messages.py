"""A message of the core is an English sentence for the command line that keeps its template
and parts, so the interface can say it in Arabic: the English is exactly what an f-string gave,
a count picks "1 file" or "3 files", and errors keep the message they were given."""

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import (
    ConflictError,
    DuplicateError,
    InputError,
    Message,
    ValidationError,
    message,
)


def test_the_english_text_is_the_template_with_its_parts():
    said = Message("annotator %1 is given twice (%2 times)", "'amal'", 2)
    assert said == "annotator 'amal' is given twice (2 times)"
    assert (said.template, said.params) == ("annotator %1 is given twice (%2 times)", ("'amal'", 2))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=4))
def test_a_part_is_put_in_as_it_is_even_when_it_looks_like_a_placeholder(parts):
    template = " | ".join(f"%{i}" for i in range(1, len(parts) + 1))
    assert Message(template, *parts) == " | ".join(parts)


def test_a_count_gives_the_english_singular_or_plural():
    template = "%1 holds %n more file(s)"
    assert Message(template, "out", count=1) == "out holds 1 more file"
    assert Message(template, "out", count=3) == "out holds 3 more files"


def test_an_error_keeps_its_message_and_prints_the_english():
    error = ValidationError("unknown status %1 (allowed: %2)", "'late'", "todo, done")
    assert str(error) == "unknown status 'late' (allowed: todo, done)"
    assert error.message.template == "unknown status %1 (allowed: %2)"
    assert message(error) is error.message
    assert message("plain words").template == "plain words"


def test_a_bad_input_names_the_file_and_line_around_the_reason():
    error = InputError(Message("not valid JSON (%1)", "Expecting value"), "news.jsonl", 7)
    assert str(error) == "news.jsonl:7: not valid JSON (Expecting value)"
    assert error.message.template == "%1:%2: %3"
    assert error.message.params[2] is error.reason
    assert str(InputError("empty file", None, 3)) == "line 3: empty file"
    # Another error given as the reason keeps its template (translated in its turn).
    nested = InputError(ValidationError("a stance needs a target"), "a.jsonl", 2)
    assert nested.reason.template == "a stance needs a target"


def test_a_duplicate_names_the_first_annotation_in_a_translatable_clause():
    error = DuplicateError("amal", "claim", "a1", linked=False)
    assert str(error) == "amal has already tagged this span as claim (annotation a1)"
    assert error.message.params[2].template == "annotation %1"


def test_messages_and_errors_survive_a_trip_through_pickle():
    error = ConflictError(Message("annotation %1 was deleted", "a1"))
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.message.template == "annotation %1 was deleted"
    said = pickle.loads(pickle.dumps(Message("%n row(s)", count=2)))
    assert said == "2 rows" and said.count == 2
