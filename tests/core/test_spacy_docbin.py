"""spaCy DocBin export: span groups per layer and annotator, read back with spaCy itself."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import ExportError
from annotator.core.formats import spacy_docbin

from .random_projects import annotated_texts, build

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402


def sample_spans(seed_text, gold_file):
    rows = []
    for name in (gold_file, gold_file.with_name(gold_file.name.replace("gold", "colleague"))):
        rows += [json.loads(line) for line in name.read_text(encoding="utf-8").splitlines()]
    return [(r["start"], r["end"]) for r in rows]


def test_blank_arabic_misses_23_of_the_samples_60_spans_and_the_rules_none(seed_text, gold_file):
    spans = sample_spans(seed_text, gold_file)
    assert len(spans) == 60
    blank = spacy.blank("ar")(seed_text)
    assert sum(blank.char_span(s, e) is None for s, e in spans) == 23
    ruled = spacy_docbin.arabic_nlp()(seed_text)
    assert [(s, e) for s, e in spans if ruled.char_span(s, e) is None] == []


def test_the_rules_split_a_full_stop_after_a_quote_and_waw_before_one():
    nlp = spacy_docbin.arabic_nlp()
    assert [t.text for t in nlp('قال: "سيف القدس". و"أداة" انتهت.')] == [
        "قال",
        ":",
        '"',
        "سيف",
        "القدس",
        '"',
        ".",
        "و",
        '"',
        "أداة",
        '"',
        "انتهت",
        ".",
    ]


def read_back(path):
    return list(DocBin().from_disk(path).get_docs(spacy.blank("ar").vocab))


def test_the_sample_in_one_span_group_per_layer_and_annotator(gold_project, seed_id, tmp_path):
    gold_project.add_annotation(seed_id, "amina", "speaker", 0, 5, entity="Esmail Qaani")
    result = spacy_docbin.export(gold_project, tmp_path / "out.spacy")
    assert result.rows == 31
    (doc,) = read_back(tmp_path / "out.spacy")
    assert doc.text == gold_project.text(seed_id)
    assert doc.user_data["document_id"] == seed_id
    assert sorted(doc.spans) == ["claim:gold", "speaker:amina", "speaker:gold"]
    ours = {a.id: a for a in gold_project.annotations(seed_id)}
    for name, group in doc.spans.items():
        layer, annotator = name.split(":")
        for span in group:
            a = ours.pop(span.id_)
            assert (a.layer, a.annotator) == (layer, annotator) == (span.label_, annotator)
            assert (span.start_char, span.end_char, span.text) == (a.start, a.end, a.text)
            assert span.kb_id_ == (a.entity.name if a.entity else "")
            details = doc.user_data["annotations"][a.id]
            assert details["link_id"] == a.link_id
            # msgpack, which DocBin stores user data with, gives lists back as tuples.
            assert [list(pair) for pair in details["stances"]] == [
                [s.target, s.value] for s in a.stances
            ]
    assert ours == {}


def test_an_existing_file_is_kept_without_overwrite(gold_project, tmp_path):
    (tmp_path / "out.spacy").write_bytes(b"mine")
    with pytest.raises(ExportError, match="exists"):
        spacy_docbin.export(gold_project, tmp_path / "out.spacy")
    assert (tmp_path / "out.spacy").read_bytes() == b"mine"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_every_annotation_of_any_text_is_a_span_at_its_offsets(case):
    """Spans inside words are kept too: the token is split at the span's edge; white space at a
    span's edge is left to the token's trailing space."""
    text, plans = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "a.annotator", text, plans) as source:
            spacy_docbin.export(source, folder / "out.spacy")
            (doc,) = read_back(folder / "out.spacy")
            assert doc.text == text
            got = sorted(
                (span.id_, span.start_char, span.end_char)
                for group in doc.spans.values()
                for span in group
            )
            # Exact offsets, except a span with an edge on white space: it spans the tokens
            # inside it (named in `trimmed`; the stored offsets stay in user_data), or is left
            # out, named, when it holds no token.
            result = spacy_docbin.docbin(source)
            exported = {i: (s, e) for i, s, e in got}
            for a in source.annotations("doc"):
                where = f"{a.layer} {a.start}-{a.end} "
                named = [n for n in result.trimmed + result.left_out if where in n]
                if not named:
                    assert exported.pop(a.id) == (a.start, a.end)
                    continue
                piece = text[a.start : a.end]
                assert piece[:1].isspace() or piece[-1:].isspace()
                if a.id in exported:
                    s, e = exported.pop(a.id)
                    assert a.start <= s < e <= a.end
                    assert text[s:e].strip() == piece.strip()
                    assert doc.user_data["annotations"][a.id]["start"] == a.start
                else:
                    assert any(where in n for n in result.left_out)
            assert exported == {}


def test_spans_with_space_at_their_edges_span_their_tokens_and_keep_exact_offsets(
    project, tmp_path
):
    from annotator.core.store.project import TextSource

    text = "قال الرئيس  إن الوضع خطير."
    project.import_texts([TextSource(text=text, id="news")])
    speaker = project.add_annotation("news", "amina", "speaker", 3, 11)  # " الرئيس "
    blank = project.add_annotation("news", "amina", "claim", 14, 15)  # the space after إن
    result = spacy_docbin.export(project, tmp_path / "out.spacy")
    assert result.rows == 1
    assert result.notes == (
        f"trimmed to tokens: document 'news', speaker 3-11 {text[3:11]!r}: spans the tokens 4-10",
        "left out: document 'news', claim 14-15 ' ': white space only, no token to span",
    )
    (doc,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("ar").vocab)
    (span,) = doc.spans["speaker:amina"]
    assert span.text == "الرئيس"
    assert doc.user_data["annotations"][speaker.id]["start"] == 3
    assert blank.id not in doc.user_data["annotations"]
