"""A joint statement (two speakers, one quotation) tagged as a researcher does: press C on the
quotation once per speaker, and each claim is linked to a speaker of its own."""

import pytest

from annotator.core.bidi import plain
from annotator.core.store.project import TextSource

JOINT = 'قال الرئيس ووزير الخارجية إن "المفاوضات ستستمر حتى التوصل إلى اتفاق".'
FIRST, SECOND = "الرئيس", "وزير الخارجية"
QUOTE = "المفاوضات ستستمر حتى التوصل إلى اتفاق"


@pytest.fixture
def joint(project, workbench):
    """The joint statement's article open, both speakers tagged."""
    (document_id,) = project.import_texts([TextSource(text=JOINT, source="joint.txt")]).added
    workbench.open_document(document_id)
    speakers = {}
    for words in (FIRST, SECOND):
        start = JOINT.index(words)
        speakers[words] = workbench.tag("speaker", start, start + len(words))
    return speakers


def tag_quote(workbench):
    start = JOINT.index(QUOTE)
    return workbench.tag("claim", start, start + len(QUOTE))


def test_the_first_claim_on_the_quotation_links_the_nearest_speaker(workbench, joint):
    claim = tag_quote(workbench)
    assert workbench.annotation(claim).link_id == joint[SECOND]


def test_tagging_the_quotation_again_links_the_other_speaker(workbench, joint):
    first, second = tag_quote(workbench), tag_quote(workbench)
    links = {workbench.annotation(first).link_id, workbench.annotation(second).link_id}
    assert links == {joint[FIRST], joint[SECOND]}
    assert workbench.project.verify() == []


def test_a_third_tag_once_each_speaker_has_its_claim_is_refused_with_a_message(workbench, joint):
    tag_quote(workbench)
    tag_quote(workbench)
    messages = []
    workbench.error.connect(messages.append)
    assert tag_quote(workbench) is None
    assert len(messages) == 1 and "already tagged this span as claim" in plain(messages[0])
    assert workbench.project.annotation_count(workbench.document_id, "amal") == 4
