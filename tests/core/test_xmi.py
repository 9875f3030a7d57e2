"""UIMA CAS XMI through dkpro-cassis: the export folder, offsets in UTF-16, and the import back."""

import io
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import ExportError, InputError
from annotator.core.formats import import_annotations, xmi
from annotator.core.store.project import Project, TextSource

from .random_projects import annotated_texts, build, described

cassis = pytest.importorskip("cassis")

XMI_NS = "{http://www.omg.org/XMI}"
STEM = "قاآني في اتصال مع هنية والنخالة سيف القدس جعلت فلسطين أمام منعطف"


@pytest.fixture
def folder(gold_project, seed_id, tmp_path):
    gold_project.add_annotation(seed_id, "amina", "speaker", 0, 5, entity="Esmail Qaani")
    out = tmp_path / "xmi"
    xmi.export(gold_project, out)
    return out


@pytest.fixture
def fresh(tmp_path):
    with Project.create(tmp_path / "fresh.annotator") as project:
        yield project


def elements(path: Path, local: str) -> list[ET.Element]:
    """The elements of an XMI file whose tag ends in `local` (namespaces vary by type)."""
    return [e for e in ET.parse(path).getroot() if e.tag.endswith("}" + local)]


def test_the_folder_holds_a_type_system_and_one_cas_per_annotator(folder):
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        "TypeSystem.xml",
        f"{STEM}/INITIAL_CAS.xmi",
        f"{STEM}/amina.xmi",
        f"{STEM}/gold.xmi",
    ]
    ts = cassis.load_typesystem(io.BytesIO((folder / "TypeSystem.xml").read_bytes()))
    for name in (
        "webanno.custom.Speaker",
        "webanno.custom.Claim",
        "webanno.custom.ClaimStance",
        xmi.SENTENCE,
        xmi.TOKEN,
        xmi.METADATA,
    ):
        assert ts.contains_type(name), name
    claim = ts.get_type("webanno.custom.Claim")
    features = {f.name: f for f in claim.all_features}
    assert features["speaker"].rangeType.name == "webanno.custom.Speaker"
    assert features["stances"].rangeType.name == "uima.cas.FSArray"
    assert features["stances"].elementType.name == "webanno.custom.ClaimStance"
    assert {"kind", "cue", "annotationId"} <= set(features)


def test_the_annotators_cas_holds_the_text_segmentation_metadata_and_spans(
    folder, gold_project, seed_id, seed_text
):
    ts = cassis.load_typesystem(io.BytesIO((folder / "TypeSystem.xml").read_bytes()))
    cas = cassis.load_cas_from_xmi(
        io.BytesIO((folder / STEM / "gold.xmi").read_bytes()), typesystem=ts
    )
    assert cas.sofa_string == seed_text
    (meta,) = cas.select(xmi.METADATA)
    assert (meta.documentId, meta.documentTitle) == (seed_id, gold_project.document(seed_id).title)
    assert len(cas.select(xmi.SENTENCE)) > 5
    tokens = cas.select(xmi.TOKEN)
    assert tokens[0].get_covered_text() == "قاآني"
    claims = cas.select("webanno.custom.Claim")
    gold = {a.id: a for a in gold_project.annotations(seed_id, "gold")}
    assert len(claims) + len(cas.select("webanno.custom.Speaker")) == len(gold)
    for claim in claims:
        ours = gold[claim.annotationId]
        assert (claim.begin, claim.end) == (ours.start, ours.end)
        assert claim.get_covered_text() == ours.text
        assert claim.kind == ours.attributes.get("kind")
        if ours.link_id:
            assert claim.speaker.annotationId == ours.link_id
        stances = [(s.target, s.value) for s in claim.stances.elements] if claim.stances else []
        assert stances == [(s.target, s.value) for s in ours.stances]
    assert not (folder / STEM / "INITIAL_CAS.xmi").read_text().count("custom:Claim")


