"""Speaker mentions' exact boundaries (issue 16): one composed sentence (invented names) per
kind of boundary error, with the mention a researcher following the README's convention
would tag. Each failed on the rules before the fix of its kind."""

from annotator.core.arabic.reported_speech import detect


def speakers_of(text):
    return [text[s.start : s.end] for s in detect(text).speakers]


def speaker_of_claims(text):
    """The speaker text of every suggested claim, in reading order."""
    found = detect(text)
    return [text[c.speaker[0] : c.speaker[1]] if c.speaker else None for c in found.claims]


# ------------------------------------------------------------------ a phrase inside the title


def test_a_prepositional_phrase_inside_a_title_stays_when_a_name_follows_it():
    text = "ووصف الأمين العام للرابطة نزار الخوالدة القرار بـ«الخطوة المتسرعة التي تضر الجميع»."
    assert speakers_of(text) == ["الأمين العام للرابطة نزار الخوالدة"]


def test_a_foreign_name_after_the_title_phrase_is_kept_before_an_accusative():
    text = (
        "ظهر المدرب الجديد لفريق الصقور الإسباني روبرتو فيغا هادئاً في المؤتمر الصحفي، "
        "وقال إن فريقه يحتاج إلى الوقت."
    )
    assert speaker_of_claims(text) == ["المدرب الجديد لفريق الصقور الإسباني روبرتو فيغا"]


def test_a_title_of_a_person_after_the_phrase_begins_the_name():
    text = "وقال رئيس نادي الشروق للفروسية المهندس غسان منيف إن السباق سيقام في موعده."
    assert speaker_of_claims(text) == ["رئيس نادي الشروق للفروسية المهندس غسان منيف"]


def test_a_family_name_with_lam_after_a_given_name_is_not_an_addressee():
    text = "وأكد المدير غسان لبيب أن المصنع سيعود إلى العمل."
    assert speaker_of_claims(text) == ["المدير غسان لبيب"]


def test_an_outlet_in_quotation_marks_inside_the_title_stays_before_the_name():
    text = "وقالت المديرة العامة لـ«مرجان» هند الساعدي: «سنفتتح فرعين جديدين هذا العام»."
    assert speaker_of_claims(text) == ["المديرة العامة لـ«مرجان» هند الساعدي"]


def test_an_outlet_in_quotation_marks_without_a_name_after_it_is_whom_he_told():
    text = "وقال مدير المرفأ في المدينة الدكتور سالم الحايك لـ«الصباح» إن الرصيف سيفتتح."
    assert speaker_of_claims(text) == ["مدير المرفأ في المدينة الدكتور سالم الحايك"]


def test_a_representative_for_a_body_keeps_the_body_before_his_name():
    text = "بدوره، رأى النائب عن كتلة النهضة سليمان الطحان أن الموازنة غير واقعية."
    assert speaker_of_claims(text) == ["النائب عن كتلة النهضة سليمان الطحان"]
