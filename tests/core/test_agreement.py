"""Agreement between annotators: published values, hand-computed projects and the edge cases."""

import random

import krippendorff
import numpy as np
import pytest

from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.formats import jsonl
from annotator.core.review import agreement, agreement_parts
from annotator.core.review.agreement import compare
from annotator.core.review.measures import cohen_kappa, krippendorff_alpha
from annotator.core.review.merge import merge
from annotator.core.review.spans import pair_by_overlap
from annotator.core.schema import default_schema_text
from annotator.core.store.project import Project, TextSource
from tests.core.joint_statement import tag_joint_statement

# Krippendorff's reliability data: 4 coders x 12 units, None = missing (Krippendorff 2011,
# "Computing Krippendorff's alpha-reliability", the example with missing values).
_ = None
RELIABILITY_DATA = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

# Ten words, so spans can be given as word numbers: word 0 is «قال», word 9 is «الأمة».
WORDS = "قال القائد إن المقاومة تقف مع القدس وتدافع عن الأمة".split()
TEXT = " ".join(WORDS) + "."


def words(first, last=None):
    """The span from the start of word `first` to the end of word `last` (default: first)."""
    last = first if last is None else last
    start = sum(len(w) + 1 for w in WORDS[:first])
    end = sum(len(w) + 1 for w in WORDS[: last + 1]) - 1
    return start, end


@pytest.fixture
def article(project):
    """A project holding the ten-word article as document "doc"."""
    project.import_texts([TextSource(text=TEXT, id="doc")])
    return project


def tag(project, annotator, layer, first, last=None, document="doc", **fields):
    start, end = words(first, last)
    return project.add_annotation(document, annotator, layer, start, end, **fields)


# ----------------------------------------------------------------- published values


def test_krippendorffs_example_gives_nominal_alpha_0_743():
    figure = krippendorff_alpha(RELIABILITY_DATA, "nominal")
    assert round(figure.value, 3) == 0.743
    assert figure.n_units == 11  # unit 12 has one value only: not pairable
    assert figure.reason is None


def test_krippendorffs_example_gives_ordinal_alpha_0_815_and_interval_alpha_0_849():
    assert round(krippendorff_alpha(RELIABILITY_DATA, "ordinal").value, 3) == 0.815
    assert round(krippendorff_alpha(RELIABILITY_DATA, "interval").value, 3) == 0.849


def test_the_two_rater_table_gives_kappa_0_40():
    # 20 both yes, 5 yes/no, 10 no/yes, 15 both no: po = 0.70, pe = 0.5*0.6 + 0.5*0.4 = 0.50.
    figure = cohen_kappa([[20, 5], [10, 15]])
    assert figure.value == pytest.approx(0.40)
    assert figure.n_units == 50


def test_own_nominal_alpha_equals_the_krippendorff_package_on_random_data():
    rng = random.Random(6)
    for _round in range(20):
        data = [[rng.choice(["a", "b", "c", None]) for _unit in range(30)] for _coder in range(3)]
        coded = [[np.nan if v is None else "abc".index(v) for v in row] for row in data]
        expected = krippendorff.alpha(reliability_data=coded, level_of_measurement="nominal")
        assert krippendorff_alpha(data).value == pytest.approx(expected)


# ----------------------------------------------------------------- not defined


def test_kappa_with_one_category_only_is_not_defined():
    figure = cohen_kappa([[12, 0], [0, 0]])
    assert figure.value is None
    assert "one category only" in figure.reason
    assert figure.n_units == 12


def test_kappa_without_units_is_not_defined():
    assert cohen_kappa([[0, 0], [0, 0]]) == agreement.Figure(None, 0, "no units")


def test_alpha_with_one_category_only_is_not_defined():
    figure = krippendorff_alpha([["favor", "favor", None], ["favor", "favor", "against"]])
    assert figure.value is None
    assert "expected disagreement is 0" in figure.reason
    assert figure.n_units == 2


def test_alpha_without_pairable_units_is_not_defined():
    figure = krippendorff_alpha([[1, None], [None, 2]])
    assert (figure.value, figure.reason) == (None, "no unit has values from two annotators")


def test_alpha_of_one_annotator_is_not_defined():
    assert krippendorff_alpha([[1, 2, 3]]).reason == "fewer than two annotators"


# ----------------------------------------------------------------- pairing spans


