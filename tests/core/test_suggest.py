"""Suggested speakers and claims: the rules on news sentences, and storing and accepting them."""

import json

import pytest

from annotator.core.arabic.reported_speech import detect, quotations
from annotator.core.arabic.suggest import SUGGESTIONS, accept, pending, suggest
from annotator.core.errors import ValidationError
from annotator.core.model import Entity
from annotator.core.paths import seeds_dir


def claims_of(text, entities=()):
    """(claim text, speaker text, kind, cue) of every suggested claim."""
    found = detect(text, entities)
    return [
        (
            text[c.start : c.end],
            text[c.speaker[0] : c.speaker[1]] if c.speaker else None,
            c.kind,
            c.cue,
        )
        for c in found.claims
    ]


# ------------------------------------------------------------------ quotations


def test_quotations_pair_every_kind_of_mark_and_nest():
    text = 'قال: «إن الاحتلال "يمارس" سياسة» و“نص” و"آخر"'
    spans = [(text[s:e], level) for s, e, level in quotations(text)]
    assert ('«إن الاحتلال "يمارس" سياسة»', 0) in spans
    assert ('"يمارس"', 1) in spans
    assert ("“نص”", 0) in spans and ('"آخر"', 0) in spans


def test_an_unclosed_straight_quote_ends_with_its_paragraph():
    text = 'قال "نص بلا نهاية\nثم "نص" آخر'
    assert [text[s:e] for s, e, _ in quotations(text)] == ['"نص"']


def test_a_quotation_reopened_in_the_next_paragraph_goes_on():
    text = "قال: «الجملة الأولى.\n«والفقرة الثانية»"
    assert [text[s:e] for s, e, _ in quotations(text)] == [text[5:]]


# ------------------------------------------------------------------ claims and speakers

SENTENCES = [
    (
        'وقال وزير الخارجية الأردني أيمن الصفدي إن "الحل الوحيد هو إقامة الدولة الفلسطينية".',
        '"الحل الوحيد هو إقامة الدولة الفلسطينية"',
        "وزير الخارجية الأردني أيمن الصفدي",
        "direct",
    ),
    (
        "أكدت وزارة الصحة أن عدد الضحايا ارتفع إلى 50 شخصاً.",
        "عدد الضحايا ارتفع إلى 50 شخصاً",
        "وزارة الصحة",
        "indirect",
    ),
    (
        "ارتفع عدد القتلى إلى 30 شخصاً، بحسب مصادر طبية.",
        "ارتفع عدد القتلى إلى 30 شخصاً",
        "مصادر طبية",
        "indirect",
    ),
    (
        "وبحسب البيان، فإن الحكومة ستعقد اجتماعاً طارئاً.",
        "الحكومة ستعقد اجتماعاً طارئاً",
        "البيان",
        "indirect",
    ),
    (
        '"لن نتراجع عن مطالبنا"، قال المتحدث باسم النقابة.',
        '"لن نتراجع عن مطالبنا"',
        "المتحدث باسم النقابة",
        "direct",
    ),
    ("ويرى الخبراء أن الأزمة ستطول.", "الأزمة ستطول", "الخبراء", "indirect"),
    (
        'وحذّر الرئيس الفرنسي إيمانويل ماكرون من "تصعيد خطير في المنطقة".',
        '"تصعيد خطير في المنطقة"',
        "الرئيس الفرنسي إيمانويل ماكرون",
        "direct",
    ),
    (
        "وفي مؤتمر صحفي عقده اليوم، قال رئيس الوزراء إن الحكومة ملتزمة بالإصلاح.",
        "الحكومة ملتزمة بالإصلاح",
        "رئيس الوزراء",
        "indirect",
    ),
    ("وكان الوزير قد أكد أن المفاوضات مستمرة.", "المفاوضات مستمرة", "الوزير", "indirect"),
    (
        "أكّدت الوزيرة لنظيرها الفرنسي أنّ التعاون سيستمر.",
        "التعاون سيستمر",
        "الوزيرة",
        "indirect",
    ),
    ("تساءل المحلل: ألا يرى العالم ما يحدث؟", "ألا يرى العالم ما يحدث", "المحلل", "direct"),
    (
        "حذرت الأمم المتحدة، الثلاثاء، من أن ملايين السودانيين باتوا على حافة المجاعة.",
        "ملايين السودانيين باتوا على حافة المجاعة",
        "الأمم المتحدة",
        "indirect",
    ),
    (
        "ولقي عشرات المدنيين حتفهم في القصف، وفق ما أفاد شهود عيان.",
        "ولقي عشرات المدنيين حتفهم في القصف",
        "شهود عيان",
        "indirect",
    ),
    (
        "وأكد وزير الخارجية لنظيره المصري خلال اتصال هاتفي ضرورة تنسيق الجهود.",
        "ضرورة تنسيق الجهود",
        "وزير الخارجية",
        "indirect",
    ),
    (
        'وقالت الوزارة في بيان إنها "ملتزمة بحماية المدنيين".',
        '"ملتزمة بحماية المدنيين"',
        "الوزارة",
        "direct",
    ),
]