def test_importing_the_folder_into_a_new_project_gives_the_same_annotations(
    folder, gold_project, seed_id, fresh
):
    result = import_annotations(fresh, folder)
    assert (result.added, result.skipped) == (31, 0)
    assert result.documents_added == (seed_id,)
    assert described(fresh, seed_id) == described(gold_project, seed_id)
    again = import_annotations(fresh, folder)
    assert (again.added, again.skipped) == (0, 31)


def test_a_speaker_after_an_emoji_starts_one_higher_in_the_file(project, tmp_path, fresh):
    text = "😀 " + "ب" * 40 + "قال سمير: نعم"
    project.import_texts([TextSource(text=text, id="doc")])
    speaker = project.add_annotation("doc", "amina", "speaker", 42, 45)
    assert speaker.text == "قال"
    xmi.export(project, tmp_path / "out")
    (element,) = elements(next((tmp_path / "out").glob("*/amina.xmi")), "Speaker")
    assert (element.get("begin"), element.get("end")) == ("43", "46")
    import_annotations(fresh, tmp_path / "out")
    (back,) = fresh.annotations("doc")
    assert (back.start, back.end, back.text) == (42, 45, "قال")


def test_cr_lf_and_spans_over_line_breaks_are_kept_exactly(project, tmp_path, fresh):
    text = "قال أحمد:\r\n«نعم»\r\nوأضاف 😀 لا"
    project.import_texts([TextSource(text=text, id="doc")])
    project.add_annotation("doc", "amina", "claim", 4, 16, attributes={"kind": "direct"})
    xmi.export(project, tmp_path / "out")
    assert "&#13;&#10;" in next((tmp_path / "out").glob("*/amina.xmi")).read_text()
    import_annotations(fresh, tmp_path / "out")
    assert fresh.text("doc") == text
    assert described(fresh, "doc") == described(project, "doc")


def test_a_cas_with_cr_lf_finds_the_document_the_readers_stored_with_lf(tmp_path, fresh):
    """INCEpTION keeps the CR LF of an uploaded file; the article readers turn it into LF."""
    with Project.create(tmp_path / "other.annotator") as other:
        other.import_texts([TextSource(text="سطر أول\r\nقال 😀 زيد\r\nآخر", id="doc")])
        other.add_annotation("doc", "amina", "speaker", 15, 18)  # زيد, after a CR LF
        xmi.export(other, tmp_path / "out")
    fresh.import_texts([TextSource(text="سطر أول\nقال 😀 زيد\nآخر", id="mine")])
    result = import_annotations(fresh, tmp_path / "out")
    assert result.documents_added == ()
    (speaker,) = fresh.annotations("mine")
    assert (speaker.start, speaker.end, speaker.text) == (14, 17, "زيد")


# XML 1.0 cannot hold these: the random texts get CR and LF in their place (same lengths).
_TO_CR_LF = str.maketrans({"\x0b": "\r", "\x0c": "\n", "\x1c": "\r", "\x1d": "\n", "\x1e": "\r"})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_any_text_and_annotations_survive_the_xmi_round_trip(case):
    text, plans = case
    text = text.translate(_TO_CR_LF)
    plans = [
        {
            key: value.translate(_TO_CR_LF) if isinstance(value, str) else value
            for key, value in plan.items()
        }
        | {"stances": [(t.translate(_TO_CR_LF), v) for t, v in plan.get("stances", [])]}
        for plan in plans
    ]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "a.annotator", text, plans) as source:
            xmi.export(source, folder / "xmi")
            with Project.create(folder / "b.annotator") as target:
                result = import_annotations(target, folder / "xmi")
                (doc_id,) = result.document_ids
                assert target.text(doc_id) == text
                assert described(target, doc_id) == described(source, "doc")


def test_a_text_xml_cannot_hold_is_refused_naming_the_character(project, tmp_path):
    project.import_texts([TextSource(text="سطر\x0bسطر", id="doc")])
    with pytest.raises(ExportError, match="'doc' holds U\\+000B at character 3"):
        xmi.export(project, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))