def test_spans_are_paired_by_largest_overlap_one_to_one():
    a = [(0, 10), (12, 20)]
    b = [(5, 15), (0, 4)]
    # (0,10)-(5,15) share 5 and are paired first; (0,10)-(0,4) share 4 and (12,20)-(5,15)
    # share 3, but each needs a span already paired. Greedy, not the most pairs possible.
    assert pair_by_overlap(a, b) == [(0, 0)]


def test_an_equal_span_wins_a_tie_of_overlap():
    # (0,10) shares 10 characters with both; the equal one has the smaller union.
    assert pair_by_overlap([(0, 10)], [(0, 20), (0, 10)]) == [(0, 1)]


def test_spans_that_only_touch_are_not_paired():
    assert pair_by_overlap([(0, 5)], [(5, 9)]) == []


def brute_force_pairs(a, b):
    """The definition in README.md, over every pair of spans."""
    candidates = []
    for i, (sa, ea) in enumerate(a):
        for j, (sb, eb) in enumerate(b):
            overlap = min(ea, eb) - max(sa, sb)
            if overlap > 0:
                union = max(ea, eb) - min(sa, sb)
                candidates.append((-overlap, union, sa, sb, ea, eb, i, j))
    used_a, used_b, pairs = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def random_spans(rng, n):
    spans = []
    for _ in range(n):
        start = rng.randrange(0, 60)
        spans.append((start, start + rng.randrange(1, 12)))
    return spans


def test_the_sweep_pairs_exactly_as_the_definition():
    rng = random.Random(1)
    for _ in range(300):
        a, b = random_spans(rng, rng.randrange(0, 8)), random_spans(rng, rng.randrange(0, 8))
        pairs = pair_by_overlap(a, b)
        brute = brute_force_pairs(a, b)
        # Equal spans are interchangeable, so compare the spans paired, not their indices.
        assert sorted((a[i], b[j]) for i, j in pairs) == sorted((a[i], b[j]) for i, j in brute)


def test_compare_counts_the_pairs_of_the_definition(project):
    rng = random.Random(2)
    text = "".join(rng.choice("ابت ") for _ in range(80)).replace("  ", " ").strip() + "."
    project.import_texts([TextSource(text=text, id="doc")])
    spans = {}
    for who in ("ali", "badr"):
        spans[who] = []
        for start, end in random_spans(rng, 12):
            end = min(end, len(text))
            spans[who].append((start, end))
            project.add_annotation("doc", who, "speaker", start, end)
    report = compare(project)
    pair = report.layer("speaker").pair("ali", "badr")
    assert pair.overlap.matched == len(brute_force_pairs(spans["ali"], spans["badr"]))
    common = sum(min(spans["ali"].count(s), spans["badr"].count(s)) for s in set(spans["ali"]))
    assert pair.exact.matched == common


# ----------------------------------------------------------------- a hand-made project


@pytest.fixture
def speakers(article):
    """ali tags words 0, 3-4 and 7 as speakers; badr tags 0, 4 and 8-9.

    tokens (10):  0  1  2  3  4  5  6  7  8  9
    ali inside:   x        x  x        x
    badr inside:  x           x           x  x
    """
    tag(article, "ali", "speaker", 0, entity="Esmail Qaani")
    tag(article, "ali", "speaker", 3, 4, entity="Ismail Haniyeh")
    tag(article, "ali", "speaker", 7)
    tag(article, "badr", "speaker", 0, entity="Esmail Qaani")
    tag(article, "badr", "speaker", 4, entity="Ziyad al-Nakhalah")
    tag(article, "badr", "speaker", 8, 9)
    return article


def test_exact_span_match_of_the_hand_made_project(speakers):
    # Only word 0 is tagged alike: matched 1 of 3 each, P = R = F1 = 1/3.
    exact = compare(speakers).layer("speaker").pair("ali", "badr").exact
    assert (exact.matched, exact.only_a, exact.only_b) == (1, 2, 2)
    assert exact.precision == exact.recall == exact.f1 == pytest.approx(1 / 3)


def test_overlap_span_match_of_the_hand_made_project(speakers):
    # 3-4 overlaps 4 as well; 7 and 8-9 only touch nothing: matched 2 of 3, P = R = F1 = 2/3.
    overlap = compare(speakers).layer("speaker").pair("ali", "badr").overlap
    assert (overlap.matched, overlap.only_a, overlap.only_b) == (2, 1, 1)
    assert overlap.precision == overlap.recall == overlap.f1 == pytest.approx(2 / 3)


