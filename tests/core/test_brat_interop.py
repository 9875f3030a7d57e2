"""Our brat export read by other brat tools: bratiaa (agreement, one folder per annotator) and a
strict reader of the standoff format written from its description (tests/core/standoff.py)."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.formats import brat, import_annotations
from annotator.core.review.agreement import compare
from annotator.core.store.project import Project

from .random_projects import annotated_texts, build, described
from .standoff import StandoffError, parse, parse_folder, read_config

STEM = "قاآني في اتصال مع هنية والنخالة سيف القدس جعلت فلسطين أمام منعطف"


@pytest.fixture
def two_annotators(gold_project, seed_id):
    """The sample's gold annotation and amina's: a quarter left out, some ends a letter short."""
    for n, a in enumerate(gold_project.annotations(seed_id)):
        if n % 4 == 3:
            continue
        end = a.end - 1 if n % 5 == 2 else a.end
        gold_project.add_annotation(seed_id, "amina", a.layer, a.start, end)
    return gold_project


@pytest.fixture
def fresh(tmp_path):
    with Project.create(tmp_path / "fresh.annotator") as project:
        yield project


def test_per_annotator_gives_one_folder_each_and_the_configuration_at_the_top(
    two_annotators, seed_id, tmp_path
):
    out = tmp_path / "b"
    result = brat.export(two_annotators, out, per_annotator=True)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [
        f"amina/{STEM}.ann",
        f"amina/{STEM}.txt",
        "annotation.conf",
        f"gold/{STEM}.ann",
        f"gold/{STEM}.txt",
        "visual.conf",
    ]
    amina = len(two_annotators.annotations(seed_id, annotator="amina"))
    assert result.rows == 30 + amina
    for name, count in (("gold", 30), ("amina", amina)):
        lines = (out / name / f"{STEM}.ann").read_text(encoding="utf-8").splitlines()
        assert sum(line.startswith("T") for line in lines) == count
        assert all(f"annotator: {name} |" in x for x in lines if "\tProvenance " in x)


def test_an_annotator_gets_only_the_documents_they_worked_on(gold_project, tmp_path):
    from annotator.core.store.project import TextSource

    (other,) = gold_project.import_texts([TextSource("قال الوزير إن", id="other")]).added
    gold_project.add_annotation(other, "amina", "speaker", 4, 10)
    brat.export(gold_project, tmp_path / "b", per_annotator=True)
    assert [p.name for p in (tmp_path / "b" / "amina").iterdir() if p.suffix == ".ann"] == [
        "قال الوزير إن.ann"  # named after the title, here the first words of the text
    ]
    assert len(list((tmp_path / "b" / "gold").glob("*.ann"))) == 1


def test_bratiaa_finds_the_agreement_we_find(two_annotators):
    """bratiaa's instance-based F1 per label (exact spans, pooled over documents) is our exact
    span F1 per layer between the two annotators."""
    bratiaa = pytest.importorskip("bratiaa")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "b"
        brat.export(two_annotators, out, per_annotator=True)
        theirs = bratiaa.compute_f1_agreement(str(out))
        mean, _ = theirs.mean_sd_per_label()
        by_label = dict(zip(theirs.labels, mean, strict=True))
    ours = compare(two_annotators, annotators=["amina", "gold"])
    for layer in ("speaker", "claim"):
        (pair,) = ours.layer(layer).pairs
        assert 0 < pair.exact.f1 < 1
        assert by_label[layer] == pytest.approx(pair.exact.f1, abs=1e-12), layer
    assert sorted(theirs.annotators) == ["amina", "gold"]


def test_a_per_annotator_folder_imports_back_exactly(two_annotators, fresh, seed_id, tmp_path):
    brat.export(two_annotators, tmp_path / "b", per_annotator=True)
    result = import_annotations(fresh, tmp_path / "b")
    (doc_id,) = result.documents_added
    assert described(fresh, doc_id, entity_details=False) == described(
        two_annotators, seed_id, entity_details=False
    )


def test_without_provenance_the_subfolder_names_the_annotator(fresh, tmp_path):
    root = tmp_path / "b"
    for name, span in (("amina", "T1\tspeaker 4 10\tالوزير"), ("omar", "T1\tspeaker 0 3\tقال")):
        (root / name).mkdir(parents=True)
        (root / name / "a.txt").write_text("قال الوزير إن", encoding="utf-8")
        (root / name / "a.ann").write_text(span + "\n", encoding="utf-8")
    (root / "annotation.conf").write_text("[entities]\nspeaker\nclaim\n", encoding="utf-8")
    import_annotations(fresh, root)
    (doc,) = fresh.documents()
    assert {(a.annotator, a.text) for a in fresh.annotations(doc.id)} == {
        ("amina", "الوزير"),
        ("omar", "قال"),
    }


@pytest.mark.parametrize("per_annotator", [False, True])
@pytest.mark.parametrize("entities_as", brat.ENTITIES_AS)
def test_the_strict_reader_accepts_every_layout(
    two_annotators, tmp_path, per_annotator, entities_as
):
    out = tmp_path / "b"
    brat.export(two_annotators, out, per_annotator=per_annotator, entities_as=entities_as)
    parsed = parse_folder(out)
    assert sum(len(x) for x in parsed.values()) > 60
    kinds = {a[0] for x in parsed.values() for a in x.values()}
    assert ("N" in kinds) == (entities_as == "normalization")


def test_the_strict_reader_refuses_what_the_format_does_not_allow(tmp_path):
    """The reader above can fail: each line breaks one rule of the description."""
    (tmp_path / "a.txt").write_text("قال الوزير", encoding="utf-8")
    (tmp_path / "annotation.conf").write_text(
        "[entities]\nspeaker\n[relations]\n[events]\n[attributes]\nrole\tArg:speaker, Value:x|y\n",
        encoding="utf-8",
    )
    config = read_config(tmp_path / "annotation.conf")
    bad = [
        "T1\tspeaker 4 10\tالوزي",  # text differs from the .txt
        "T1\tspeaker 4 11\tالوزير",  # past the end
        "T1\tperson 4 10\tالوزير",  # undeclared type
        "T1\tspeaker 4 10\tالوزير\nT1\tspeaker 0 3\tقال",  # id twice
        "T1\tspeaker 4 10\tالوزير\nA1\trole T1 z",  # undeclared value
        "T1\tspeaker 4 10\tالوزير\n#1\tAnnotatorNotes T9\tx",  # unknown target
        "T1\tspeaker 4 10\tالوزير\nN1\tReference T1 x\tname",  # no DB:ID
        "X1\tspeaker 4 10\tالوزير",  # unknown kind of line
    ]
    for lines in bad:
        (tmp_path / "a.ann").write_text(lines + "\n", encoding="utf-8")
        with pytest.raises(StandoffError):
            parse(tmp_path / "a.ann", tmp_path / "a.txt", config)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_the_strict_reader_accepts_the_export_of_any_project(case):
    """Texts with every line break, tabs, emoji and separators; spans over line breaks."""
    text, plans = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "p.annotator", text, plans) as project:
            stored = len(project.annotations("doc"))
            brat.export(project, folder / "b")
            brat.export(project, folder / "per", per_annotator=True)
        for out in (folder / "b", folder / "per"):
            parsed = parse_folder(out)
            spans = [a for x in parsed.values() for a in x.values() if a[0] == "T"]
            assert len(spans) == stored