def test_an_existing_file_stops_the_export_before_anything_is_written(gold_project, folder):
    (folder / STEM / "gold.xmi").unlink()
    with pytest.raises(ExportError, match="exists; use --force"):
        xmi.export(gold_project, folder)
    assert not (folder / STEM / "gold.xmi").exists()
    xmi.export(gold_project, folder, overwrite=True)
    assert (folder / STEM / "gold.xmi").exists()


def test_broken_xml_is_refused_naming_file_and_line_and_nothing_is_stored(folder, fresh):
    bad = folder / STEM / "zeinab.xmi"
    bad.write_text('<?xml version="1.0"?>\n<xmi:XMI xmlns:xmi="http://www.omg.org/XMI">\n<oops')
    with pytest.raises(InputError, match=re.escape(f"{bad}:3: not UIMA CAS XMI")):
        import_annotations(fresh, folder)
    assert fresh.documents() == [] and fresh.annotators() == []


def test_a_folder_without_a_type_system_is_refused(folder, fresh):
    (folder / "TypeSystem.xml").unlink()
    with pytest.raises(InputError, match="no TypeSystem.xml beside the .xmi files"):
        import_annotations(fresh, folder / STEM / "gold.xmi")


def test_a_type_system_without_our_layers_names_them(folder, fresh):
    (folder / "TypeSystem.xml").write_text(
        '<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">'
        "<types/></typeSystemDescription>"
    )
    with pytest.raises(
        InputError, match="none of this project's layer types \\(speaker as webanno.custom.Speaker"
    ):
        import_annotations(fresh, folder)


def test_a_bad_annotation_id_names_the_file_and_the_element(folder, fresh):
    path = folder / STEM / "gold.xmi"
    path.write_text(re.sub('annotationId="[^"]+"', 'annotationId="x"', path.read_text(), count=1))
    with pytest.raises(InputError, match="gold.xmi: xmi:id \\d+ \\((speaker|claim)\\): annotation"):
        import_annotations(fresh, folder)
    assert fresh.annotators() == []


def test_one_annotators_xmi_with_another_name(folder, fresh, seed_id):
    result = import_annotations(fresh, folder / STEM / "amina.xmi", annotator="zeinab")
    assert result.added == 1
    (speaker,) = fresh.annotations(seed_id)
    assert (speaker.annotator, speaker.text, speaker.entity.name) == (
        "zeinab",
        "قاآني",
        "Esmail Qaani",
    )


def test_a_zip_like_inceptions_document_export_is_read(folder, fresh, tmp_path, seed_id):
    import zipfile

    archive = tmp_path / "doc.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(folder / "TypeSystem.xml", "TypeSystem.xml")
        z.write(folder / STEM / "amina.xmi", "amina.xmi")
    assert import_annotations(fresh, archive).added == 1


def test_a_cas_without_our_provenance_features_gets_stable_ids(folder, fresh, tmp_path):
    """A file INCEpTION wrote: its layers have only the features defined there."""
    source = (folder / STEM / "amina.xmi").read_text()
    stripped = re.sub(
        r' (annotationId|origin|created|modified|entityId|entityKind)="[^"]*"', "", source
    )
    (folder / STEM / "amina.xmi").write_text(stripped)
    (folder / STEM / "gold.xmi").unlink()
    first = import_annotations(fresh, folder)
    assert first.added == 1
    (speaker,) = fresh.annotations(fresh.documents()[0].id)
    assert (speaker.annotator, speaker.origin, speaker.entity.name) == (
        "amina",
        "imported",
        "Esmail Qaani",
    )
    assert import_annotations(fresh, folder).skipped == 1


def test_import_refuses_an_xmi_file_as_an_article(folder):
    from annotator.core.formats.articles import read_articles

    for path in (folder / STEM / "gold.xmi", folder / "TypeSystem.xml"):
        batch = read_articles([path])
        assert batch.files == []
        (problem,) = batch.problems
        assert problem.reason.startswith("UIMA CAS XMI: annotations, not articles; import")


