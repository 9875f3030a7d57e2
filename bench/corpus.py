"""A synthetic Arabic news corpus of any size, reproducible from a seed, and the bench data sets
built from it (kept in a cache folder so one `bench/run` makes each only once).

The texts are sentences of news vocabulary with reporting verbs, «» and "" quotations, the
Arabic comma and semicolon, tashkeel on some words, tatweel, Latin and Arabic-Indic digits, a few
Latin words and emoji outside the Basic Multilingual Plane (so code points and Qt's UTF-16
positions differ). The annotations follow the default schema: speaker mentions with an entity
and a role, claims linked to a speaker mention with kind, cue and stances.

    python bench/corpus.py --seed 7 --articles 3 --chars 600   # print a sample
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.core.store.project import Project, TextSource  # noqa: E402

# Bump when the generator changes: cached data sets made by an older one are rebuilt.
GENERATOR_VERSION = 1

NOUNS = """
الحكومة الوزير الرئيس المجلس البرلمان الشعب المواطنين الاحتلال المقاومة الاتفاق المفاوضات
القرار الأزمة الحرب السلام الأمن الاقتصاد الانتخابات المعارضة الجيش الشرطة المنطقة الحدود
العاصمة المدينة القرية المستشفى الجامعة المدارس الطلاب العمال الأسعار الوقود الكهرباء المياه
الموازنة الضرائب البنك الدولار الليرة الجنيه الدينار الشركات المستثمرين السوق التجارة الصادرات
الواردات النفط الغاز الزراعة الصحة التعليم الإعلام الصحفيين القضاء المحكمة الدستور القانون
الحقوق الحريات اللاجئين النازحين المساعدات الإغاثة المنظمات الأمم المتحدة الجامعة العربية
الاتحاد الأوروبي الولايات المتحدة روسيا الصين تركيا إيران مصر الأردن لبنان سوريا العراق
فلسطين غزة القدس الضفة الخليل بيروت دمشق بغداد القاهرة عمان الرياض الدوحة تونس الجزائر
الرباط الخرطوم صنعاء طرابلس الملف البيان التقرير المؤتمر الاجتماع الزيارة الجلسة اللجنة
الخطة المشروع البرنامج المبادرة الهدنة التصعيد الهجوم القصف الضحايا الجرحى الشهداء المعتقلين
الأسرى الحصار المعبر الطريق الميناء المطار المصانع المزارعين الشباب النساء الأطفال العائلات
""".split()
VERBS = """
أعلن أكد قال أضاف أوضح شدد أشار نفى حذر دعا طالب رفض وافق كشف بحث ناقش استقبل التقى زار
اتهم انتقد أدان رحب أبدى اعتبر وصف توقع قرر وقع أطلق افتتح اختتم أصدر نشر بدأ واصل استأنف
""".split()
REPORTING = "قال أكد أضاف أوضح شدد أشار أعلن نفى حذر دعا يؤكد يقول أكدت قالت وأكد وقال".split()
PARTICIPLES = "مشيراً مؤكداً مضيفاً معرباً منوهاً مبيناً".split()
PARTICLES = """
في من إلى على عن مع بعد قبل خلال حول ضد بين منذ حتى لدى عند أن إن لكن كما أيضا التي الذي
الذين هذا هذه ذلك تلك كل بعض غير دون نحو عبر وفق بحسب
""".split()
ADJECTIVES = """
الجديد الجديدة الكبير الكبيرة الدولي الدولية الوطني الوطنية السياسي السياسية الاقتصادي
الاقتصادية العسكري العسكرية الإنساني الإنسانية الأخير الأخيرة الرسمي الرسمية الحالي الحالية
المقبل المقبلة السابق السابقة العام العامة الخاص الخاصة المحلي المحلية الإقليمي الإقليمية
""".split()
FIRST_NAMES = """
محمد أحمد علي حسن حسين خالد عمر يوسف إبراهيم إسماعيل سعيد سامي كريم طارق ناصر فاطمة مريم
زينب سارة ليلى نور هدى رانيا سلمى آمنة
""".split()
LAST_NAMES = """
العبدالله الحسيني الخطيب المصري الشامي البغدادي التونسي الزعبي النجار الحداد القاسم الرفاعي
المالكي العلي الأحمد السعدي الدباغ الكردي الهاشمي العمري
""".split()
TITLES = "الرئيس الوزير العميد الدكتور النائب المتحدث السفير المحافظ الشيخ الأمين العام".split()
LATIN = "Reuters AFP CNN BBC COVID-19 iPhone NATO UNESCO Twitter OPEC G20 IMF".split()
EMOJI = ["🙂", "🇵🇸", "👍🏽", "📢", "🔴", "✅"]
HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
ROLES = ["person", "organisation", "government", "anonymous", "other"]
KINDS = ["direct", "indirect", "paraphrase"]
STANCES = ["favor", "against", "neutral", "unclear"]
TARGETS = [
    "الحكومة",
    "الاحتلال",
    "الاتفاق",
    "المفاوضات",
    "الهدنة",
    "المعارضة",
    "الانتخابات",
    "الموازنة",
    "المساعدات",
    "القرار",
    "التصعيد",
    "الحصار",
]
# The word pattern spans are snapped to: letters, digits, tashkeel and tatweel.
WORD = re.compile(r"[\w\u064b-\u0652\u0640]+")


# ---------------------------------------------------------------------------------- texts


def _person(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return f"{rng.choice(TITLES)} {name}" if rng.random() < 0.5 else name


def _number(rng: random.Random) -> str:
    value = str(rng.choice([rng.randint(2, 99), rng.randint(1990, 2030), rng.randint(100, 99999)]))
    if rng.random() < 0.4:  # Arabic-Indic digits
        value = value.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return value


def _word(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.34:
        word = rng.choice(NOUNS)
    elif roll < 0.58:
        word = rng.choice(PARTICLES)
    elif roll < 0.72:
        word = rng.choice(ADJECTIVES)
    elif roll < 0.84:
        word = rng.choice(VERBS)
    elif roll < 0.87:
        word = _number(rng)
    elif roll < 0.88:
        word = rng.choice(LATIN)
    elif roll < 0.882:
        word = rng.choice(EMOJI)
    else:
        word = "و" + rng.choice(NOUNS)
    if roll < 0.84 and rng.random() < 0.06:  # tashkeel after some letters
        word = "".join(
            ch + (rng.choice(HARAKAT) if rng.random() < 0.4 and ch.isalpha() else "") for ch in word
        )
    elif roll < 0.84 and len(word) > 3 and rng.random() < 0.01:  # tatweel
        word = word[:2] + "\u0640\u0640" + word[2:]
    return word


def _clause(rng: random.Random, low: int, high: int) -> str:
    words = [_word(rng) for _ in range(rng.randint(low, high))]
    for i in range(1, len(words) - 1):
        if rng.random() < 0.06:
            words[i] += "،"
    return " ".join(words)


def sentence(rng: random.Random) -> str:
    """One news sentence: a report with a speaker and a quotation, or a plain statement."""
    roll = rng.random()
    if roll < 0.3:
        open_, close = ("«", "»") if rng.random() < 0.6 else ('"', '"')
        text = f"{rng.choice(REPORTING)} {_person(rng)} إن {open_}{_clause(rng, 5, 16)}{close}"
    elif roll < 0.45:
        text = f"{_person(rng)} {rng.choice(REPORTING)} أن {_clause(rng, 5, 14)}، "
        text += f"{rng.choice(PARTICIPLES)} إلى أن {_clause(rng, 3, 9)}"
    else:
        text = _clause(rng, 6, 22)
    return text + rng.choice([".", ".", ".", "؛", ":", "!", "؟"])


def article(rng: random.Random, chars: int) -> str:
    """An article of about `chars` characters: a title line, then paragraphs of sentences."""
    title = _clause(rng, 5, 10)
    parts, size = [title], len(title)
    while size < chars:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        parts.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(parts)


def articles(seed: int, count: int, chars: int) -> Iterator[TextSource]:
    """`count` articles of about `chars` characters (±40 %), the same for the same seed."""
    rng = random.Random(seed)
    for n in range(count):
        text = article(rng, int(chars * rng.uniform(0.6, 1.4)))
        yield TextSource(
            text=text,
            title=text.split("\n", 1)[0],
            id=f"art-{seed}-{n:06d}",
            source="synthetic.jsonl",
            metadata={"date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
        )


# ---------------------------------------------------------------------------------- annotations


@dataclass
class Span:
    """A planned annotation in the default schema, as plain values."""

    id: str
    layer: str
    start: int
    end: int
    attributes: dict = field(default_factory=dict)
    entity: str | None = None  # entity name
    link_id: str | None = None
    stances: list[tuple[str, str]] = field(default_factory=list)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def entity_names(count: int = 300) -> list[str]:
    rng = random.Random(count)
    names = {f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(count * 4)}
    return sorted(names)[:count]


def annotate(rng: random.Random, text: str, count: int) -> list[Span]:
    """About `count` annotations on word boundaries: pairs of a speaker mention (one or two
    words) and the claim after it (linked to it), spread evenly over the text."""
    words = [m.span() for m in WORD.finditer(text)]
    pairs = max(1, count // 2)
    step = len(words) / pairs
    entities = entity_names()
    spans: list[Span] = []
    for n in range(pairs):
        first = int(n * step)
        last = min(int((n + 1) * step), len(words)) - 1
        if last - first < 2:
            continue
        size = rng.choice([1, 1, 2])
        speaker = Span(
            _uuid(rng),
            "speaker",
            words[first][0],
            words[first + size - 1][1],
            {"role": rng.choice(ROLES)},
            rng.choice(entities) if rng.random() < 0.8 else None,
        )
        claim_first = first + size
        claim_last = rng.randint(claim_first, last)
        stances = [
            (target, rng.choice(STANCES))
            for target in rng.sample(TARGETS, rng.choice([0, 1, 1, 2]))
        ]
        claim = Span(
            _uuid(rng),
            "claim",
            words[claim_first][0],
            words[claim_last][1],
            {"kind": rng.choice(KINDS), "cue": rng.choice(REPORTING)},
            None,
            speaker.id if rng.random() < 0.9 else None,
            stances,
        )
        spans += [speaker, claim]
    return spans


def colleague(rng: random.Random, text: str, spans: list[Span]) -> list[Span]:
    """Another annotator's version of `spans`: most the same, some with other boundaries or
    values, some left out, a few of their own."""
    words = [m.span() for m in WORD.finditer(text)]
    starts = [s for s, _ in words]
    theirs: list[Span] = []
    ids: dict[str, str] = {}
    for span in spans:
        roll = rng.random()
        if roll < 0.05:
            continue  # left out
        copy = Span(
            _uuid(rng),
            span.layer,
            span.start,
            span.end,
            dict(span.attributes),
            span.entity,
            ids.get(span.link_id or ""),
            list(span.stances),
        )
        ids[span.id] = copy.id
        if roll < 0.2:  # a word more or less at the end
            k = _index(starts, span.end)
            if rng.random() < 0.5 and k + 1 < len(words) and words[k + 1][0] > span.start:
                copy.end = words[k + 1][1]
            elif k > 0 and words[k - 1][1] > span.start:
                copy.end = words[k - 1][1]
        if rng.random() < 0.1 and span.layer == "speaker":
            copy.attributes["role"] = rng.choice(ROLES)
        if rng.random() < 0.1 and span.layer == "claim":
            copy.attributes["kind"] = rng.choice(KINDS)
        if copy.stances and rng.random() < 0.15:
            copy.stances = [(t, rng.choice(STANCES)) for t, _ in copy.stances]
        theirs.append(copy)
    for _ in range(len(spans) - len(theirs)):  # their own, as many as they left out
        k = rng.randrange(len(words))
        theirs.append(
            Span(_uuid(rng), "speaker", words[k][0], words[k][1], {"role": rng.choice(ROLES)})
        )
    return theirs


def _index(starts: list[int], end: int) -> int:
    """The word that ends at `end` (the last word starting before it)."""
    import bisect

    return bisect.bisect_left(starts, end) - 1


# ---------------------------------------------------------------------------------- storing


def store(project: Project, document_id: str, annotator: str, spans: list[Span]) -> None:
    """Write planned annotations straight into the project's tables.

    Bench fixtures only: `add_annotation` checks each one against the document in its own
    statement and would take minutes for a million; these are made valid by construction.
    """
    store_many(project, [(document_id, annotator, spans)])


def store_many(project: Project, work: list[tuple[str, str, list[Span]]]) -> None:
    conn = project.conn
    stamp = "2024-06-01T12:00:00+00:00"
    with project.atomic():
        entity_ids = dict(conn.execute("SELECT name, id FROM entities"))
        annotators: dict[str, int] = {}
        annotations, stances, statuses, entities = [], [], [], []
        for document_id, annotator, spans in work:
            if annotator not in annotators:
                annotators[annotator] = project.annotator_id(annotator)
            who = annotators[annotator]
            text = project.text(document_id)
            statuses.append((document_id, who, "in_progress", stamp))
            for span in spans:
                entity_id = None
                if span.entity:
                    entity_id = entity_ids.get(span.entity)
                    if entity_id is None:
                        entity_id = entity_ids[span.entity] = str(
                            uuid.UUID(bytes=hashlib.md5(span.entity.encode()).digest())
                        )
                        entities.append((entity_id, span.entity, "person", "[]", stamp))
                annotations.append(
                    (
                        span.id,
                        document_id,
                        who,
                        span.layer,
                        span.start,
                        span.end,
                        text[span.start : span.end],
                        json.dumps(span.attributes, ensure_ascii=False, sort_keys=True),
                        entity_id,
                        span.link_id,
                        "manual",
                        stamp,
                        stamp,
                        "[]",
                    )
                )
                stances += [(span.id, i, t, v) for i, (t, v) in enumerate(span.stances)]
        conn.executemany(
            "INSERT INTO entities (id, name, kind, aliases, created_at) VALUES (?, ?, ?, ?, ?)",
            entities,
        )
        conn.executemany(
            'INSERT INTO annotations (id, document_id, annotator_id, layer, start, "end", text, '
            "attributes, entity_id, link_id, origin, created_at, modified_at, sources) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            annotations,
        )
        conn.executemany(
            "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
            stances,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO document_status (document_id, annotator_id, status, "
            "modified_at) VALUES (?, ?, ?, ?)",
            statuses,
        )


# ---------------------------------------------------------------------------------- data sets


def cache_folder(path: str | Path | None = None) -> Path:
    """Where data sets are kept: `path`, else $BENCH_CACHE, else ~/.cache/annotator-bench."""
    chosen = path or os.environ.get("BENCH_CACHE") or Path.home() / ".cache" / "annotator-bench"
    folder = Path(chosen)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _built(cache: Path, name: str, build) -> Path:
    """`cache/name`, built by `build(folder)` into a temporary folder and moved into place."""
    final = cache / f"{name}-v{GENERATOR_VERSION}"
    if final.exists():
        return final
    making = cache / f".{final.name}.{os.getpid()}"
    shutil.rmtree(making, ignore_errors=True)
    making.mkdir()
    print(f"bench: generating {final.name} …", file=sys.stderr, flush=True)
    build(making)
    making.rename(final)
    return final


ANNOTATOR = "bench"  # the name the bench windows annotate as
LONG_ID = "long-report"


def long_article(cache: Path, chars: int = 500_000, annotations: int = 20_000) -> Path:
    """A project with a short article (opened first) and one of `chars` characters carrying
    `annotations` annotations of the annotator `bench`."""

    def build(folder: Path) -> None:
        rng = random.Random(500)
        with Project.create(folder / "long.annotator") as project:
            short = article(rng, 1500)
            long = article(rng, chars)[:chars]
            project.import_texts(
                [
                    TextSource(text=short, id="short-note", title="short note"),
                    TextSource(text=long, id=LONG_ID, title="a long report"),
                ]
            )
            store(project, LONG_ID, ANNOTATOR, annotate(rng, long, annotations))
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    return _built(cache, f"long-{chars}-{annotations}", build) / "long.annotator"


def long_texts(cache: Path, count: int = 150, chars: int = 1_000_000) -> Path:
    """A project whose size is in its texts: `count` articles of `chars` characters (150 of a
    million: about 273 MB) and a short one with a few annotations."""

    def build(folder: Path) -> None:
        rng = random.Random(5)
        base = article(rng, chars)[:chars].replace("\n", " ")
        with Project.create(folder / "texts.annotator") as project:
            project.import_texts(
                TextSource(text=f"{n} {base}", id=f"long-{n:03d}", title=f"long {n}")
                for n in range(count)
            )
            short = article(rng, 3000)
            project.import_texts([TextSource(text=short, id="short-note", title="short note")])
            store(project, "short-note", ANNOTATOR, annotate(rng, short, 30))
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    return _built(cache, f"texts-{count}-{chars}", build) / "texts.annotator"


def archive(cache: Path, count: int = 10_000, chars: int = 1_400) -> Path:
    """A JSON Lines file of `count` articles (about 30 MB for 10,000): a news archive."""

    def build(folder: Path) -> None:
        with open(folder / "archive.jsonl", "w", encoding="utf-8") as out:
            for item in articles(10, count, chars):
                record = {"id": item.id, "title": item.title, "text": item.text, **item.metadata}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    return _built(cache, f"archive-{count}-{chars}", build) / "archive.jsonl"


def _read_archive(path: Path) -> list[TextSource]:
    with open(path, encoding="utf-8") as lines:
        return [
            TextSource(text=r["text"], title=r["title"], id=r["id"], source=path.name)
            for r in map(json.loads, lines)
        ]


def archive_project(cache: Path, count: int = 10_000) -> Path:
    """A project holding the articles of `archive` (for search)."""
    source = archive(cache, count)

    def build(folder: Path) -> None:
        with Project.create(folder / "archive.annotator") as project:
            project.import_texts(_read_archive(source))
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    return _built(cache, f"archive-project-{count}", build) / "archive.annotator"


def two_annotators(cache: Path, count: int = 10_000, spans: int = 50) -> Path:
    """The archive's articles, each annotated by `ali` (`spans` annotations) and by `badr` (a
    colleague's version of ali's): 1,000,000 annotations for 10,000 articles."""
    source = archive(cache, count)

    def build(folder: Path) -> None:
        rng = random.Random(2)
        with Project.create(folder / "pair.annotator") as project:
            items = _read_archive(source)
            project.import_texts(items)
            work = []
            for item in items:
                mine = annotate(rng, item.text, spans)
                theirs = colleague(rng, item.text, mine)
                work += [(item.id, "ali", mine), (item.id, "badr", theirs)]
                if len(work) >= 2000:
                    store_many(project, work)
                    work = []
            store_many(project, work)
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    return _built(cache, f"pair-{count}-{spans}", build) / "pair.annotator"


def colleague_projects(
    cache: Path, documents: int = 2_000, theirs: int = 100_000
) -> tuple[Path, Path]:
    """My project (the first `documents` articles of the archive, 10 annotations each by
    `me`) and a colleague's copy of it with `theirs` annotations of `colleague`."""
    source = archive(cache)

    def build(folder: Path) -> None:
        rng = random.Random(3)
        items = _read_archive(source)[:documents]
        for name, annotator, per_document in (
            ("mine", "me", 10),
            ("theirs", "colleague", theirs // documents),
        ):
            with Project.create(folder / f"{name}.annotator") as project:
                project.import_texts(items)
                store_many(
                    project,
                    [
                        (item.id, annotator, annotate(rng, item.text, per_document))
                        for item in items
                    ],
                )
                project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    folder = _built(cache, f"merge-{documents}-{theirs}", build)
    return folder / "mine.annotator", folder / "theirs.annotator"


def copy_project(path: Path, folder: Path) -> Path:
    """A fresh copy of a project file (merges and imports change it)."""
    target = folder / path.name
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(path, target)
    return target


def raw_rows(cache: Path) -> list[tuple]:
    """The archive's articles as the rows `import_texts` stores, for raw-sqlite baselines."""
    stamp = "2024-06-01T12:00:00+00:00"
    return [
        (
            item.id,
            item.title,
            item.text,
            hashlib.sha256(item.text.encode()).hexdigest(),
            item.source,
            stamp,
            "{}",
        )
        for item in _read_archive(archive(cache))
    ]


def raw_database(path: Path) -> sqlite3.Connection:
    """An SQLite file with the project's tables and journal settings, for the baselines."""
    from annotator.core.store import migrations

    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn)
    # The journal settings of a project (Project.open): the same writes reach the disk.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=2)
    parser.add_argument("--chars", type=int, default=800)
    parser.add_argument("--annotations", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for item in articles(args.seed, args.articles, args.chars):
        print(item.id, "·", item.title)
        print(item.text)
        for span in annotate(rng, item.text, args.annotations):
            print(
                f"  {span.layer:8} {span.start}-{span.end} «{item.text[span.start : span.end]}»",
                end="",
            )
            print(f" {span.attributes} {span.entity or ''} {span.stances or ''}")
        print()


if __name__ == "__main__":
    main()
