"""`annotator merge` of a colleague's project while their window keeps tagging in it (another
process, one transaction per tag, SQLite checkpointing often): every merge either refuses
cleanly, naming their file, or stores exactly what it reports; `annotator check` passes."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

from annotator.core.store.project import Project, TextSource
from tests.cli.conftest import ROOT

ROUNDS = 6  # merges while they write (each about a second)

# Invented reports: names and places made up for this test.
SENTENCES = (
    "قال المتحدث باسم البلدية سالم الفرا إن أعمال الصيانة ستنتهي قبل الشتاء المقبل",
    "وأضافت الوزيرة ليلى الحداد أن الاتفاق مع النقابة يشمل المعلمين في القرى البعيدة",
    "وأكد رئيس اللجنة نادر العسلي أن التقرير النهائي سيصدر خلال أسبوعين من الآن",
)


def writer_code(path):
    """Their window: tags one word after another as a speaker, each tag its own transaction,
    with automatic checkpoints every few pages (so they run while we copy)."""
    return f"""
from annotator.core.store.project import Project
p = Project.open({str(path)!r})
p.conn.execute("PRAGMA wal_autocheckpoint = 5")
docs = [(d.id, p.text(d.id)) for d in p.documents()]
print("ready", flush=True)
for n in range(100000):
    doc, text = docs[n % len(docs)]
    words = [i for i, ch in enumerate(text) if ch == " "]
    k = n // len(docs)
    if k + 1 >= len(words):
        break
    p.add_annotation(doc, "omar", "speaker", words[k] + 1, words[k + 1],
                     attributes={{"role": "person"}})
p.close()
"""


def count(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    finally:
        conn.close()


def spans(path):
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute('SELECT id, document_id, start, "end", text FROM annotations'))
    finally:
        conn.close()


def test_merging_their_file_while_they_tag_stores_what_it_reports(run, tmp_path):
    theirs, base = tmp_path / "omar.annotator", tmp_path / "base.annotator"
    with Project.create(theirs) as project:
        project.import_texts(
            [
                TextSource(
                    text=f"التقرير {n}: " + " ".join(SENTENCES[(n + k) % 3] for k in range(30)),
                    source=f"{n}.txt",
                )
                for n in range(40)
            ]
        )
        # Huda's earlier work: thousands of rows, so their file's pages are many and copying
        # it takes long enough for their checkpoints to run meanwhile.
        with project.atomic():
            for document in project.documents():
                text = project.text(document.id)
                words = [i for i, ch in enumerate(text) if ch == " "]
                for k in range(0, len(words) - 1, 4):
                    project.add_annotation(
                        document.id,
                        "huda",
                        "speaker",
                        words[k] + 1,
                        words[k + 1],
                        attributes={"role": "person"},
                    )
    shutil.copyfile(theirs, base)
    before = count(base)
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", writer_code(theirs)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    outcomes = []
    try:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        for n in range(ROUNDS):
            ours = tmp_path / f"ours{n}.annotator"
            shutil.copyfile(base, ours)
            result = run("merge", "--project", ours, theirs)
            checked = run("check", "--project", ours)
            assert checked.returncode == 0, checked.stdout + checked.stderr
            stored = count(ours)
            if result.returncode == 0:
                added = re.search(r"(\d+) annotation\(s\) added", result.stdout)
                assert added, result.stdout
                assert int(added.group(1)) == stored - before, result.stdout
                outcomes.append(stored - before)
            else:
                # A clean refusal: their file named, ours untouched, no SQLite words.
                assert str(theirs) in result.stderr, result.stderr
                assert "cannot be read" in result.stderr or "nothing was merged" in result.stderr
                assert "constraint failed" not in result.stderr
                assert "look for damage" not in result.stderr
                assert stored == before
                outcomes.append(None)
            ours_spans = spans(ours)
            # What was stored is their work as they wrote it (checked once they stopped).
            outcomes[-1] = (outcomes[-1], ours_spans)
        # They were still tagging when the last merge ended.
        assert writer.poll() is None, writer.stderr.read()
    finally:
        writer.terminate()
        writer.wait(timeout=60)
    final = spans(theirs)
    for _, stored_spans in outcomes:
        assert stored_spans <= final
    assert any(n for n, _ in outcomes), "no merge saw their work"