@pytest.mark.parametrize(("text", "claim", "speaker", "kind"), SENTENCES)
def test_a_news_sentence_gives_its_claim_and_speaker(text, claim, speaker, kind):
    assert [c[:3] for c in claims_of(text)] == [(claim, speaker, kind)]


def test_a_participle_continues_the_speaker_of_the_sentence():
    text = 'وأوضح المتحدث أن القوات انسحبت من المدينة، مضيفاً أن "الوضع بات تحت السيطرة".'
    assert claims_of(text) == [
        ("القوات انسحبت من المدينة", "المتحدث", "indirect", "أوضح"),
        ('"الوضع بات تحت السيطرة"', "المتحدث", "direct", "مضيفاً"),
    ]


def test_a_quotation_running_across_sentences_is_one_claim_of_the_last_speaker():
    text = "وأكد الوزير أن الحكومة ستعمل. وأضاف: «نحن مستعدون للحوار. لكننا لن نقبل بالشروط»."
    assert claims_of(text)[1] == (
        "«نحن مستعدون للحوار. لكننا لن نقبل بالشروط»",
        "الوزير",
        "direct",
        "أضاف",
    )


def test_a_cue_inside_what_is_reported_is_not_a_claim_of_its_own():
    text = "وأكد الوزير أن الرئيس قال إن الاتفاق قريب."
    assert claims_of(text) == [("الرئيس قال إن الاتفاق قريب", "الوزير", "indirect", "أكد")]


def test_cues_are_recognised_in_other_persons_and_tenses():
    for verb in ("أكدوا", "يؤكدون", "فأكد", "سيؤكد", "تؤكد"):
        text = f"{verb} المسؤولون أن الخطة جاهزة."
        assert claims_of(text)[0][0] == "الخطة جاهزة", verb


def test_a_short_quoted_name_is_part_of_the_speaker_not_a_claim():
    text = 'وأشاد قائد "قوة القدس" بالمقاومة، و"أدائها المتطور وقدرتها على الدفاع".'
    assert claims_of(text) == [
        ('"أدائها المتطور وقدرتها على الدفاع"', 'قائد "قوة القدس"', "direct", "أشاد")
    ]


def test_without_a_subject_the_subject_of_the_sentence_speaks():
    text = (
        'كما أجرى العميد إسماعيل قاآني اتصالاً بزياد النخالة، أشاد خلاله "بالتفوق الروحي للمقاومة".'
    )
    assert claims_of(text)[0][1] == "العميد إسماعيل قاآني"


def test_a_sentence_without_reported_speech_gives_nothing():
    assert claims_of("وكان من المقرر أن يصل الوفد أمس إلى العاصمة.") == []