def test_a_deleted_annotation_stays_deleted_when_the_folder_comes_again(folder, fresh, seed_id):
    import_annotations(fresh, folder)
    claim = next(a for a in fresh.annotations(seed_id) if a.layer == "claim")
    fresh.delete_annotation(claim.id)
    again = import_annotations(fresh, folder)
    assert (again.added, again.skipped) == (0, 31)
    assert fresh.deletion(claim.id) is not None
    assert claim.id not in {a.id for a in fresh.annotations(seed_id)}


def test_a_forced_export_replaces_an_earlier_export_and_leaves_no_stale_files(
    gold_project, seed_id, tmp_path, fresh
):
    out = tmp_path / "xmi"
    gold_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    xmi.export(gold_project, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="holds another XMI export .*amina.xmi.*use --force"):
        xmi.export(gold_project, out, annotators=["gold"], overwrite=False)
    xmi.export(gold_project, out, annotators=["gold"], overwrite=True)
    assert sorted(p.name for p in out.glob("*/*.xmi")) == ["INITIAL_CAS.xmi", "gold.xmi"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    import_annotations(fresh, out)
    assert fresh.annotators() == ["gold"]


SPEAKERS_ONLY = """version = 1

[[layers]]
name = "speaker"
label = "Speaker"
color = "#f4a259"
shortcut = "S"

  [[layers.attributes]]
  name = "role"
  type = "choice"
  values = ["person", "organisation"]
"""


def test_claims_a_speaker_only_project_lacks_are_refused_not_dropped(folder, tmp_path):
    with Project.create(tmp_path / "speakers.annotator", SPEAKERS_ONLY) as speakers:
        with pytest.raises(
            InputError,
            match=r"gold.xmi: spans of layers this project lacks \(\d+ of "
            r"webanno.custom.Claim; its layers: speaker\): nothing was imported",
        ):
            import_annotations(speakers, folder)
        assert speakers.documents() == []


def test_a_zip_made_without_the_utf8_flag_keeps_arabic_annotator_names(folder, fresh, tmp_path):
    import zipfile

    # An INCEpTION file names no annotator inside: the file name does.
    source = (folder / STEM / "amina.xmi").read_text(encoding="utf-8")
    element = re.search(r'<custom:AnnotatorName xmi:id="(\d+)"[^>]*/>', source)
    stripped = source.replace(element.group(), "")
    stripped = re.sub(rf'(members="[^"]*)\b{element.group(1)}\b ?', r"\1", stripped)
    name = "أمينة".encode()
    placeholder = b"x" * len(name)
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as z:  # ASCII names: no UTF-8 flag, as `zip` writes
        z.write(folder / "TypeSystem.xml", "TypeSystem.xml")
        z.writestr(placeholder.decode() + ".xmi", stripped)
    archive.write_bytes(archive.read_bytes().replace(placeholder, name))
    with zipfile.ZipFile(archive) as z:
        assert not any(info.flag_bits & 0x800 for info in z.infolist())
        assert "أمينة.xmi" not in z.namelist()  # what Python alone reads: code page 437
    assert import_annotations(fresh, archive).added == 1
    assert fresh.annotators() == ["أمينة"]


def test_macos_leftovers_in_a_folder_or_zip_are_skipped(folder, fresh, tmp_path):
    import zipfile

    (folder / STEM / "._amina.xmi").write_bytes(b"\x00\x05\x16\x07 Mac OS X")
    (folder / "__MACOSX" / STEM).mkdir(parents=True)
    (folder / "__MACOSX" / STEM / "._gold.xmi").write_bytes(b"\x00\x05\x16\x07")
    assert import_annotations(fresh, folder).added == 31
    archive = tmp_path / "mac.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in folder.rglob("*"):
            if path.is_file():
                z.write(path, path.relative_to(folder).as_posix())
    assert import_annotations(fresh, archive).skipped == 31


def test_an_offset_between_the_two_units_of_an_emoji_is_refused_naming_the_element(
    project, tmp_path, fresh
):
    text = "قال 😀 سمير"
    project.import_texts([TextSource(text=text, id="emoji")])
    project.add_annotation("emoji", "amina", "speaker", text.index("سمير"), len(text))
    xmi.export(project, tmp_path / "out")
    (path,) = (tmp_path / "out").glob("*/amina.xmi")
    source = path.read_text(encoding="utf-8")
    assert 'begin="7"' in source  # code point 6, after the emoji's two UTF-16 units
    edited = re.sub(r'(<custom:Speaker [^>]*)begin="7"', r'\1begin="5"', source)
    assert edited != source
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"amina.xmi: xmi:id \d+ \(Speaker\) offset 5 falls inside a character beyond "
        r"U\+FFFF",
    ):
        import_annotations(fresh, tmp_path / "out")
    assert fresh.documents() == []


