"""brat standoff: exporting a folder of .txt and .ann files, and importing them back."""

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import ExportError, InputError
from annotator.core.formats import brat, import_annotations
from annotator.core.store.project import Project, TextSource

from .random_projects import annotated_texts, build, described


@pytest.fixture
def folder(gold_project, tmp_path):
    out = tmp_path / "brat"
    brat.export(gold_project, out)
    return out


@pytest.fixture
def fresh(tmp_path):
    with Project.create(tmp_path / "fresh.annotator") as project:
        yield project


def ann_of(folder):
    (ann,) = folder.glob("*.ann")
    return ann


def test_each_document_gives_a_txt_and_an_ann_named_after_its_title(folder, seed_text):
    names = sorted(p.name for p in folder.iterdir())
    stem = "قاآني في اتصال مع هنية والنخالة سيف القدس جعلت فلسطين أمام منعطف"
    assert names == ["annotation.conf", "visual.conf", f"{stem}.ann", f"{stem}.txt"]
    assert (folder / f"{stem}.txt").read_bytes() == seed_text.encode("utf-8")


def test_offsets_are_code_points_into_the_txt_as_brat_reads_it(folder):
    text = ann_of(folder).with_suffix(".txt").read_text(encoding="utf-8")
    for line in ann_of(folder).read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            _, data, shown = line.split("\t")
            start, end = map(int, data.split()[1:])
            assert text[start:end] == shown


def test_a_speaker_mention_and_its_claim_in_brat_lines(folder, gold_project, seed_id):
    lines = ann_of(folder).read_text(encoding="utf-8").splitlines()
    qaani = next(e for e in gold_project.entities() if e.name == "Esmail Qaani")
    speaker = next(a for a in gold_project.annotations(seed_id) if a.start == 0)
    assert lines[:4] == [
        "T1\tspeaker 0 5\tقاآني",
        "A1\trole T1 person",
        "#1\tAnnotatorNotes T1\tentity: Esmail Qaani",
        f"#2\tProvenance T1\tannotator: gold | id: {speaker.id} | origin: imported"
        f" | created: {speaker.created_at} | modified: {speaker.modified_at}"
        f" | entity_id: {qaani.id}",
    ]
    claim = next(line.split("\t")[0] for line in lines if "\tclaim 339 474\t" in line)
    speaker = next(line.split("\t")[0] for line in lines if "\tspeaker 317 329\t" in line)
    about_claim = [
        line.split("\t", 1)[1] for line in lines if claim in re.split(r"[\t :]", line)[1:]
    ]
    assert about_claim[:3] == [
        f"claim_speaker Arg1:{claim} Arg2:{speaker}",
        f"kind {claim} direct",
        f"AnnotatorNotes {claim}\tcue: أكد"
        " | stance: Palestinian cause=favor | stance: Israel=against",
    ]


def test_no_normalization_lines_unless_asked(folder, gold_project, tmp_path):
    assert not [x for x in ann_of(folder).read_text("utf-8").splitlines() if x.startswith("N")]
    brat.export(gold_project, tmp_path / "n", entities_as="normalization")
    lines = ann_of(tmp_path / "n").read_text(encoding="utf-8").splitlines()
    qaani = next(e for e in gold_project.entities() if e.name == "Esmail Qaani")
    assert lines[2] == f"N1\tReference T1 entity:{qaani.id}\tEsmail Qaani"
    assert "entity_id" not in "".join(lines)


@pytest.mark.parametrize("entities_as", brat.ENTITIES_AS)
def test_either_form_of_entities_imports_back_to_the_same_entities(
    gold_project, fresh, seed_id, tmp_path, entities_as
):
    brat.export(gold_project, tmp_path / "b", entities_as=entities_as)
    (doc_id,) = import_annotations(fresh, tmp_path / "b").documents_added
    # brat carries an entity's id and name, not its kind and aliases.
    assert described(fresh, doc_id, entity_details=False) == described(
        gold_project, seed_id, entity_details=False
    )
    assert {(e.id, e.name) for e in fresh.entities()} == {
        (e.id, e.name) for e in gold_project.entities()
    }


def test_an_entity_note_without_an_id_finds_the_entity_by_name(fresh, tmp_path):
    ann = write_brat(
        tmp_path / "b",
        "قال الوزير إن",
        ["T1\tspeaker 4 10\tالوزير", "#1\tAnnotatorNotes T1\tentity: وزير الخارجية"],
    )
    import_annotations(fresh, ann, annotator="amina")
    (speaker,) = fresh.annotations(fresh.documents()[0].id)
    assert speaker.entity.name == "وزير الخارجية"


