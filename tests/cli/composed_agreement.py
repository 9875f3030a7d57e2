"""A composed project for agreement: fifteen invented Arabic articles tagged by three annotators
who agree on some documents, half-agree on others and leave a few to one or none, so the
report has every kind of per-document row (figures, n/a, documents one annotator skipped)."""

import random
from pathlib import Path

from annotator.core.store.project import Project, TextSource

ANNOTATORS = ("amina", "omar", "salma")
SENTENCES = (
    "قال الوزير سامي الحداد إن الاتفاق سيوقع قريبا.",
    "وأكدت المتحدثة ليلى منصور أن المفاوضات مستمرة.",
    "ونفى مصدر مسؤول ما نشرته الصحيفة أمس عن القدس.",
    "Reuters quoted an official as saying the talks resume on 12 May.",
    "وأضاف رئيس البلدية أن ميزانية 2026 تشمل ثلاثة مشاريع.",
    "وحذر الخبير نبيل عودة من تأخير الاتفاق.",
)


def composed_project(path: Path, seed: int = 14) -> Path:
    """Write the project at `path`: the same project for the same seed."""
    chance = random.Random(seed)
    with Project.create(path) as project:
        sources = []
        for n in range(14):
            text = " ".join(chance.choice(SENTENCES) for _ in range(chance.randint(1, 4)))
            sources.append(TextSource(text=f"{text} ({n})", id=f"مقال-{n}", title=f"خبر رقم {n}"))
        # Marked done by two annotators, neither tagging: every figure n/a, "lowest" null.
        untagged = TextSource(text=SENTENCES[1], id="بلا-وسوم", title="خبر بلا وسوم")
        project.import_texts([*sources, untagged])
        for name in ANNOTATORS[:2]:
            project.set_status(untagged.id, name, "done")
        for name in ANNOTATORS:
            project.set_status(sources[0].id, name, "todo")
        for source in sources:
            text = source.text
            tagging = [x for x in ANNOTATORS if chance.random() < 0.8]
            if chance.random() < 0.15:  # marked done without a tag
                project.set_status(source.id, chance.choice(ANNOTATORS), "done")
            planned = []
            for _ in range(chance.randint(0, 5)):
                start = chance.randrange(0, len(text) - 1)
                planned.append((start, chance.randint(start + 1, min(len(text), start + 18))))
            for name in tagging:
                speakers: dict[int, str] = {}
                taken = set()
                for k, (start, end) in enumerate(planned):
                    if chance.random() < 0.2:
                        continue  # this annotator left it out
                    if chance.random() < 0.25:  # a boundary drawn differently
                        end = min(len(text), end + chance.randint(1, 3))
                    layer = "speaker" if k % 2 == 0 else "claim"
                    if (layer, start, end) in taken:
                        continue
                    taken.add((layer, start, end))
                    if layer == "speaker":
                        speakers[k] = project.add_annotation(
                            source.id,
                            name,
                            layer,
                            start,
                            end,
                            attributes={"role": chance.choice(["person", "government"])},
                            entity=chance.choice([None, "سامي الحداد", "ليلى منصور"]),
                        ).id
                    else:
                        project.add_annotation(
                            source.id,
                            name,
                            layer,
                            start,
                            end,
                            attributes={"kind": chance.choice(["direct", "indirect"])},
                            link_id=speakers.get(k - 1),
                            stances=[("الاتفاق", chance.choice(["favor", "against", "neutral"]))],
                        )
    return path
