"""What the suggestions cost, counted rather than timed: each written word is analysed by
Tashaphyne once however often the article repeats it; the indexes the rules ask instead of
reading every claim, speaker, mention, sentence and word answer as reading them all would;
suggesting again writes only the suggestions that changed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import clitics
from annotator.core.arabic.reported_speech import _Mention, _Mentions, detect, sentence_spans
from annotator.core.arabic.speech_article import _Article, _Spans, quotations
from annotator.core.arabic.suggest import SUGGESTIONS, suggest
from annotator.core.arabic.text import QUOTE_PAIRS, is_word_char
from annotator.core.model import Entity
from annotator.core.paths import seeds_dir

SAMPLE = (seeds_dir() / "000_41ac67127a0642cf.txt").read_text(encoding="utf-8")


def test_a_repeated_word_is_analysed_by_tashaphyne_once():
    clitics._readings.cache_clear()
    for _ in range(50):
        clitics.looks_like_verb("شكك")
        clitics.pronoun_suffixed("شككه")
    # «شكك» once (both questions read it), «شكك» as the stem of «شككه» is the same word.
    assert clitics._readings.cache_info().misses == 1


def test_an_article_repeated_ten_times_needs_no_more_analyses_than_once():
    clitics._readings.cache_clear()
    detect(SAMPLE)
    once = clitics._readings.cache_info().misses
    assert once > 0
    detect("\n".join([SAMPLE] * 10))
    assert clitics._readings.cache_info().misses == once


def test_the_rules_read_the_same_article_the_same_way_on_each_run():
    first = detect("\n".join([SAMPLE] * 3))
    clitics._readings.cache_clear()
    assert detect("\n".join([SAMPLE] * 3)) == first


spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=40,
)
# Long spans (more than `_Spans._LONG` characters) are kept apart: mix some in.
long_spans = st.lists(
    st.tuples(st.integers(0, 9000), st.integers(4097, 6000)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(spans, long_spans, st.integers(-10, 15000), st.integers(0, 80))
def test_the_span_index_answers_as_reading_every_span(short, long, start, length):
    index = _Spans()
    for span in short + long:
        index.add(*span)
    every = short + long
    end = start + length
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in every)
    assert index.holds(start) == any(s <= start < e for s, e in every)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(1, 6)), max_size=15),
    st.integers(0, 120),
    st.integers(0, 120),
)
def test_the_mentions_are_found_by_position_as_reading_every_one(gaps, position, other):
    found, at = [], 0
    for n, (gap, size) in enumerate(gaps):  # in reading order, none overlapping
        found.append(_Mention(at + gap, at + gap + size, f"e{n % 3}"))
        at += gap + size
    mentions = _Mentions(found)
    start, stop = min(position, other), max(position, other)
    assert mentions.at(position) == next((m for m in found if m.start <= position < m.end), None)
    assert mentions.inside(start, stop) == next(
        (m for m in found if start <= m.start and m.end <= stop), None
    )
    assert mentions.starting(start, stop) == [m for m in found if start <= m.start < stop]
    before = [m for m in found if m.end <= position]
    assert mentions.last_before(position) == (before[-1] if before else None)


# Texts of the characters the cutting reads: letters with tashkeel, digits, quotation marks of
# every kind, sentence ends, commas, spaces and line breaks.
texts = st.text(alphabet=list('قال ٢3.!؟…،\n\t\u00a0«»“”„"‘’‹›ـًّ:'), max_size=120)


def _quotations_by_walking(text: str) -> list[tuple[int, int, int]]:
    """The quotations as a walk over every character pairs their marks (the definition)."""
    found, stack, paragraph_start = [], [], True
    for i, ch in enumerate(text):
        if ch == "\n":
            stack = [(mark, at) for mark, at in stack if mark != '"']
            paragraph_start = True
            continue
        if paragraph_start and not ch.isspace():
            paragraph_start = False
            if stack and stack[-1][0] == ch and ch in "«“„":
                continue  # the quotation goes on in a new paragraph
        if ch == '"':
            straight = [n for n, (mark, _) in enumerate(stack) if mark == '"']
            if straight:
                found.append((stack[straight[-1]][1], i + 1, straight[-1]))
                del stack[straight[-1] :]
            else:
                stack.append((ch, i))
        elif ch in "«“„‘‹":
            stack.append((ch, i))
        elif ch in "»”’›":
            for n in range(len(stack) - 1, -1, -1):
                if QUOTE_PAIRS[stack[n][0]] == ch:
                    found.append((stack[n][1], i + 1, n))
                    del stack[n:]
                    break
    return sorted(found)


def _sentences_by_walking(text: str) -> list[tuple[int, int]]:
    """The sentences as a walk over every character finds them (the rules' definition)."""
    top = [(s, e) for s, e, level in quotations(text) if level == 0]
    spans, start, i = [], 0, 0
    while i < len(text):
        quote = next(((s, e) for s, e in top if s <= i < e), None)
        if quote is not None and text[i] != "\n":
            i = quote[1]
            continue
        decimal = text[i] == "." and 0 < i < len(text) - 1 and text[i + 1].isdigit()
        if (text[i] in ".!?؟…" and not decimal) or text[i] == "\n":
            spans.append((start, i))
            start = i + 1
        i += 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _words_by_walking(text: str) -> list[tuple[int, int]]:
    words, position = [], 0
    while position < len(text):
        if is_word_char(text[position]):
            stop = position
            while stop < len(text) and is_word_char(text[stop]):
                stop += 1
            words.append((position, stop))
            position = stop
        else:
            position += 1
    return words


@settings(max_examples=300, deadline=None)
@given(texts)
def test_quotations_sentences_and_words_are_cut_as_a_walk_over_every_character_cuts_them(
    text,
):
    assert quotations(text) == _quotations_by_walking(text)
    assert sentence_spans(text) == _sentences_by_walking(text)
    assert [(w.start, w.end) for w in _Article(text).words] == _words_by_walking(text)


def test_suggesting_again_stores_only_what_changed(seeded_project, seed_id):
    project = seeded_project
    suggest(project, [seed_id])
    first = {a.id: a for a in project.annotations(seed_id, annotator=SUGGESTIONS)}
    suggest(project, [seed_id])
    again = {a.id: a for a in project.annotations(seed_id, annotator=SUGGESTIONS)}
    assert again == first  # the same suggestions, not one of them written again
    assert {a.revision for a in again.values()} == {1}
    # Now the rules know «هنية»: the mentions of him change (their entity), the rest stays.
    project.add_entity(Entity("e-haniyeh", "إسماعيل هنية", aliases=("هنية",)))
    suggest(project, [seed_id])
    third = {a.id: a for a in project.annotations(seed_id, annotator=SUGGESTIONS)}
    changed = {i for i in third if i not in first or third[i] != first[i]}
    named = {i for i, a in third.items() if a.entity is not None}
    assert named and named <= changed
    assert changed < set(third)  # most were kept as they were
    for i in set(third) - changed:
        assert third[i].revision == first[i].revision == 1