def test_token_kappa_of_the_hand_made_project(speakers):
    # both inside 0,4 (2); ali only 3,7 (2); badr only 8,9 (2); both outside 1,2,5,6 (4).
    # po = 6/10, pe = 0.4*0.4 + 0.6*0.6 = 0.52, kappa = (0.6 - 0.52) / 0.48 = 1/6.
    kappa = compare(speakers).layer("speaker").pair("ali", "badr").token_kappa
    assert kappa.value == pytest.approx(1 / 6)
    assert kappa.n_units == 10


def test_token_alpha_of_the_hand_made_project(speakers):
    # n = 20 values: 8 inside, 12 outside; 4 tokens disagree, so o(in,out) + o(out,in) = 8.
    # alpha = 1 - (n - 1) * 8 / (n² - 8² - 12²) = 1 - 19 * 8 / 192 = 40/192.
    alpha = compare(speakers).layer("speaker").token_alpha
    assert alpha.value == pytest.approx(40 / 192)
    assert alpha.n_units == 10
    ali = [1, 0, 0, 1, 1, 0, 0, 1, 0, 0]
    badr = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1]
    assert alpha.value == pytest.approx(krippendorff_alpha([ali, badr]).value)


def test_entity_agreement_on_the_paired_speakers(speakers):
    # Pairs: (Qaani, Qaani) and (Haniyeh, Nakhalah). po = 1/2, pe = 1*1/4, kappa = 1/3.
    # alpha: n = 4, n_c = 2, 1, 1, so 1 - 3 * 2 / (16 - 6) = 0.4.
    entity = compare(speakers).layer("speaker").pair("ali", "badr").attribute("entity")
    assert entity.kappa.value == pytest.approx(1 / 3)
    assert entity.alpha.value == pytest.approx(0.4)
    assert entity.agreement.value == pytest.approx(0.5)
    assert entity.agreement.n_units == 2
    assert entity.confusion.labels == ("Esmail Qaani", "Ismail Haniyeh", "Ziyad al-Nakhalah")
    assert entity.confusion.counts == ((1, 0, 0), (0, 0, 1), (0, 0, 0))


def test_a_role_everyone_left_at_its_default_is_not_defined(speakers):
    role = compare(speakers).layer("speaker").pair("ali", "badr").attribute("role")
    assert role.kappa.value is None and "one category only" in role.kappa.reason
    assert role.alpha.value is None and "one category only" in role.alpha.reason
    assert role.agreement.value == 1.0


@pytest.fixture
def claims(article):
    """Two speakers and two claims each; badr links the first claim to the wrong speaker,
    widens the second claim by a word, calls it direct and gives other stances."""
    israel, iran = "Israel", "Iran"
    for who in ("ali", "badr"):
        first = tag(article, who, "speaker", 0)
        second = tag(article, who, "speaker", 5)
        if who == "ali":
            one = dict(link_id=first.id, stances=[(israel, "against")])
            two = dict(last=7, link_id=second.id, stances=[(iran, "favor"), (israel, "against")])
            kinds = ("direct", "indirect")
        else:
            one = dict(link_id=second.id, stances=[(israel, "against")])
            two = dict(last=8, link_id=second.id, stances=[(iran, "against")])
            kinds = ("direct", "direct")
        tag(article, who, "claim", 1, 2, attributes={"kind": kinds[0]}, **one)
        tag(article, who, "claim", 6, attributes={"kind": kinds[1]}, **two)
    return article


def test_claim_spans_pair_by_overlap(claims):
    pair = compare(claims).layer("claim").pair("ali", "badr")
    assert (pair.exact.matched, pair.exact.f1) == (1, 0.5)
    assert (pair.overlap.matched, pair.overlap.f1) == (2, 1.0)


def test_a_claim_linked_to_the_paired_speaker_agrees(claims):
    # Claim 1: ali -> speaker 0, paired with badr's speaker 0, but badr links speaker 5.
    # Claim 2: both link speaker 5. po = 1/2, pe = (1*2)/4 = 1/2: kappa 0; alpha 1-3*2/6 = 0.
    link = compare(claims).layer("claim").pair("ali", "badr").attribute("speaker")
    assert link.agreement.value == 0.5
    assert link.kappa.value == pytest.approx(0.0)
    assert link.alpha.value == pytest.approx(0.0)
    assert link.confusion is None


