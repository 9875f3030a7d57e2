"""Finding the reporting word (أكد، قال، مشيراً ...) that introduces a claim."""

import json

import pytest

from annotator.core.arabic.text import find_cue
from annotator.core.paths import seeds_dir


def gold_claims_with_window():
    """Each gold claim of the sample article with the end of the claim before it."""
    path = next(seeds_dir().glob("*.gold.jsonl"))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    claims = sorted((r for r in lines if r["layer"] == "claim"), key=lambda r: r["start"])
    previous_ends = [0] + [claim["end"] for claim in claims[:-1]]
    return [pytest.param(c, w, id=c["id"]) for c, w in zip(claims, previous_ends, strict=True)]


@pytest.mark.parametrize(("claim", "window_start"), gold_claims_with_window())
def test_each_gold_claim_of_the_sample_article_gets_its_gold_cue(seed_text, claim, window_start):
    assert find_cue(seed_text, claim["start"], window_start) == claim["cue"]


def test_a_leading_conjunction_is_not_part_of_the_cue():
    text = 'وأكد الوزير أن "الحكومة ستعمل"'
    assert find_cue(text, text.index('"')) == "أكد"


def test_a_cue_of_an_earlier_sentence_is_not_taken():
    text = 'قال الوزير كلاماً. ثم الحكومة "ستعمل"'
    assert find_cue(text, text.index('"')) is None


def test_a_two_word_cue_is_found_whole():
    text = 'معرباً عن "قلقه البالغ"'
    assert find_cue(text, text.index('"')) == "معرباً عن"
