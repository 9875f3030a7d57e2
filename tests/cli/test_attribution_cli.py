"""An attribution project from the command line: `init --schema attribution`, brat events out
and in again."""

from annotator.core.store.project import Project, TextSource

TEXT = "قال الوزير سامر الحداد إن الحكومة ستفتح المعبر غدًا."


def test_init_with_the_attribution_schema_gives_a_cue_layer(run, tmp_path):
    result = run("init", "study.annotator", "--schema", "attribution")
    assert result.returncode == 0, result.stderr
    with Project.open(tmp_path / "study.annotator") as project:
        assert project.schema.layer_names == ("speaker", "claim", "cue")
        assert project.schema.layer("cue").attribute("claim").layer == "claim"


def test_init_still_takes_a_schema_file(run, tmp_path):
    (tmp_path / "mine.toml").write_text(
        '[[layers]]\nname = "source"\ncolor = "#112233"\nshortcut = "O"\n', encoding="utf-8"
    )
    assert run("init", "study.annotator", "--schema", "mine.toml").returncode == 0
    with Project.open(tmp_path / "study.annotator") as project:
        assert project.schema.layer_names == ("source",)


def test_an_unknown_schema_name_is_one_error_line_naming_it(run, tmp_path):
    result = run("init", "study.annotator", "--schema", "atribution")
    assert result.returncode != 0
    assert result.stderr.startswith("annotator: error: cannot read schema file atribution")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "study.annotator").exists()


def test_brat_events_go_out_and_come_back_through_the_command_line(run, tmp_path):
    assert run("init", "study.annotator", "--schema", "attribution").returncode == 0
    with Project.open(tmp_path / "study.annotator") as project:
        project.import_texts([TextSource(text=TEXT, id="doc", title="statement")])
        speaker = project.add_annotation("doc", "amina", "speaker", 4, 22)
        claim = project.add_annotation("doc", "amina", "claim", 26, 51, link_id=speaker.id)
        project.add_annotation("doc", "amina", "cue", 0, 3, link_id=claim.id)
    result = run("export", "-p", "study.annotator", "--format", "brat", "--out", "brat")
    assert result.returncode == 0, result.stderr
    ann = (tmp_path / "brat" / "statement.ann").read_text(encoding="utf-8")
    assert "E1\tAttribution:T1 Source:T2 Content:T3\n" in ann
    assert run("init", "other.annotator", "--schema", "attribution").returncode == 0
    result = run("import-annotations", "-p", "other.annotator", "brat")
    assert result.returncode == 0, result.stderr
    with Project.open(tmp_path / "other.annotator") as other:
        (doc,) = other.documents()
        layers = {a.layer: a for a in other.annotations(doc.id)}
        assert layers["cue"].link_id == layers["claim"].id
        assert layers["claim"].link_id == layers["speaker"].id