def test_a_kind_from_a_colleague_with_another_schema_is_refused_at_merge(tmp_path, claims):
    # The colleague's schema has a kind "rumour": merged values are validated against ours,
    # so their file is refused whole and no category outside the schema reaches agreement.
    schema = default_schema_text().replace('"paraphrase"]', '"paraphrase", "rumour"]')
    with Project.create(tmp_path / "colleague.annotator", schema_text=schema) as theirs:
        theirs.import_texts([TextSource(text=TEXT, id="doc")])
        tag(theirs, "carl", "claim", 1, 2, attributes={"kind": "rumour"})
        tag(theirs, "carl", "claim", 6, attributes={"kind": "indirect"})
    with pytest.raises(ValidationError, match="rumour"):
        merge(claims, tmp_path / "colleague.annotator")
    assert "carl" not in claims.annotators()


def test_claim_kind_confusion(claims):
    kind = compare(claims).layer("claim").pair("ali", "badr").attribute("kind")
    assert kind.confusion.labels == ("direct", "indirect")
    assert kind.confusion.counts == ((1, 0), (1, 0))
    assert kind.kappa.value == pytest.approx(0.0)


def test_stance_values_are_compared_per_claim_and_target(claims):
    # Units: claim 1 Israel (against, against); claim 2 Iran (favor, against) and
    # Israel (against, none). po = 1/3, pe = 2*2/9, kappa = (1/3 - 4/9) / (5/9) = -0.2;
    # alpha: n = 6, n_c = 4, 1, 1: 1 - 5 * 4 / (36 - 18) = -1/9.
    stance = compare(claims).layer("claim").pair("ali", "badr").attribute("stance")
    assert stance.agreement.n_units == 3
    assert stance.kappa.value == pytest.approx(-0.2)
    assert stance.alpha.value == pytest.approx(-1 / 9)
    assert stance.confusion.labels == ("favor", "against", "(none)")
    assert stance.confusion.counts == ((0, 1, 0), (0, 1, 1), (0, 0, 0))


# ----------------------------------------------------------------- who has annotated what


def test_identical_annotators_agree_perfectly(gold_project, gold_file):
    jsonl.import_annotations(gold_project, gold_file, "badr")
    report = compare(gold_project)
    assert report.annotators == ("badr", "gold")
    for layer in report.layers:
        assert layer.token_alpha.value == 1.0
        pair = layer.pair("badr", "gold")
        assert pair.exact.f1 == pair.overlap.f1 == pair.token_kappa.value == 1.0
        for attribute in pair.attributes:
            assert attribute.agreement.value == 1.0
            assert attribute.kappa.value in (1.0, None)


def test_an_annotator_who_annotated_nothing_is_not_defined(article):
    tag(article, "ali", "speaker", 0)
    article.set_status("doc", "badr", "todo")  # badr exists but has not started
    report = compare(article)
    layer = report.layer("speaker")
    assert layer.token_alpha.value is None
    assert layer.token_alpha.reason == "badr annotated nothing"
    pair = layer.pair("ali", "badr")
    assert pair.documents == 0
    assert pair.overlap.f1 is None and pair.overlap.reason == "badr annotated nothing"
    assert pair.token_kappa.reason == "badr annotated nothing"


def test_a_document_marked_done_without_tags_counts_as_all_outside(article):
    tag(article, "ali", "speaker", 0, 1)
    article.set_status("doc", "badr", "done")
    pair = compare(article).layer("speaker").pair("ali", "badr")
    # 2 of 10 tokens inside for ali, none for badr: po = 0.8 = pe, kappa 0.
    assert pair.token_kappa.value == pytest.approx(0.0)
    assert (pair.overlap.precision, pair.overlap.recall, pair.overlap.f1) == (0.0, None, 0.0)
    assert "recall is not defined" in pair.overlap.reason


def test_a_document_someone_has_not_annotated_is_missing_not_outside(article):
    article.import_texts([TextSource(text="قال الوزير كلاماً.", id="second")])
    tag(article, "ali", "speaker", 0)
    tag(article, "badr", "speaker", 0, 1)
    tag(article, "ali", "speaker", 0, document="second")
    tag(article, "chadi", "speaker", 0, 1, document="second")
    report = compare(article)
    # Ten tokens of "doc" (ali, badr), three of "second" (ali, chadi); nobody's else is known.
    ali = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] + [1, 0, 0]
    badr = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0] + [None] * 3
    chadi = [None] * 10 + [1, 1, 0]
    alpha = report.layer("speaker").token_alpha
    assert alpha.value == pytest.approx(krippendorff_alpha([ali, badr, chadi]).value)
    assert alpha.n_units == 13
    pair = report.layer("speaker").pair("badr", "chadi")
    assert pair.token_kappa.reason == "no document annotated by both badr and chadi"
    assert pair.attribute("entity").kappa.reason == pair.token_kappa.reason
    assert report.layer("speaker").pair("ali", "chadi").documents == 1