def test_a_long_quotation_without_a_cue_is_a_claim_of_the_last_speaker():
    text = 'قال الوزير إن الوضع صعب. "نحن نعمل ليلاً ونهاراً من أجل الناس".'
    assert claims_of(text)[1] == ('"نحن نعمل ليلاً ونهاراً من أجل الناس"', "الوزير", "direct", None)


def test_a_title_with_a_colon_is_a_paraphrase_of_its_first_name():
    text = "قاآني في اتصال مع هنية: المقاومة غيّرت المعادلة\nنص الخبر."
    assert claims_of(text) == [("المقاومة غيّرت المعادلة", "قاآني", "paraphrase", None)]


def test_a_title_name_colon_statement_keeps_the_statement_whole_whatever_its_verbs():
    # «Name: statement» with a verb of saying inside the statement (as «عون: التحقيق … سيكشف
    # الحقيقة كاملة»): the name speaks, the whole statement is the claim, the verb is no cue.
    text = "سلمان: التحقيق في حريق الميناء سيكشف الحقيقة كاملة\nوقال سلمان إن العمل مستمر."
    assert claims_of(text) == [
        ("التحقيق في حريق الميناء سيكشف الحقيقة كاملة", "سلمان", "paraphrase", None),
        ("العمل مستمر", "سلمان", "indirect", "قال"),
    ]


def test_a_title_whose_cue_comes_before_the_colon_is_read_by_its_cue():
    text = "قال الوزير نادر: الحكومة ستعمل ليلاً ونهاراً\nنص الخبر."
    assert claims_of(text) == [("الحكومة ستعمل ليلاً ونهاراً", "الوزير نادر", "direct", "قال")]


# ------------------------------------------------------------------ known entities

QAANI = Entity("e1", "Esmail Qaani", aliases=("إسماعيل قاآني", "قاآني"))
NAKHALA = Entity("e2", "Ziyad al-Nakhalah", aliases=("النخالة",))


def test_every_mention_of_a_known_entity_is_a_speaker_spelled_any_way():
    text = "التقى اسماعيل قاانى بوفد. وقال نخالة كلاماً، ثم والنخالة غادر."
    found = detect(text, [QAANI, NAKHALA])
    assert [(text[s.start : s.end], s.entity) for s in found.speakers] == [
        ("اسماعيل قاانى", "Esmail Qaani"),
        ("نخالة", "Ziyad al-Nakhalah"),
        ("النخالة", "Ziyad al-Nakhalah"),
    ]


def test_a_known_entity_after_a_preposition_is_spoken_to_not_a_speaker():
    text = "أكد الوزير لقاآني ولـ النخالة أن الدعم مستمر."
    found = detect(text, [QAANI, NAKHALA])
    assert [text[s.start : s.end] for s in found.speakers] == ["الوزير"]


def test_a_speaker_containing_a_known_entity_gets_that_entity():
    text = "وأكد العميد قاآني أن الدعم مستمر."
    (speaker,) = detect(text, [QAANI]).speakers
    assert (text[speaker.start : speaker.end], speaker.entity) == ("العميد قاآني", "Esmail Qaani")


# ------------------------------------------------------------------ the sample article


