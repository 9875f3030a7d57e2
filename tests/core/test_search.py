"""Searching Arabic text spelled any way: hits are exact code-point ranges of the original."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic.search import (
    DocumentHits,
    FoldedText,
    SearchIndex,
    SearchOptions,
    compile_query,
    find_all,
    fold,
    search_text,
)
from annotator.core.store.project import TextSource

TEXT = "وأكّد العميد قاآني أنَّ القرار اكـــد أكد"


def found(text, query, **options):
    return [text[s:e] for s, e in search_text(text, query, SearchOptions(**options))]


def test_a_query_without_hamza_finds_the_word_with_hamza_shadda_and_tatweel():
    assert found(TEXT, "اكد") == ["أكّد", "اكـــد", "أكد"]


def test_a_hit_covers_the_diacritics_of_its_last_letter():
    assert found("أنَّ", "ان") == ["أنَّ"]


def test_each_folding_is_a_toggle():
    assert found(TEXT, "اكد", hamza=False) == ["اكـــد"]
    assert found(TEXT, "أكد", tashkeel=False) == ["اكـــد", "أكد"]
    assert found(TEXT, "اكد", tatweel=False) == ["أكّد", "أكد"]


def test_final_ya_and_ta_marbuta_match_their_plain_letters():
    assert found("على مدرسة", "علي مدرسه") == ["على مدرسة"]
    assert found("على", "علي", final_letters=False) == []


def test_arabic_indic_and_latin_digits_match_each_other():
    assert found("عام ٢٠٢٤ و۲۰۲۳", "2024") == ["٢٠٢٤"]
    assert found("عام 2023", "٢٠٢٣") == ["2023"]
    assert found("عام ٢٠٢٤", "2024", digits=False) == []


def test_latin_case_is_ignored_unless_asked():
    assert found("Hamas and HAMAS", "hamas") == ["Hamas", "HAMAS"]
    assert found("Hamas and HAMAS", "hamas", case=False) == []


def test_whole_words_skips_hits_inside_longer_words():
    assert found("أكد وأكدت", "اكد", whole_words=True) == ["أكد"]


def test_the_article_can_be_ignored_both_ways():
    text = "الكتاب كتاب"
    assert found(text, "كتاب", article=True, whole_words=True) == ["كتاب", "كتاب"]
    assert found(text, "الكتاب", article=True, whole_words=True) == ["الكتاب", "كتاب"]
    assert found(text, "الكتاب", whole_words=True) == ["الكتاب"]


def test_proclitics_can_be_ignored_and_stay_outside_the_hit():
    text = "وكتاب بكتاب فكتاب لكتاب ككتاب كتابة"
    hits = found(text, "كتاب", proclitics=True, whole_words=True)
    assert hits == ["كتاب"] * 5


def test_a_prefix_the_query_spells_stays_in_the_hit():
    text = "بالمقاومة المقاومة"
    assert found(text, "المقاومة", article=True, proclitics=True, whole_words=True) == [
        "المقاومة",
        "المقاومة",
    ]


def test_several_words_match_across_any_whitespace():
    assert found("قوة\n  القدس", "قوة القدس") == ["قوة\n  القدس"]


def test_a_ligature_of_presentation_forms_matches_its_letters():
    assert found("ﻻ", "لا") == ["ﻻ"]


def test_invisible_marks_do_not_break_a_word():
    assert found("أك\u200cد", "اكد") == ["أك\u200cد"]


def test_a_query_of_only_diacritics_or_spaces_finds_nothing():
    assert found(TEXT, " \u064e ") == []
    assert compile_query("  ") is None


def test_regex_characters_in_a_query_are_plain_letters():
    assert found("(أ+ب)", "(ا+ب)") == ["(أ+ب)"]


# ------------------------------------------------------------------ properties

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
WORDS = st.text(alphabet=LETTERS, min_size=1, max_size=6)


@st.composite
def decorated(draw, word):
    """A word written with random tashkeel and tatweel after its letters."""
    out = []
    for letter in word:
        out.append(letter)
        out.append(draw(st.text(alphabet=MARKS + "\u0640", max_size=2)))
    return "".join(out)


@st.composite
def article_and_query(draw):
    words = draw(st.lists(WORDS, min_size=1, max_size=12))
    written = [draw(decorated(w)) for w in words]
    text = draw(st.sampled_from([" ", "، ", "\n"])).join(written)
    query = draw(st.sampled_from(words))
    return text, query


@settings(max_examples=300, deadline=None)
@given(article_and_query())
def test_every_hit_maps_back_to_a_slice_whose_folding_equals_the_querys(case):
    text, query = case
    options = SearchOptions()
    spans = search_text(text, query, options)
    assert spans, "the query is a word of the text, so it must be found"
    for start, end in spans:
        assert fold(text[start:end], options) == fold(query, options)
        assert end == len(text) or text[end] not in MARKS + "\u0640"


@settings(max_examples=200, deadline=None)
@given(article_and_query())
def test_hits_are_exactly_the_occurrences_in_the_folded_text(case):
    text, query = case
    options = SearchOptions()
    folded = FoldedText(text, options).text
    assert len(search_text(text, query, options)) == folded.count(fold(query, options))


@settings(max_examples=200, deadline=None)
@given(article_and_query(), st.booleans(), st.booleans())
def test_ignoring_prefixes_only_adds_hits(case, article, proclitics):
    text, query = case
    plain = set(search_text(text, query, SearchOptions(whole_words=True)))
    loose = SearchOptions(whole_words=True, article=article, proclitics=proclitics)
    assert plain <= set(search_text(text, query, loose))


# Ligatures (ﻻ is لا, ﷲ is الله) fold to several letters; emoji take two UTF-16 units.
PIECES = st.sampled_from(["\ufefb", "\ufdf2", "\U0001f600", "Ab", "١٢"])


@st.composite
def article_with_ligatures(draw):
    text, query = draw(article_and_query())
    parts = text.split(" ")
    for _ in range(draw(st.integers(0, 4))):
        parts.insert(draw(st.integers(0, len(parts))), draw(PIECES))
    query = draw(st.sampled_from([query, query[:1], "ل", "لا", "الله", "ا ل"]))
    return " ".join(parts), query


@settings(max_examples=250, deadline=None)
@given(article_with_ligatures(), st.booleans(), st.booleans(), st.booleans())
def test_lazy_hits_are_the_hits_of_a_full_search_and_a_window_gives_those_meeting_it(
    case, article, proclitics, whole_words
):
    text, query = case
    options = SearchOptions(article=article, proclitics=proclitics, whole_words=whole_words)
    folded, compiled = FoldedText(text, options), compile_query(query, options)
    every = find_all(folded, compiled) if compiled else []
    hits = DocumentHits("d", folded, compiled)
    assert [(h.start, h.end) for h in hits] == every
    assert len(hits) == len(every)
    assert [(hits[n].start, hits[n].end) for n in range(len(every))] == every
    for start in range(0, len(text) + 1, 3):
        end = start + 4
        window = [(n, h.start, h.end) for n, h in hits.between(start, end)]
        meeting = [(n, s, e) for n, (s, e) in enumerate(every) if e > start and s < end]
        assert window == meeting
    for n, (s, e) in enumerate(every):
        assert hits.index_of(s, e) == n


def test_a_one_letter_search_makes_no_hit_until_one_is_read():
    text = "قال المتحدث إن الاتفاق تم. " * 2000
    hits = DocumentHits("d", FoldedText(text), compile_query("ا"))
    assert len(hits) == 12000 and hits.made == 0  # «إن» too: hamza is ignored
    window = hits.between(5000, 5100)
    assert {text[h.start : h.end] for _, h in window} == {"ا", "إ"}
    assert 0 < hits.made <= len(window) + 2


# ------------------------------------------------------------------ a project


@pytest.fixture
def three_articles(project):
    project.import_texts(
        [
            TextSource(text="أكّد الوزير أن الحكومة", source="a.txt"),
            TextSource(text="لا شيء هنا", source="b.txt"),
            TextSource(text="وقال الرئيس، ثم اكد", source="c.txt"),
        ]
    )
    return project


def test_a_project_search_finds_hits_in_every_document_in_import_order(three_articles):
    hits = SearchIndex(three_articles).search("اكد")
    assert [(h.document_id, h.text) for h in hits] == [("a", "أكّد"), ("c", "اكد")]
    assert three_articles.text("a")[hits[0].start : hits[0].end] == "أكّد"


def test_a_project_search_can_be_limited_to_documents_and_a_number_of_hits(three_articles):
    index = SearchIndex(three_articles)
    assert [h.document_id for h in index.search("اكد", document_ids=["c"])] == ["c"]
    assert len(index.search("اكد", limit=1)) == 1


def test_documents_imported_after_the_first_search_are_searched_too(three_articles):
    index = SearchIndex(three_articles)
    assert len(index.search("اكد")) == 2
    three_articles.import_texts([TextSource(text="أكدت", source="d.txt")])
    assert [h.document_id for h in index.search("اكد")] == ["a", "c", "d"]