def test_fewer_than_two_annotators_is_not_defined(article):
    tag(article, "ali", "speaker", 0)
    report = compare(article)
    assert report.reason == "fewer than two annotators to compare (only ali)"
    assert report.layer("speaker").token_alpha.value is None
    assert report.to_json(article)["reason"] == report.reason


def test_suggestions_are_not_an_annotator_to_agree_with(article):
    tag(article, "ali", "speaker", 0)
    tag(article, "badr", "speaker", 0)
    tag(article, "suggestions", "speaker", 3, origin="suggested")
    assert compare(article).annotators == ("ali", "badr")
    assert compare(article, annotators=["ali", "suggestions"]).annotators == ("ali", "suggestions")


def test_unknown_annotators_layers_and_documents_are_refused(article):
    tag(article, "ali", "speaker", 0)
    with pytest.raises(NotFoundError, match="no annotator 'zed'"):
        compare(article, annotators=["ali", "zed"])
    with pytest.raises(ValidationError, match="unknown layer 'quote'"):
        compare(article, layers=["quote"])
    with pytest.raises(NotFoundError, match="no document with id 'nope'"):
        compare(article, document_ids=["nope"])
    with pytest.raises(ValidationError, match="given twice"):
        compare(article, annotators=["ali", "ali"])


def test_only_the_chosen_layers_and_documents_are_compared(article):
    article.import_texts([TextSource(text="قال الوزير كلاماً.", id="second")])
    for who in ("ali", "badr"):
        tag(article, who, "speaker", 0)
        tag(article, who, "speaker", 0, document="second")
    report = compare(article, layers=["speaker"], document_ids=["second"])
    assert [x.layer for x in report.layers] == ["speaker"]
    assert [d.id for d in report.document_scores(article)] == ["second"]
    assert report.layer("speaker").token_alpha.n_units == 3


# ----------------------------------------------------------------- the sample article


@pytest.fixture
def colleagues(seeded_project, gold_file, seed_id, seed_text):
    """The gold file imported for ali and badr; badr then moves the start of one speaker
    mention, changes one claim's kind and one stance value."""
    for who in ("ali", "badr"):
        jsonl.import_annotations(seeded_project, gold_file, who)
    badr = seeded_project.annotations(seed_id, "badr")
    mention = next(a for a in badr if (a.layer, a.start) == ("speaker", 75))
    start = seed_text.index("العميد إسماعيل قاآني", 75)  # drop «قائد "قوة القدس" في حرس …»
    seeded_project.update_annotation(mention.id, start=start)
    claim = next(a for a in badr if (a.layer, a.start) == ("claim", 339))
    seeded_project.update_annotation(claim.id, attributes={"kind": "indirect", "cue": "أكد"})
    claim = next(a for a in badr if (a.layer, a.start) == ("claim", 915))
    seeded_project.update_annotation(
        claim.id, stances=[("Palestinian resistance", "favor"), ("Israel", "neutral")]
    )
    return seeded_project


def test_the_moved_boundary_is_an_overlap_match_but_not_an_exact_one(colleagues):
    speaker = compare(colleagues).layer("speaker").pair("ali", "badr")
    assert (speaker.exact.matched, speaker.exact.only_a, speaker.exact.only_b) == (11, 1, 1)
    assert (speaker.overlap.matched, speaker.overlap.only_a, speaker.overlap.only_b) == (12, 0, 0)
    assert speaker.attribute("entity").agreement.value == 1.0
    # The claim linked to the moved mention still links the paired mention.
    link = compare(colleagues).layer("claim").pair("ali", "badr").attribute("speaker")
    assert link.agreement.value == 1.0


def test_the_changed_kind_shows_in_its_confusion_matrix(colleagues):
    kind = compare(colleagues).layer("claim").pair("ali", "badr").attribute("kind")
    assert kind.confusion.labels == ("direct", "indirect", "paraphrase")
    assert kind.confusion.counts == ((15, 1, 0), (0, 1, 0), (0, 0, 1))
    # po = 17/18, pe = (16*15 + 1*2 + 1*1) / 18² = 0.75: kappa = 7/9.
    assert kind.kappa.value == pytest.approx(7 / 9)
    assert kind.kappa.n_units == 18


