"""`annotator export --format csv` writes the same bytes as it did before it was made faster:
byte order mark, quoting, line endings, column order and digits, on cells holding Arabic,
quotes, commas, line breaks (LF and CR LF), emoji and formula starts."""

from pathlib import Path

import pytest

from annotator.core.store.project import Project, TextSource

# Written by `annotator export --format csv` before its start-up was made lighter (commit
# 520a499), from the project `composed` builds.
EXPECTED = Path(__file__).with_name("data") / "composed_export.csv"

TITLE = 'بيان "الاتحاد"، الجزء ١, 2024'
TEXT = (
    'قال الناطق باسم "اتحاد المزارعين" سامر الحلبي, إن الموسم "جيد"،\r\n'
    "وأضاف: لن نقبل بأقل من ٣٠٪ 🌾👍🏽 من الحصة.\n"
    "=SUM(A1) ليست صيغة، بل نص من المقال."
)


@pytest.fixture
def composed(tmp_path: Path) -> Path:
    """A project whose cells carry every character a CSV writer may treat specially."""
    path = tmp_path / "composed.annotator"
    with Project.create(path) as project:
        project.import_texts([TextSource(TEXT, title=TITLE, id="بيان-١")])
        speaker_start = TEXT.index("سامر")
        speaker = project.add_annotation(
            "بيان-١",
            "نادية",
            "speaker",
            speaker_start,
            speaker_start + len("سامر الحلبي"),
            entity='سامر "أبو علي" الحلبي, الناطق',
            attributes={"role": "person"},
            id="a1",
        )
        claim_start = TEXT.index("إن")
        claim_end = TEXT.index("من الحصة") + len("من الحصة")
        project.add_annotation(
            "بيان-١",
            "نادية",
            "claim",
            claim_start,
            claim_end,
            link_id=speaker.id,
            attributes={"kind": "direct", "cue": 'قال، "وأضاف"\r\nسطر, ثانٍ 🌾\n-1'},
            stances=[('الحصة, "٣٠٪"\r\nالجديدة', "favor"), ("+الموسم 👍🏽", "against")],
            id="a2",
        )
        formula_start = TEXT.index("=SUM")
        project.add_annotation(
            "بيان-١",
            "Ben O'Neil",
            "claim",
            formula_start,
            formula_start + len("=SUM(A1)"),
            attributes={"cue": "@بل"},
            id="a3",
        )
        # Fixed times, so the file is the same whenever it is made.
        project.conn.execute(
            "UPDATE annotations SET created_at = '2024-05-01T12:00:00+00:00', "
            "modified_at = '2024-05-02T08:30:00+00:00'"
        )
    return path


def test_the_csv_export_writes_the_bytes_it_wrote_before(run, composed, tmp_path):
    result = run("export", "--project", composed, "--format", "csv", "--out", "table.csv")
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "table.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert written == EXPECTED.read_bytes()
