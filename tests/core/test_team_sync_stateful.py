"""Three researchers tag, edit, delete and mark documents, go offline and come back, syncing
through one real PostgreSQL server in any order: once all are online and have synced twice,
every copy holds the same annotations, deletions and statuses, and each researcher's own last
stored version of their work, nothing lost."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from annotator.core.errors import ValidationError
from annotator.core.sync import exchange, link
from annotator.core.sync.server import ServerError, init
from tests.core.team import SEED, make_team, state

MEMBERS = {"amal": "annotator", "bilal": "annotator", "huda": "curator"}
names = st.sampled_from(sorted(MEMBERS))


def _owned(project, member: str) -> dict[str, str]:
    """The revision names of a member's own annotations and deletions (gold for a curator)."""
    owners = (member, "gold") if MEMBERS[member] == "curator" else (member,)
    marks = ", ".join("?" * len(owners))
    rows = project.conn.execute(
        f"SELECT a.id, a.rev FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
        f"WHERE p.name IN ({marks}) UNION ALL "
        f"SELECT annotation_id, rev FROM deletions WHERE annotator IN ({marks})",
        [*owners, *owners],
    )
    return dict(rows.fetchall())


class TeamSync(RuleBasedStateMachine):
    cluster = None

    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="team-sync-"))
        url = self.cluster.new_database()
        init(url)
        self.projects = make_team(self.cluster, url, self.folder, MEMBERS)
        self.urls = {name: link.read(p).url for name, p in self.projects.items()}
        self.offline: set[str] = set()
        self.stored: dict[str, str] = {}  # annotation id -> the rev its owner last stored
        text = self.projects["amal"].text(SEED)
        self.words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)][:40]
        for name in MEMBERS:
            self._note(name)

    def _note(self, name: str) -> None:
        self.stored.update(_owned(self.projects[name], name))

    def _own(self, name: str, layer: str | None = None) -> list:
        found = self.projects[name].annotations(SEED, "gold" if name == "huda" else name)
        return [a for a in found if layer is None or a.layer == layer]

    @rule(name=names, word=st.integers(0, 39), role=st.sampled_from(["person", "other"]))
    def tag_speaker(self, name, word, role):
        start, end = self.words[word]
        author = "gold" if name == "huda" else name
        try:
            self.projects[name].add_annotation(
                SEED,
                author,
                "speaker",
                start,
                end,
                attributes={"role": role},
                entity=f"متحدث {word % 5}",
            )
        except ValidationError:
            return  # the same span tagged twice
        self._note(name)

    @rule(name=names, word=st.integers(0, 39), pick=st.integers(0, 10))
    def tag_claim(self, name, word, pick):
        start, end = self.words[word]
        speakers = self._own(name, "speaker")
        target = speakers[pick % len(speakers)].id if speakers else None
        author = "gold" if name == "huda" else name
        try:
            self.projects[name].add_annotation(SEED, author, "claim", start, end, link_id=target)
        except ValidationError:
            return
        self._note(name)

    @rule(name=names, pick=st.integers(0, 100), kind=st.sampled_from(["direct", "indirect"]))
    def edit(self, name, pick, kind):
        own = self._own(name)
        if not own:
            return
        chosen = own[pick % len(own)]
        values = {"kind": kind} if chosen.layer == "claim" else {"role": "government"}
        self.projects[name].update_annotation(chosen.id, attributes=values)
        self._note(name)

    @rule(name=names, pick=st.integers(0, 100))
    def delete(self, name, pick):
        own = self._own(name)
        if own:
            self.projects[name].delete_annotation(own[pick % len(own)].id)
            self._note(name)

    @rule(name=names, status=st.sampled_from(["in_progress", "done"]))
    def mark(self, name, status):
        self.projects[name].set_status(SEED, name, status)

    @rule(name=names)
    def toggle_offline(self, name):
        if name in self.offline:
            self.offline.discard(name)
            url = self.urls[name]
        else:
            self.offline.add(name)
            url = f"host={self.folder}/no-server dbname=none user={name}"
        with self.projects[name].atomic():
            link.set_state(self.projects[name], url=url)

    @rule(name=names)
    def sync(self, name):
        try:
            report = exchange.sync(self.projects[name])
        except ServerError:
            assert name in self.offline
            return
        assert name not in self.offline
        project = self.projects[name]
        found = project.conn.execute(
            "SELECT annotation_id, annotator, ours_rev, theirs_rev FROM conflicts UNION ALL "
            "SELECT entity_id, '', ours, theirs FROM entity_conflicts"
        ).fetchall()
        assert report.conflicts == 0 and report.pending == 0, found

    @rule()
    def everyone_back_and_synced(self):
        for name in list(self.offline):
            self.toggle_offline(name)
        for _ in range(2):
            for name in sorted(MEMBERS):
                self.sync(name)
        states = [state(p) for p in self.projects.values()]
        assert all(s == states[0] for s in states[1:])
        held = {a[0]: a[1] for a in states[0]["annotations"]} | dict(states[0]["deletions"])
        lost = {i: rev for i, rev in self.stored.items() if held.get(i) != rev}
        assert not lost, f"stored versions lost: {lost}"

    def teardown(self):
        try:
            self.everyone_back_and_synced()
        finally:
            for project in self.projects.values():
                project.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def test_all_copies_converge_and_nothing_stored_is_lost(pg_cluster):
    TeamSync.cluster = pg_cluster
    run_state_machine_as_test(
        TeamSync,
        # Without shrinking: each example is a new team on the server, and the failing steps
        # are printed as they ran.
        settings=settings(
            max_examples=6,
            stateful_step_count=25,
            deadline=None,
            phases=(Phase.explicit, Phase.reuse, Phase.generate),
        ),
    )
