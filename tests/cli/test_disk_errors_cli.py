"""The command line on a full disk: the product's own message, naming the disk, exit code 1."""

import pytest

from annotator.core.formats import jsonl, txt
from annotator.core.store.project import Project, TextSource
from tests.core.test_disk_errors import SEED, fill, small_disk


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk") as folder:
        yield folder


def project_at(path):
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([SEED]))
    return path


def test_an_export_from_a_project_on_a_full_disk_names_the_full_disk(run, disk, tmp_path):
    project = project_at(disk / "study.annotator")
    fill(disk)
    done = run("export", "--project", project, "--format", "csv", "-o", tmp_path / "out.csv")
    assert done.returncode == 1
    assert done.stderr == (
        f"annotator: error: {project} cannot be opened: the disk holding it is full (a project "
        "needs room for its log beside it); free some space and try again\n"
    )
    assert "disk I/O error" not in done.stderr
    assert not (tmp_path / "out.csv").exists()


def test_an_export_onto_a_full_disk_names_it_and_leaves_nothing(run, disk, tmp_path):
    project = project_at(tmp_path / "study.annotator")
    fill(disk)
    done = run("export", "--project", project, "--format", "csv", "-o", disk / "out.csv")
    assert done.returncode == 1
    assert f"the disk holding {disk} is full; out.csv was not written" in done.stderr
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_an_import_onto_a_full_disk_names_it_and_stores_nothing(run, disk, tmp_path):
    project = project_at(disk / "study.annotator")
    with Project.open(project):  # keeps the log beside it, as an open window does
        article = tmp_path / "long.txt"
        article.write_text("قال المتحدث إن الاجتماع انتهى. " * 20000, encoding="utf-8")
        fill(disk)
        done = run("import", "--project", project, article)
    assert done.returncode == 1
    assert f"the disk holding {project} is full; nothing was changed" in done.stderr
    (disk / "filler").unlink()
    with Project.open(project) as opened:
        assert len(opened.documents()) == 1


@pytest.mark.parametrize("fmt", ["csv", "claims", "brat"])
def test_an_export_cut_short_by_a_full_disk_says_one_line_and_leaves_nothing(
    run, disk, tmp_path, fmt
):
    project = tmp_path / "study.annotator"
    text = SEED.read_text(encoding="utf-8")
    with Project.create(project) as opened:
        opened.import_texts(txt.read_articles([SEED]))
        opened.import_texts([TextSource(text=f"{text}\n{n}", id=f"copy-{n}") for n in range(30)])
        jsonl.import_annotations(opened, SEED.with_suffix(".gold.jsonl"), "amal")
    filler = fill(disk)
    if fmt == "brat":  # room for a few of its files, not for all of them
        with open(filler, "r+b") as handle:
            handle.truncate(filler.stat().st_size - 64 * 1024)
    out = disk / ("brat" if fmt == "brat" else "out.csv")
    done = run("export", "--project", project, "--format", fmt, "-o", out)
    assert done.returncode == 1
    assert done.stderr.startswith(f"annotator: error: the disk holding {disk}")
    assert "is full" in done.stderr
    assert done.stderr.count("\n") == 1  # one line: no traceback after it
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    filler.unlink()
    again = run("export", "--project", project, "--format", fmt, "-o", out)
    assert again.returncode == 0, again.stderr
