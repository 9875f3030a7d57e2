"""Creating, reopening, refusing and migrating the SQLite project file."""

import hashlib
import sqlite3

import pytest

from annotator.core.arabic.text import text_sha256
from annotator.core.errors import NewerProjectError, NotAProjectError, ProjectError, SchemaError
from annotator.core.formats import txt
from annotator.core.schema import default_schema_text
from annotator.core.store import migrations
from annotator.core.store.project import Project


def sha256_of(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def assert_refused_untouched(path, error):
    before = sha256_of(path)
    with pytest.raises(error):
        Project.open(path)
    assert sha256_of(path) == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not path.with_name(path.name + "-shm").exists()


def test_a_project_reopens_with_its_articles_and_annotations(tmp_path, seed_article, seed_id):
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seed_article]))
        tagged = project.add_annotation(seed_id, "amina", "speaker", 0, 5, entity="Esmail Qaani")
    with Project.open(path) as project:
        assert [d.id for d in project.documents()] == [seed_id]
        assert project.annotation(tagged.id) == tagged


def test_a_new_project_is_marked_as_an_annotator_project_of_the_current_format(project):
    assert pragma(project.path, "application_id") == migrations.APPLICATION_ID
    assert pragma(project.path, "user_version") == migrations.CURRENT_VERSION


def test_an_open_project_writes_ahead_to_a_log(project):
    assert pragma(project.path, "journal_mode") == "wal"


def test_an_open_project_enforces_foreign_keys(project):
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        project.conn.execute(
            "INSERT INTO document_status VALUES ('no-such-document', 1, 'done', 'now')"
        )


def test_a_new_project_stores_the_default_schema(project):
    assert project.schema.source == default_schema_text()


def test_create_refuses_an_existing_path(tmp_path):
    path = tmp_path / "notes.annotator"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    assert path.read_text(encoding="utf-8") == "my notes"


def test_create_refuses_a_bad_schema_before_making_a_file(tmp_path):
    path = tmp_path / "study.annotator"
    with pytest.raises(SchemaError, match="not valid TOML"):
        Project.create(path, schema_text="[[layers")
    assert list(tmp_path.iterdir()) == []


def test_opening_a_missing_file_says_how_to_create_it(tmp_path):
    with pytest.raises(ProjectError, match="annotator init"):
        Project.open(tmp_path / "missing.annotator")


def test_a_text_file_is_not_a_project_and_is_left_untouched(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("قال الوزير إن الحكومة ستعمل\n" * 20, encoding="utf-8")
    assert_refused_untouched(path, NotAProjectError)


def test_an_empty_file_is_not_a_project_and_is_left_untouched(tmp_path):
    path = tmp_path / "empty.annotator"
    path.write_bytes(b"")
    assert_refused_untouched(path, NotAProjectError)


def test_an_sqlite_file_of_another_application_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, NotAProjectError)


def test_a_project_from_a_newer_version_is_refused_and_left_untouched(project):
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerProjectError, match="newer version"):
        Project.open(path)
    assert_refused_untouched(path, NewerProjectError)


def test_a_folder_is_not_a_project(tmp_path):
    with pytest.raises(NotAProjectError, match="is a folder"):
        Project.open(tmp_path)


# The one annotation of `build_version_1_project` (the first release made UUIDs and UTC times).
V1_SPEAKER = "6f1d8a52-4a0b-4c1e-9a57-0d6f2b8f3c11"
V1_TIME = "2024-05-01T09:00:00+00:00"


def build_version_1_project(path):
    """A project file as the first release wrote it, with one tagged speaker."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, to_version=1)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('label_schema', ?), ('created_at', '2024-05-01')",
        (default_schema_text(),),
    )
    text = "قال الوزير إن الحكومة ستعمل"
    conn.execute(
        "INSERT INTO documents (id, title, text, sha256, source, imported_at) "
        "VALUES ('gaza-1', 'خبر', ?, ?, 'gaza-1.txt', '2024-05-01')",
        (text, text_sha256(text)),
    )
    conn.execute("INSERT INTO annotators (id, name, created_at) VALUES (1, 'amina', '2024-05-01')")
    conn.execute(
        'INSERT INTO annotations (id, document_id, annotator_id, layer, start, "end", text, '
        "attributes, origin, created_at, modified_at) VALUES (?, 'gaza-1', 1, 'speaker', "
        "4, 10, 'الوزير', '{\"role\": \"government\"}', 'manual', ?, ?)",
        (V1_SPEAKER, V1_TIME, V1_TIME),
    )
    conn.close()


def test_a_version_1_project_is_migrated_to_the_current_version(tmp_path):
    path = tmp_path / "old.annotator"
    build_version_1_project(path)
    Project.open(path).close()
    assert pragma(path, "user_version") == migrations.CURRENT_VERSION


def test_a_migrated_project_keeps_its_annotations(tmp_path):
    path = tmp_path / "old.annotator"
    build_version_1_project(path)
    with Project.open(path) as project:
        (speaker,) = project.annotations("gaza-1")
        assert (speaker.annotator, speaker.layer, speaker.text) == ("amina", "speaker", "الوزير")
        assert speaker.attributes == {"role": "government"}
        assert project.verify() == []


def test_a_migrated_project_takes_comments(tmp_path):
    path = tmp_path / "old.annotator"
    build_version_1_project(path)
    with Project.open(path) as project:
        project.add_comment("gaza-1", "amina", "الوزير هنا متحدث رسمي", annotation_id=V1_SPEAKER)
        (comment,) = project.comments("gaza-1")
    assert (comment["annotation_id"], comment["text"]) == (V1_SPEAKER, "الوزير هنا متحدث رسمي")


def test_a_backup_of_the_old_version_is_made_beside_it_before_migrating(tmp_path):
    path = tmp_path / "old.annotator"
    build_version_1_project(path)
    Project.open(path).close()
    (backup,) = (tmp_path / "old.annotator.backups").glob("*.annotator")
    assert "-before-v" in backup.name
    assert pragma(backup, "user_version") == 1
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT text FROM annotations").fetchall() == [("الوزير",)]
    conn.close()


def test_reopening_a_current_project_makes_no_backup(project):
    path = project.path
    project.close()
    Project.open(path).close()
    assert not path.with_name(path.name + ".backups").exists()