def test_an_entity_given_both_as_note_and_normalization_is_refused(fresh, tmp_path):
    ann = write_brat(
        tmp_path / "b",
        "قال الوزير إن",
        [
            "T1\tspeaker 4 10\tالوزير",
            "N1\tReference T1 entity:x\tالوزير",
            "#1\tAnnotatorNotes T1\tentity: وزير الخارجية",
        ],
    )
    with pytest.raises(InputError, match=r"article\.ann:3: T1 has a second entity"):
        import_annotations(fresh, ann, annotator="amina")
    assert (fresh.annotation_count(), fresh.documents(), fresh.entities()) == (0, [], [])


def test_an_entity_id_that_is_not_a_uuid_is_refused_naming_the_line(fresh, tmp_path):
    ann = write_brat(
        tmp_path / "b",
        "قال الوزير إن",
        [
            "T1\tspeaker 4 10\tالوزير",
            "#1\tAnnotatorNotes T1\tentity: وزير الخارجية",
            "#2\tProvenance T1\tannotator: amina | entity_id: 42",
        ],
    )
    with pytest.raises(InputError, match=r"article\.ann:3: entity_id '42' is not a UUID"):
        import_annotations(fresh, ann)
    assert (fresh.annotation_count(), fresh.documents(), fresh.entities()) == (0, [], [])


def test_annotation_conf_declares_the_schema_for_brat(folder):
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]\nspeaker\nclaim\n" in conf
    assert "claim_speaker\tArg1:claim, Arg2:speaker" in conf
    assert "role\tArg:speaker, Value:person|organisation|government|anonymous|other" in conf
    assert "kind\tArg:claim, Value:direct|indirect|paraphrase" in conf
    visual = (folder / "visual.conf").read_text(encoding="utf-8")
    assert "claim\tbgColor:#5b8fd9" in visual


def test_importing_the_folder_into_a_new_project_gives_the_same_annotations(
    folder, gold_project, fresh, seed_id
):
    result = import_annotations(fresh, folder)
    (doc_id,) = result.documents_added
    assert result.added == 30
    assert fresh.document(doc_id).sha256 == gold_project.document(seed_id).sha256
    assert described(fresh, doc_id, entity_details=False) == described(
        gold_project, seed_id, entity_details=False
    )


def test_an_ann_file_alone_imports_and_finds_the_document_by_its_text(folder, fresh, seed_text):
    (doc_id,) = fresh.import_texts([TextSource(seed_text, id="sample")]).added
    result = import_annotations(fresh, ann_of(folder))
    assert (result.added, result.document_ids, result.documents_added) == (30, (doc_id,), ())


def test_importing_twice_adds_nothing(folder, fresh):
    import_annotations(fresh, folder)
    result = import_annotations(fresh, folder)
    assert (result.added, result.skipped) == (0, 30)


def write_brat(folder, text, ann_lines, name="article"):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    (folder / f"{name}.ann").write_text("".join(line + "\n" for line in ann_lines), "utf-8")
    return folder / f"{name}.ann"


def test_a_file_made_in_brat_needs_an_annotator_name(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "قال الوزير إن", ["T1\tspeaker 4 10\tالوزير"])
    with pytest.raises(InputError, match=r"article\.ann:1: this brat file records no annotator"):
        import_annotations(fresh, ann)
    result = import_annotations(fresh, ann, annotator="amina")
    (speaker,) = fresh.annotations(result.document_ids[0])
    assert (speaker.annotator, speaker.text, speaker.origin) == ("amina", "الوزير", "imported")
    assert import_annotations(fresh, ann, annotator="amina").added == 0


def test_a_discontinuous_span_is_refused_naming_the_line(fresh, tmp_path):
    ann = write_brat(
        tmp_path / "b",
        "قال الوزير إن",
        ["T1\tspeaker 4 10\tالوزير", "T2\tspeaker 0 3;4 10\tقال الوزير"],
    )
    with pytest.raises(InputError, match=r"article\.ann:2: discontinuous span '0 3;4 10'"):
        import_annotations(fresh, ann, annotator="amina")
    assert (fresh.annotation_count(), fresh.documents()) == (0, [])


def test_a_span_cut_at_a_line_break_is_one_annotation(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "قال\nالوزير", ["T1\tclaim 0 3;4 10\tقال الوزير"])
    result = import_annotations(fresh, ann, annotator="amina")
    (claim,) = fresh.annotations(result.document_ids[0])
    assert (claim.start, claim.end, claim.text) == (0, 10, "قال\nالوزير")