def gold():
    path = next(seeds_dir().glob("*.gold.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_most_quotations_of_the_sample_are_found_with_their_speakers(seed_text):
    lines = gold()
    by_id = {line["id"]: line for line in lines}
    found = detect(seed_text)
    claims = {(c.start, c.end): c.speaker for c in found.claims}
    right = [
        line
        for line in lines
        if line["layer"] == "claim"
        and claims.get((line["start"], line["end"]))
        == (by_id[line["speaker"]]["start"], by_id[line["speaker"]]["end"])
    ]
    assert len(right) >= 16  # of 18


# ------------------------------------------------------------------ storing and deciding


def stored(project, document_id, annotator=SUGGESTIONS):
    return project.annotations(document_id, annotator=annotator)


def test_suggestions_are_stored_apart_from_everyone_s_work(seeded_project, seed_id):
    report = suggest(seeded_project)
    annotations = stored(seeded_project, seed_id)
    assert report.counts[seed_id] == (report.speakers, report.claims)
    assert len(annotations) == report.speakers + report.claims > 20
    assert {a.origin for a in annotations} == {"suggested"}
    assert seeded_project.status(seed_id, SUGGESTIONS) == "todo"
    claims = [a for a in annotations if a.layer == "claim"]
    assert all(a.link_id for a in claims)
    assert claims[2].attributes == {"kind": "direct", "cue": "أكد"}


def test_suggesting_again_replaces_rather_than_duplicates(seeded_project, seed_id):
    suggest(seeded_project)
    first = {(a.id, a.start, a.end, a.link_id) for a in stored(seeded_project, seed_id)}
    suggest(seeded_project, [seed_id])
    assert {(a.id, a.start, a.end, a.link_id) for a in stored(seeded_project, seed_id)} == first


def test_accepting_a_claim_copies_it_with_its_speaker_into_the_researchers_work(
    seeded_project, seed_id
):
    suggest(seeded_project)
    claim = next(a for a in stored(seeded_project, seed_id) if a.layer == "claim")
    made = accept(seeded_project, claim.id, "amal")
    mine = stored(seeded_project, seed_id, "amal")
    assert len(made) == 2 and {a.id for a in mine} == set(made)
    copy = next(a for a in mine if a.layer == "claim")
    speaker = next(a for a in mine if a.layer == "speaker")
    assert (copy.start, copy.end, copy.origin, copy.sources) == (
        claim.start,
        claim.end,
        "suggested",
        (claim.id,),
    )
    assert copy.link_id == speaker.id
    assert claim.id not in {a.id for a in pending(seeded_project, seed_id, "amal")}
    assert claim.id in {a.id for a in pending(seeded_project, seed_id, "bilal")}


def test_accepting_twice_adds_nothing_and_a_second_claim_reuses_the_speaker(
    seeded_project, seed_id
):
    suggest(seeded_project)
    claims = [a for a in stored(seeded_project, seed_id) if a.layer == "claim"]
    same_speaker = [c for c in claims if c.link_id == claims[4].link_id]
    accept(seeded_project, same_speaker[0].id, "amal")
    assert accept(seeded_project, same_speaker[0].id, "amal") == []
    made = accept(seeded_project, same_speaker[1].id, "amal")
    assert len(made) == 1


def test_accepted_suggestions_stay_decided_after_suggesting_again(seeded_project, seed_id):
    suggest(seeded_project)
    claim = next(a for a in stored(seeded_project, seed_id) if a.layer == "claim")
    accept(seeded_project, claim.id, "amal")
    suggest(seeded_project)
    assert claim.id not in {a.id for a in pending(seeded_project, seed_id, "amal")}


def test_only_suggestions_can_be_accepted(seeded_project, seed_id):
    suggest(seeded_project)
    claim = next(a for a in stored(seeded_project, seed_id) if a.layer == "claim")
    (mine,) = [a for a in stored(seeded_project, seed_id, "amal")] or [
        seeded_project.annotation(accept(seeded_project, claim.id, "amal")[-1])
    ]
    with pytest.raises(ValidationError):
        accept(seeded_project, mine.id, "bilal")
    with pytest.raises(ValidationError):
        accept(seeded_project, claim.id, SUGGESTIONS)


def test_accepting_puts_the_document_in_progress(seeded_project, seed_id):
    from annotator.core.arabic.suggest import accept, accept_all, suggest

    suggest(seeded_project, [seed_id])
    assert seeded_project.status(seed_id, "amal") == "todo"
    accept_all(seeded_project, seed_id, "amal")
    assert seeded_project.status(seed_id, "amal") == "in_progress"
    seeded_project.set_status(seed_id, "amal", "done")
    suggest(seeded_project, [seed_id])
    pending_ids = [a.id for a in seeded_project.annotations(seed_id, annotator="suggestions")]
    accept(seeded_project, pending_ids[0], "amal")
    assert seeded_project.status(seed_id, "amal") == "done"  # only a document to do moves