def test_an_empty_xmi_file_is_named_without_a_line(folder, fresh):
    (folder / "empty.xmi").write_bytes(b"")
    with pytest.raises(InputError) as caught:
        import_annotations(fresh, folder)
    assert str(caught.value) == f"{folder / 'empty.xmi'}: an empty file, not UIMA CAS XMI"


def test_a_link_to_a_missing_element_is_named(folder, fresh):
    path = folder / STEM / "gold.xmi"
    source = path.read_text(encoding="utf-8")
    broken = re.sub(r' speaker="\d+"', ' speaker="99999"', source, count=1)
    assert broken != source
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match="a reference to xmi:id 99999, which is not in the file"):
        import_annotations(fresh, folder)


def test_folders_without_a_type_system_or_without_annotation_files_say_what_is_needed(
    folder, fresh, tmp_path
):
    (folder / "TypeSystem.xml").unlink()
    with pytest.raises(InputError, match=r"xmi: no TypeSystem.xml beside the .xmi files"):
        import_annotations(fresh, folder)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"empty: no annotation files in this folder: brat"):
        import_annotations(fresh, tmp_path / "empty")


def test_adjudicated_gold_keeps_its_sources_through_xmi(project, tmp_path, fresh):
    text = "قال الوزير سمير إن المدرسة ستفتح."
    project.import_texts([TextSource(text=text, id="school")])
    amina = project.add_annotation("school", "amina", "speaker", 4, 15)
    omar = project.add_annotation("school", "omar", "speaker", 4, 10)
    gold = project.add_annotation(
        "school", "gold", "speaker", 4, 15, origin="adjudicated", sources=[amina.id, omar.id]
    )
    xmi.export(project, tmp_path / "out")
    assert import_annotations(fresh, tmp_path / "out").added == 3
    assert fresh.annotation(gold.id).sources == (amina.id, omar.id)
    assert fresh.annotation(amina.id).sources == ()


def test_an_export_holds_one_cas_at_a_time_whatever_the_number_of_documents(tmp_path, monkeypatch):
    """Memory is bounded by the largest document: when each CAS is made, none made before it
    is still alive (counted, not timed)."""
    import gc
    import weakref

    with Project.create(tmp_path / "three.annotator") as project:
        project.import_texts(
            [TextSource(text=f"{STEM} {n}", id=f"doc-{n}", title=f"doc {n}") for n in range(3)]
        )
        for n in range(3):
            for name in ("amina", "badr"):
                project.add_annotation(f"doc-{n}", name, "speaker", 0, 5)
        live: weakref.WeakSet = weakref.WeakSet()
        alive_before: list[int] = []

        class CountedCas(cassis.Cas):
            def __init__(self, *args, **kwargs):
                gc.collect()
                alive_before.append(len(live))
                super().__init__(*args, **kwargs)
                live.add(self)

        monkeypatch.setattr(cassis, "Cas", CountedCas)
        result = xmi.export(project, tmp_path / "out")
    assert len(alive_before) == 3 * 3  # INITIAL_CAS and one per annotator, per document
    assert max(alive_before) == 0
    assert result.rows == 6


def test_a_failed_export_leaves_no_file_and_no_folder_it_made(gold_project, tmp_path):
    """The first document's files are made before the second fails: none stays."""
    gold_project.import_texts([TextSource(text="سطر\x0bسطر", id="later")])
    out = tmp_path / "new" / "xmi"
    with pytest.raises(ExportError, match="'later' holds U\\+000B"):
        xmi.export(gold_project, out)
    assert not (tmp_path / "new").exists()