def test_a_text_that_differs_from_the_document_is_refused(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "قال الوزير إن", ["T1\tspeaker 4 10\tالوزراء"])
    with pytest.raises(InputError, match=r"article\.ann:1: span text 'الوزراء' does not match"):
        import_annotations(fresh, ann, annotator="amina")


def test_an_unknown_layer_is_refused_naming_the_line(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "قال الوزير إن", ["T1\tPerson 4 10\tالوزير"])
    with pytest.raises(InputError, match=r"article\.ann:1: unknown layer 'Person'"):
        import_annotations(fresh, ann, annotator="amina")


def test_events_are_refused_naming_the_line(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "قال الوزير إن", ["T1\tspeaker 4 10\tالوزير", "E1\tSay:T1"])
    with pytest.raises(InputError, match=r"article\.ann:2: events"):
        import_annotations(fresh, ann, annotator="amina")


def test_a_txt_with_crlf_line_ends_maps_offsets_onto_the_stored_text(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "سطر\r\nقال الوزير", ["T1\tspeaker 9 15\tالوزير"])
    result = import_annotations(fresh, ann, annotator="amina")
    (speaker,) = fresh.annotations(result.document_ids[0])
    assert fresh.text(result.document_ids[0]) == "سطر\nقال الوزير"
    assert (speaker.start, speaker.end, speaker.text) == (8, 14, "الوزير")


def test_a_missing_txt_is_named(fresh, tmp_path):
    ann = write_brat(tmp_path / "b", "نص", [])
    ann.with_suffix(".txt").unlink()
    with pytest.raises(InputError, match=r"article\.txt: no such file"):
        import_annotations(fresh, ann, annotator="amina")


def test_titles_give_distinct_safe_file_names(project, tmp_path):
    titles = ["../../x", "/etc/passwd", "CON", "NUL.txt", "\u202eevil\u202c", "CON", "."]
    project.import_texts([TextSource(f"نص {i}", id=f"d{i}", title=t) for i, t in enumerate(titles)])
    brat.export(project, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".txt")
    assert names == [
        "_CON-2.txt", "_CON.txt", "_NUL.txt.txt", "d6.txt", "etc passwd.txt", "evil.txt", "x.txt",
    ]  # fmt: skip
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("study")] == ["out"]


def test_an_existing_file_stops_the_export_before_anything_is_written(gold_project, folder):
    ann = ann_of(folder)
    ann.write_text("mine", encoding="utf-8")
    (folder / "annotation.conf").unlink()
    with pytest.raises(ExportError, match=r"\.txt exists; use --force to overwrite"):
        brat.export(gold_project, folder)
    assert ann.read_text(encoding="utf-8") == "mine"
    assert not (folder / "annotation.conf").exists()
    brat.export(gold_project, folder, overwrite=True)
    assert ann.read_text(encoding="utf-8").startswith("T1\tspeaker 0 5")


def test_a_file_in_place_of_the_folder_is_refused(gold_project, tmp_path):
    (tmp_path / "brat").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is a file; brat export needs a folder"):
        brat.export(gold_project, tmp_path / "brat")


def test_notes_escape_separators_and_line_breaks(project, tmp_path):
    project.import_texts([TextSource("قال الوزير إن", id="d")])
    project.add_annotation(
        "d",
        "amina",
        "claim",
        0,
        3,
        attributes={"cue": " a|b=c\\d\ne "},
        stances=[("x=y|z", "favor")],
    )
    brat.export(project, tmp_path / "out")
    note = next(
        line
        for line in ann_of(tmp_path / "out").read_text(encoding="utf-8").splitlines()
        if "AnnotatorNotes" in line
    )
    assert note.endswith("\tcue: \\u0020a\\|b\\=c\\\\d\\ne\\u0020 | stance: x\\=y\\|z=favor")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts(), st.sampled_from(brat.ENTITIES_AS), st.booleans())
def test_any_text_and_annotations_survive_the_brat_round_trip(case, entities_as, per_annotator):
    text, plans = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "a.annotator", text, plans) as source:
            # A per-annotator folder holds only documents someone worked on.
            per_annotator = per_annotator and bool(source.annotations("doc"))
            brat.export(
                source, folder / "brat", entities_as=entities_as, per_annotator=per_annotator
            )
            with Project.create(folder / "b.annotator") as target:
                result = import_annotations(target, folder / "brat")
                (doc_id,) = result.document_ids
                assert target.text(doc_id) == text
                assert described(target, doc_id, entity_details=False) == described(
                    source, "doc", entity_details=False
                )
