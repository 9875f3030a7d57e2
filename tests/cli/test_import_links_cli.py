"""`annotator import` of a folder holding a symbolic link to a private file."""

from annotator.core.store.project import Project


def test_a_linked_private_file_is_reported_and_not_imported(run, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "news.txt").write_text("قال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(tmp_path / "passwd")
    assert run("init", "study.annotator").returncode == 0
    done = run("import", "--project", "study.annotator", folder)
    assert done.returncode == 0, done.stderr
    assert f"ignored {folder / 'passwd.txt'}: a symbolic link" in done.stdout
    assert "imported 1 article(s)" in done.stdout
    with Project.open(tmp_path / "study.annotator") as project:
        assert [d.id for d in project.documents()] == ["news"]