def test_the_changed_stance_value_is_one_of_21_units(colleagues):
    stance = compare(colleagues).layer("claim").pair("ali", "badr").attribute("stance")
    assert stance.agreement.n_units == 21
    assert stance.agreement.value == pytest.approx(20 / 21)
    labels = stance.confusion.labels
    assert labels == ("favor", "against", "neutral")
    assert stance.confusion.counts[labels.index("against")][labels.index("neutral")] == 1


def test_the_speaker_tokens_lose_the_dropped_words(colleagues, seed_text):
    report = compare(colleagues)
    kappa = report.layer("speaker").pair("ali", "badr").token_kappa
    assert kappa.n_units == len(agreement_parts.word_tokens(seed_text)[0])
    assert 0 < kappa.value < 1
    assert report.layer("claim").token_alpha.value == 1.0


# ----------------------------------------------------------------- documents and JSON


def test_documents_are_listed_hardest_first(article):
    article.import_texts([TextSource(text="قال الوزير كلاماً جديداً.", id="second")])
    for who in ("ali", "badr"):
        tag(article, who, "speaker", 0)
    tag(article, "ali", "speaker", 0, document="second")
    tag(article, "badr", "speaker", 2, 3, document="second")
    documents = list(compare(article, layers=["speaker"]).document_scores(article))
    assert [d.id for d in documents] == ["second", "doc"]
    assert documents[0].lowest < documents[1].lowest == 1.0
    (scores,) = documents[0].layers
    (a, b, overlap) = scores.overlap[0]
    assert (a, b, overlap.matched, overlap.only_a, overlap.only_b) == ("ali", "badr", 0, 1, 1)


def test_the_json_structure_has_a_key_per_layer_and_measure(claims):
    data = compare(claims).to_json(claims)
    assert list(data) == [
        "annotators",
        "pairs",
        "documents_compared",
        "reason",
        "layers",
        "documents",
    ]
    assert data["annotators"] == ["ali", "badr"] and data["pairs"] == [["ali", "badr"]]
    assert list(data["layers"]) == ["speaker", "claim"]
    claim = data["layers"]["claim"]
    assert list(claim) == ["token_alpha", "pairs"]
    assert claim["token_alpha"].keys() == {"value", "n_units", "reason"}
    (pair,) = claim["pairs"]
    assert list(pair) == ["a", "b", "documents", "span", "token_kappa", "attributes"]
    assert list(pair["span"]) == ["exact", "overlap"]
    assert " ".join(pair["span"]["overlap"]) == "matched only_a only_b precision recall f1 reason"
    assert list(pair["attributes"]) == ["speaker", "kind", "stance"]
    assert " ".join(pair["attributes"]["kind"]) == "kappa alpha agreement n_units confusion"
    assert pair["attributes"]["kind"]["confusion"] == {
        "labels": ["direct", "indirect"],
        "counts": [[1, 0], [1, 0]],
    }
    (document,) = data["documents"]
    assert list(document) == ["id", "title", "lowest", "layers"]
    assert list(document["layers"]["claim"]) == ["token_alpha", "pairs"]
    assert list(document["layers"]["claim"]["pairs"][0]) == ["a", "b", "overlap"]


def test_every_figure_row_carries_its_unit_count(speakers):
    rows = compare(speakers, layers=["speaker"]).rows()
    assert [(r.measure, r.n_units) for r in rows[:4]] == [
        ("token alpha", 10),
        ("span exact F1", 5),
        ("span overlap F1", 4),
        ("token kappa", 10),
    ]


def test_a_joint_statement_tagged_alike_agrees_on_its_links(seeded_project, seed_id):
    # One quotation, two claims (one per speaker), tagged by both in opposite orders.
    tag_joint_statement(seeded_project, seed_id, "ali", reverse=False)
    tag_joint_statement(seeded_project, seed_id, "badr", reverse=True)
    claims = compare(seeded_project).layer("claim").pair("ali", "badr")
    assert (claims.exact.matched, claims.exact.f1) == (2, 1.0)
    assert claims.attribute("speaker").agreement.value == 1.0
    assert claims.attribute("stance").agreement.value == 1.0
    assert claims.attribute("stance").agreement.n_units == 3
