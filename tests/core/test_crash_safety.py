"""Crash safety for real: the tool is killed with SIGKILL at random moments while it imports a
large batch of articles, merges a colleague's project, or stores a stream of edits, and after
every kill the project must be whole.

After each kill: SQLite's integrity check passes, `Project.verify()` finds nothing (every
annotation's text is its document's slice, links and values fit the schema, every text matches
its SHA-256), the batch, the merge or the edit is there entirely or not at all (and not at all
when the kill came inside its transaction, before COMMIT started), and the interrupted command,
run again, finishes with everything there once. At the end `annotator check` passes.

Half of the kills come at a random moment of the run, half at a random moment inside the
transaction (for the edits: inside a random edit), timed by the marks crash_driver.py writes;
the marks also tell where each kill landed. Each test runs ANNOTATOR_SOAK_ROUNDS rounds
(default 6); with `-s` the tallies are printed, and ANNOTATOR_SOAK_SEED repeats a run's kill
moments and edits. Release soak:

    ANNOTATOR_SOAK_ROUNDS=200 python -m pytest -q -s tests/core/test_crash_safety.py
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.core.formats import txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project, TextSource

from . import crash_driver

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

ROUNDS = int(os.environ.get("ANNOTATOR_SOAK_ROUNDS", "6"))
DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = Path(__file__).resolve().parents[2]
BATCH = 2000  # articles in the imported batch
THEIR_DOCUMENTS = 150  # documents only the colleague has
THEIR_ANNOTATIONS = 1200
EDITS = 600
SEED = int(os.environ.get("ANNOTATOR_SOAK_SEED") or random.randrange(2**32))
RANDOM = random.Random(SEED)
WORDS = "قال الوزير إن الحكومة ستعمل على تنفيذ الخطة في غزة والضفة خلال الأشهر المقبلة".split()

TALLIES: dict[str, Counter] = {}


def article(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randrange(150, 300))) + f" ({n})"


# ----------------------------------------------------------------------------- the material


@pytest.fixture(scope="module")
def material(tmp_path_factory):
    """The researcher's project, a batch of articles to import and a colleague's project."""
    root = tmp_path_factory.mktemp("crash")
    rnd = random.Random(11)
    base = root / "base.annotator"
    with Project.create(base) as project:
        project.import_texts(txt.read_articles(sorted(seeds_dir().glob("*.txt"))))
        project.import_texts(
            TextSource(text=article(rnd, n), source=f"old-{n}.txt") for n in range(300)
        )
        project.add_annotation(project.documents()[0].id, "amina", "speaker", 0, 5)
    batch = root / "batch"
    batch.mkdir()
    with open(batch / "news.jsonl", "w", encoding="utf-8") as out:
        for n in range(BATCH * 3 // 4):
            record = {"id": f"json-{n}", "title": f"خبر {n}", "text": article(rnd, n)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(batch / "news.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "text"])
        writer.writerows(
            [f"csv-{n}", f"تقرير {n}", article(rnd, n)] for n in range(BATCH - BATCH * 3 // 4)
        )
    theirs = root / "theirs.annotator"
    shutil.copyfile(base, theirs)
    with Project.open(theirs) as project, project.atomic():
        project.import_texts(
            TextSource(text=article(rnd, n), source=f"theirs-{n}.txt")
            for n in range(THEIR_DOCUMENTS)
        )
        documents = [d.id for d in project.documents()]
        for n in range(THEIR_ANNOTATIONS // 2):
            doc = documents[n % len(documents)]
            start = (n // len(documents)) * 30
            speaker = project.add_annotation(
                doc,
                "colleague",
                "speaker",
                start,
                start + 8,
                attributes={"role": "government"},
                entity=f"المتحدث {n % 40}",
            )
            project.add_annotation(
                doc,
                "colleague",
                "claim",
                start + 10,
                start + 25,
                attributes={"kind": "indirect", "cue": "قال"},
                link_id=speaker.id,
                stances=[("الحكومة", "favor"), ("Israel", "against")],
            )
            if n % 10 == 0:
                project.add_comment(doc, "colleague", "تحقق من المتحدث", speaker.id)
                project.set_status(doc, "colleague", "in_progress")
    for project_file in (base, theirs):
        with Project.open(project_file) as project:
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "root": root,
        "base": base,
        "batch": batch,
        "theirs": theirs,
        "theirs_sha256": hashlib.sha256(theirs.read_bytes()).hexdigest(),
    }


@pytest.fixture(scope="module", autouse=True)
def report():
    print(f"\ncrash safety: ANNOTATOR_SOAK_SEED={SEED} repeats these kill moments and edits")
    yield
    for name, tally in TALLIES.items():
        shown = ", ".join(f"{key} {count}" for key, count in sorted(tally.items()))
        print(f"\ncrash safety, {name}: {shown}")


# ----------------------------------------------------------------------------- running and killing


@dataclass
class Run:
    marks: list[tuple[str, float]]  # ("B", time), ("C", time), ("D 12", time) ...
    finished: bool  # the process ended by itself, before any kill
    started: float  # time.monotonic() at the start
    seconds: float

    def stamps(self, mark: str) -> list[float]:
        return [stamp for m, stamp in self.marks if m.split()[0] == mark]

    def per_edit(self) -> float:
        done = self.stamps("D")
        gaps = sorted(b - a for a, b in zip(done, done[1:], strict=False))
        return gaps[len(gaps) // 2]

    @property
    def last_transaction_mark(self) -> str | None:
        found = [m for m, _ in self.marks if m in ("B", "C", "R")]
        return found[-1] if found else None

    def where(self) -> str:
        """Where the kill landed, from the last marks the process wrote."""
        if self.finished:
            return "finished before the kill"
        last = self.last_transaction_mark
        if last is None:
            return "killed before its first transaction"
        if last == "B":
            return "killed inside a transaction"
        if last == "C" and self.marks[-1][0] == "C":
            return "killed during a commit"
        return "killed between transactions"


def _read_marks(path: Path) -> list[tuple[str, float]]:
    if not path.exists():
        return []
    marks = []
    # Only whole lines: the process may be writing the last one while it is read.
    for line in path.read_text().split("\n")[:-1]:
        mark, _, stamp = line.rpartition(" ")
        marks.append((mark, float(stamp)))
    return marks


def run(folder: Path, args: list[str], kill=None) -> Run:
    """Run the driver in `folder`; `kill(started, marks)` returns the moment to kill it at (None:
    not known yet), as time.monotonic()."""
    marks_path = folder / "marks"
    marks_path.unlink(missing_ok=True)
    env = {**os.environ, "ANNOTATOR_CRASH_MARKS": str(marks_path)}
    # The driver imports the checkout under test, not whichever one is installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    errors = folder / "stderr"
    with open(errors, "wb") as stderr:
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, str(DRIVER), *args],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        deadline = None
        while child.poll() is None and kill is not None:
            if deadline is None:
                deadline = kill(started, _read_marks(marks_path))
            if deadline is not None and time.monotonic() >= deadline:
                child.send_signal(signal.SIGKILL)
                break
            time.sleep(0.0005)
        code = child.wait(timeout=120)
    finished = code != -signal.SIGKILL
    if finished and code not in (0, 2):
        pytest.fail(f"{' '.join(args)} failed ({code}): {errors.read_text()}")
    return Run(_read_marks(marks_path), finished, started, time.monotonic() - started)


def kill_at(offset: float):
    """Kill `offset` seconds after the start."""
    return lambda started, marks: started + offset


def kill_after(mark: str, nth: int, delay: float):
    """Kill `delay` seconds after the process wrote `mark` for the `nth` time (from 1)."""

    def moment(started, marks):
        stamps = [stamp for m, stamp in marks if m.split()[0] == mark]
        return stamps[nth - 1] + delay if len(stamps) >= nth else None

    return moment


def killer(round_: int, latest: Run):
    """Even rounds: a random moment of the whole run. Odd rounds: a random moment inside the
    transaction (mostly before COMMIT starts, some during it). `latest` is the last whole run,
    whose times follow the load of the machine."""
    if round_ % 2 == 0:
        return kill_at(RANDOM.uniform(0, latest.seconds))
    (begun,), committed = latest.stamps("B"), latest.stamps("C")
    return kill_after("B", 1, RANDOM.uniform(0, (committed[-1] - begun) * 1.25))


def edit_killer(round_: int, latest: Run):
    """As `killer`, for a stream of edits: odd rounds kill inside a random edit."""
    per_edit = latest.per_edit()
    if round_ % 2 == 0:
        startup = latest.stamps("B")[0] - latest.started
        return kill_at(RANDOM.uniform(0, startup + EDITS * per_edit))
    return kill_after("D", RANDOM.randint(1, EDITS - 1), RANDOM.uniform(0, per_edit))


def cli(*args: str) -> list[str]:
    return ["cli", *args]


def fresh(material, folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    path = folder / "study.annotator"
    shutil.copyfile(material["base"], path)
    return path


# ----------------------------------------------------------------------------- checking


def sound(path: Path) -> Project:
    """Open the project as the tool does after a kill (its log still beside it): whole, and
    every span, link and value valid."""
    project = Project.open(path)
    integrity = project.conn.execute("PRAGMA integrity_check").fetchall()
    problems = project.verify()
    if integrity != [("ok",)] or problems:
        project.close()
        pytest.fail(f"{path}: {integrity[:5]} {problems[:5]}")
    return project


def documents(path: Path) -> dict[str, str]:
    with Project.open(path) as project:
        return project.document_hashes()


def annotator_check(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "check", "--project", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok: ")


def tally(name: str, run_: Run, outcome: str) -> None:
    counter = TALLIES.setdefault(name, Counter())
    counter["rounds"] += 1
    counter[f"{run_.where()}, {outcome}"] += 1


# ----------------------------------------------------------------------------- the tests


def test_an_import_killed_at_any_moment_stores_the_whole_batch_or_nothing(material, tmp_path):
    before = documents(material["base"])
    command = cli("import", "--project", "study.annotator", str(material["batch"]))
    folder = tmp_path / "reference"
    path = fresh(material, folder)
    latest = run(folder, command)
    batch = {k: v for k, v in documents(path).items() if k not in before}
    assert len(batch) == BATCH
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round-{round_}"
        path = fresh(material, folder)
        killed = run(folder, command, killer(round_, latest))
        with sound(path) as project:
            stored = {k: v for k, v in project.document_hashes().items() if k not in before}
        assert stored in ({}, batch), f"{len(stored)} of {len(batch)} articles stored"
        if killed.where() == "killed inside a transaction":
            assert stored == {}
        if killed.finished:
            assert stored == batch
        tally("import", killed, "batch stored" if stored else "nothing stored")
        rerun = run(folder, command)  # the researcher runs the command again
        latest = latest if stored else rerun  # a whole run: its times follow the machine's load
        with sound(path) as project:
            assert project.document_hashes() == {**before, **batch}
    annotator_check(path)


def test_a_merge_killed_at_any_moment_merges_everything_or_nothing(material, tmp_path):
    theirs = material["theirs"]
    command = cli("merge", "--project", "study.annotator", str(theirs))
    folder = tmp_path / "reference"
    path = fresh(material, folder)
    latest = run(folder, command)
    merged = _colleague_work(path)
    assert len(merged["annotations"]) == THEIR_ANNOTATIONS
    assert merged["documents"] == THEIR_DOCUMENTS + 301
    empty = _colleague_work(material["base"])
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round-{round_}"
        path = fresh(material, folder)
        killed = run(folder, command, killer(round_, latest))
        sound(path).close()
        found = _colleague_work(path)
        assert found in (empty, merged), _difference(found, merged)
        if killed.where() == "killed inside a transaction":
            assert found == empty
        if killed.finished:
            assert found == merged
        tally("merge", killed, "merged" if found == merged else "nothing merged")
        rerun = run(folder, command)
        latest = latest if found == merged else rerun
        sound(path).close()
        assert _colleague_work(path) == merged
    annotator_check(path)
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == material["theirs_sha256"]


def test_a_stream_of_edits_killed_at_any_moment_keeps_every_stored_edit(material, tmp_path):
    folder = tmp_path / "reference"
    path = fresh(material, folder)
    with Project.open(path) as project:
        texts = crash_driver.texts_of(project)
    seed = RANDOM.randrange(1_000_000)
    edits = crash_driver.plan(seed, texts, EDITS)
    command = ["edits", "study.annotator", str(seed), "0", str(EDITS)]
    latest = run(folder, command)
    assert _edited(path) == crash_driver.replay(edits)
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round-{round_}"
        path = fresh(material, folder)
        killed = run(folder, command, edit_killer(round_, latest))
        sound(path).close()
        done = len(killed.stamps("D"))
        state = _edited(path)
        if state == crash_driver.replay(edits[:done]):
            stored = done
        else:
            # The edit whose COMMIT had started may be there, whole.
            assert killed.last_transaction_mark == "C" and not killed.finished
            assert state == crash_driver.replay(edits[: done + 1])
            stored = done + 1
        tally("edits", killed, "last edit stored" if stored > done else "last edit not stored")
        resume = ["edits", "study.annotator", str(seed), str(stored), str(EDITS)]
        rerun = run(folder, resume)
        latest = latest if stored else rerun
        sound(path).close()
        assert _edited(path) == crash_driver.replay(edits)
    annotator_check(path)


# ----------------------------------------------------------------------------- what is stored


def _colleague_work(path: Path) -> dict:
    """Everything a merge of the colleague's project brings, as comparable values."""
    conn = sqlite3.connect(path)
    try:
        one = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
        who = "(SELECT id FROM annotators WHERE name = 'colleague')"
        return {
            "documents": one("SELECT count(*) FROM documents")[0][0],
            "annotations": set(
                one(
                    'SELECT a.id, d.sha256, a.layer, a.start, a."end", a.text, a.attributes, '
                    "a.link_id, e.name FROM annotations a "
                    "JOIN documents d ON d.id = a.document_id "
                    f"LEFT JOIN entities e ON e.id = a.entity_id WHERE a.annotator_id = {who}"
                )
            ),
            "stances": set(
                one(
                    "SELECT s.* FROM stances s JOIN annotations a ON a.id = s.annotation_id "
                    f"WHERE a.annotator_id = {who}"
                )
            ),
            "comments": set(one(f"SELECT id, text FROM comments WHERE annotator_id = {who}")),
            "statuses": set(
                one(f"SELECT document_id, status FROM document_status WHERE annotator_id = {who}")
            ),
        }
    finally:
        conn.close()


def _difference(found: dict, merged: dict) -> str:
    return ", ".join(
        f"{key}: {len(value) if isinstance(value, set) else value} of "
        f"{len(merged[key]) if isinstance(value, set) else merged[key]}"
        for key, value in found.items()
    )


def _edited(path: Path) -> dict[str, crash_driver.Span]:
    """The annotations of the edit stream's annotator, as the stream describes them."""
    with Project.open(path) as project:
        found = {}
        for document in project.documents():
            for a in project.annotations(document.id, crash_driver.ANNOTATOR):
                found[a.id] = crash_driver.Span(
                    a.document_id,
                    a.layer,
                    a.start,
                    a.end,
                    tuple(sorted(a.attributes.items())),
                    entity=a.entity.name if a.entity else None,
                    link_id=a.link_id,
                    stances=tuple((s.target, s.value) for s in a.stances),
                )
        return found
