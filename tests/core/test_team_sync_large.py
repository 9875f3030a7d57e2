"""A team project of 10,000 articles: shared, joined and synced whole, and an edit made after
joining reaches a colleague's copy."""

from __future__ import annotations

from annotator.core.store.project import Project, TextSource
from annotator.core.sync import exchange, link, server
from tests.core.team import member_url, state

PLACES = ["غزة", "بيروت", "عمان", "تونس", "الرباط", "القاهرة", "دمشق", "بغداد"]


def _article(n: int) -> TextSource:
    place = PLACES[n % len(PLACES)]
    text = f"قال المتحدث باسم بلدية {place} إن المشروع رقم {n} سيبدأ الأسبوع المقبل."
    return TextSource(text=text, id=f"a{n:05d}", title=f"خبر {n}")


def test_a_project_of_ten_thousand_articles_syncs_whole(pg_cluster, team_db, tmp_path):
    with Project.create(tmp_path / "start.annotator") as start:
        start.import_texts(_article(n) for n in range(10_000))
        with start.atomic():
            for n in range(0, 10_000, 10):
                start.add_annotation(f"a{n:05d}", "sami", "speaker", 0, 3)
        exchange.share(start, team_db)
    for name in ("amal", "bilal"):
        server.add_member(team_db, name, "annotator")
    amal, _ = exchange.join(
        member_url(pg_cluster, team_db, "amal"), "amal", tmp_path / "amal.annotator"
    )
    bilal, _ = exchange.join(
        member_url(pg_cluster, team_db, "bilal"), "bilal", tmp_path / "bilal.annotator"
    )
    with amal, bilal:
        assert len(amal.documents()) == 10_000
        assert amal.annotation_count(annotator="sami") == 1_000
        edited = amal.add_annotation("a09999", "amal", "speaker", 4, 12)
        assert link.pending_count(amal) == 2  # the annotation and the article's status
        assert exchange.sync(amal).pushed == 2
        assert exchange.sync(bilal).pulled == 2
        assert bilal.annotation(edited.id).text == amal.text("a09999")[4:12]
        assert state(amal) == state(bilal)
