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


# ------------------------------------------------------------------ what follows the mention


def test_a_verb_outside_the_lexicon_after_the_name_ends_the_mention():
    text = (
        "إلا أن عضو المجلس البلدي الدكتور بلال الشامي شكك في الأرقام، وقال إن الإحصاء لم يكتمل بعد."
    )
    assert speaker_of_claims(text) == ["عضو المجلس البلدي الدكتور بلال الشامي"]


def test_a_given_name_that_reads_as_a_verb_stays_before_its_family_name():
    text = "وقالت الناطقة باسم الهيئة ريم حداد في تصريح صحفي إن التسجيل سيبدأ غداً."
    assert speaker_of_claims(text) == ["الناطقة باسم الهيئة ريم حداد"]


def test_a_noun_with_a_pronoun_on_it_after_the_mention_is_its_object():
    text = "ويختم أستاذ التاريخ محاضرته بالدعوة إلى حوار وطني، مؤكداً أن الذاكرة لا تموت."
    assert speaker_of_claims(text) == ["أستاذ التاريخ"]


def test_an_adjective_of_the_pattern_afal_stays_in_the_name_of_a_body():
    text = "استنكرت جمعية الهلال الأبيض الاعتداء، وقالت في بيان إن فرقها ستواصل العمل."
    assert speaker_of_claims(text) == ["جمعية الهلال الأبيض"]


def test_after_an_comes_what_was_said_never_the_subject():
    text = (
        "وقال الوزير إن النقص كبير. ووصف الوضع بالصعب، "
        "وكشف عن حوافز مالية جديدة للعاملين في الأرياف."
    )
    assert "حوافز مالية جديدة" not in speakers_of(text)


# ------------------------------------------------------------------ cues of the lexicon


def test_hasab_without_ba_names_the_source():
    text = "وحسب شهود، غطت سحب الدخان سماء البلدات المجاورة لساعات."
    assert speaker_of_claims(text) == ["شهود"]


def test_fahasb_is_only_and_names_no_source():
    text = "لم تتضرر المباني فحسب، بل تضررت الطرق أيضاً."
    assert speakers_of(text) == []


def test_a_document_after_jaa_fi_is_the_speaker():
    text = "وجاء في التقرير أن الإنتاج تراجع بنسبة كبيرة خلال الربيع."
    assert speaker_of_claims(text) == ["التقرير"]


def test_the_subject_of_a_condemnation_speaks_the_next_cue_without_a_subject():
    text = "من جهتها، استنكرت نقابة المعلمين القرار، وقالت في بيان إن الإضراب سيستمر."
    assert speaker_of_claims(text) == ["نقابة المعلمين"]


def test_wrote_on_his_account_is_a_cue():
    text = "أما قائد الفريق سامر عيسى فكتب على حسابه: «سنعود أقوى في الموسم المقبل»."
    assert speaker_of_claims(text) == ["قائد الفريق سامر عيسى"]


def test_estimate_is_a_cue():
    text = "ويقدر الخبراء أن نصف المحصول تلف بسبب الصقيع."
    assert speaker_of_claims(text) == ["الخبراء"]


def test_a_negated_reporting_verb_says_nothing():
    text = "ولم تعلن أي جهة مسؤوليتها عن التفجير حتى الآن."
    assert detect(text).claims == () and speakers_of(text) == []


def test_one_noun_phrase_before_the_ba_of_wasafa_is_what_was_described():
    text = "وقال الوزير إن النقص كبير. ووصف الوضع في الأرياف بـ«المقلق جداً»."
    assert speakers_of(text) == ["الوزير"]
    assert speaker_of_claims(text) == ["الوزير", "الوزير"]


# ------------------------------------------------------------------ time words and adverbs


def test_a_day_after_yawm_is_not_part_of_the_speaker():
    text = "وقال الوزير سامي الخطيب يوم الخميس إن الخطة جاهزة."
    assert speaker_of_claims(text) == ["الوزير سامي الخطيب"]


def test_a_date_after_the_speaker_is_not_part_of_the_speaker():
    for date in ("في 12 مارس", "في الثالث من نيسان", "مطلع أيلول"):
        text = f"وقالت الوزيرة {date} إن الخطة جاهزة."
        assert speaker_of_claims(text) == ["الوزيرة"], date


def test_an_adverb_of_time_inside_the_title_before_the_name_is_kept():
    text = "وأكد رئيس الحكومة المكلف حديثاً مروان داغر أن التشكيلة ستعلن قريباً."
    assert speaker_of_claims(text) == ["رئيس الحكومة المكلف حديثاً مروان داغر"]


def test_an_adverb_of_time_after_the_title_without_a_name_is_left_out():
    text = "وقال الوزير المنتخب حديثاً إن الخطة جاهزة."
    assert speaker_of_claims(text) == ["الوزير المنتخب"]


# ------------------------------------------------------------------ the speaker after the claim


def test_a_cue_after_the_claim_names_its_speaker_at_the_end_of_the_sentence():
    text = "الحكومة ستطلب تمويلاً إضافياً من المانحين، قال مسؤول في وزارة المالية."
    found = detect(text)
    assert [text[c.start : c.end] for c in found.claims] == [
        "الحكومة ستطلب تمويلاً إضافياً من المانحين"
    ]
    assert speaker_of_claims(text) == ["مسؤول في وزارة المالية"]


def test_a_cue_after_a_comma_with_what_was_said_after_it_is_not_turned_back():
    text = "وصل الوفد إلى العاصمة مساء أمس، وقال رئيسه إن المحادثات ستبدأ اليوم."
    found = detect(text)
    assert [text[c.start : c.end] for c in found.claims] == ["المحادثات ستبدأ اليوم"]


def test_a_colon_at_the_end_of_a_paragraph_opens_the_quotation_of_the_next():
    text = (
        "وقال الأمين العام للنقابة خليل بوسعدة في كلمته أمام المحتشدين:\n"
        "«لقد صبرنا ثلاث سنوات على تجميد الأجور، ولن نصبر أكثر»."
    )
    assert speaker_of_claims(text) == ["الأمين العام للنقابة خليل بوسعدة"]


# ------------------------------------------------------------------ clauses around the mention


def test_a_demonstrative_before_a_title_is_part_of_the_speaker():
    text = "وأضاف هذا المسؤول أن المفاوضات مستمرة منذ أسابيع."
    assert speaker_of_claims(text) == ["هذا المسؤول"]


def test_a_clause_with_wahya_between_commas_describes_the_speaker():
    text = "وتقول سلمى الحاج، وهي طالبة في الثانوية من بلدة المنارة، إن الدروس ساعدتها."
    assert speaker_of_claims(text) == ["سلمى الحاج"]


def test_a_noun_ending_in_taa_marbuta_is_never_a_verb_of_saying():
    # «طالبة» (a student) folds like «طالبه» (he asked him).
    text = "وقالت سعاد، وهي طالبة، إن الامتحان كان سهلاً جداً."
    assert [c.cue for c in detect(text).claims] == ["قالت"]
    assert speaker_of_claims(text) == ["سعاد"]


def test_an_occasion_between_commas_after_the_speaker_is_skipped():
    text = "نفت وزارة الصحة، في بيان صدر مساء الخميس، ما تناقلته مواقع عن نقص اللقاحات."
    assert speaker_of_claims(text) == ["وزارة الصحة"]


def test_a_headline_after_two_dots_is_read_as_a_headline():
    text = "بعد الخسارة.. مدرب الفريق: أتحمل المسؤولية كاملة\nخسر الفريق المباراة أمس."
    assert speaker_of_claims(text) == ["مدرب الفريق"]


def test_the_subject_of_a_question_in_an_interview_is_not_the_speaker():
    text = (
        "وقالت الخبيرة إن الخطة جاهزة. وعما إذا كانت الحكومة تملك بديلاً، قالت: "
        "«الحكومة تملك الأفكار، لكنها تفتقر إلى التمويل»."
    )
    assert speaker_of_claims(text) == ["الخبيرة", "الخبيرة"]


def test_a_verb_inside_the_question_asked_is_not_a_cue():
    text = (
        "وقال الباحث إن المنصة مفيدة. وسألناه إن كان يرى فيها بديلاً عن المدرسة، "
        "فأجاب: «لا، هي مكملة لها فقط»."
    )
    assert speaker_of_claims(text) == ["الباحث", "الباحث"]
    assert "وسألناه إن" not in speakers_of(text)


def test_a_describing_clause_without_a_relative_pronoun_is_skipped():
    text = "وقال مصدر مطلع على المفاوضات طلب عدم الكشف عن اسمه إن الاتفاق بات قريباً."
    assert speaker_of_claims(text) == ["مصدر مطلع على المفاوضات"]
    assert [text[c.start : c.end] for c in detect(text).claims] == ["الاتفاق بات قريباً"]


def test_a_verb_after_a_plural_speaker_begins_a_clause_about_him():
    text = "وتوقع محللون اقتصاديون تحدثوا لـ«الأسواق» أن ترتفع الأسعار في الصيف."
    assert speaker_of_claims(text) == ["محللون اقتصاديون"]
    assert [text[c.start : c.end] for c in detect(text).claims] == ["ترتفع الأسعار في الصيف"]


def test_a_pronoun_names_no_one_and_the_cue_links_to_the_last_mention():
    text = "وقال الوزير فادي سلوم إن الخطة جاهزة. وقال هو إن التنفيذ يبدأ غداً."
    assert speakers_of(text) == ["الوزير فادي سلوم"]


def test_a_question_answered_is_a_circumstance_not_part_of_the_name():
    text = "وردّ المدرب يانيك فوليه على سؤال حول مستقبله بالقول إن القرار بيد الإدارة."
    assert speaker_of_claims(text) == ["المدرب يانيك فوليه"]


def test_a_relative_clause_that_says_something_speaks_for_its_antecedent():
    text = (
        "والتقى الوفد في وقت لاحق رئيس المجلس نصر الله العابد، "
        "الذي قال إن المجلس أنهى مناقشة القانون."
    )
    assert speaker_of_claims(text) == ["رئيس المجلس نصر الله العابد"]


def test_a_relative_clause_that_refers_back_to_what_was_said_is_no_claim():
    text = "وضبطت الشرطة كميات كبيرة من الوقود المهرب، والتي أعلنتها الوزارة في تقريرها."
    assert detect(text).claims == ()


def test_a_family_name_with_the_article_follows_a_compound_given_name():
    text = "وقال رئيس البلدية سعد الله الحوراني إن الطريق سيفتح غداً."
    assert speaker_of_claims(text) == ["رئيس البلدية سعد الله الحوراني"]


# ------------------------------------------------------------------ whom the speaker told


def test_an_outlet_with_lam_after_the_name_is_whom_he_told():
    text = "وقال الوزير سامي عيسى لقناة الشروق إن الخطة جاهزة."
    assert speaker_of_claims(text) == ["الوزير سامي عيسى"]


def test_a_group_of_people_with_lam_is_whom_he_told():
    for told in ("للنواب", "للحضور", "للأعضاء"):
        text = f"وأكد الوزير {told} أن الخطة جاهزة."
        assert speaker_of_claims(text) == ["الوزير"], told


def test_an_outlet_in_quotation_marks_after_the_adjectives_of_a_source_is_whom_it_told():
    for source in ("مصادر دبلوماسية", "مسؤول حكومي رفيع"):
        text = f"وأبلغ {source} «الصباح» أن الخطة جاهزة."
        assert speaker_of_claims(text) == [source], source


def test_a_name_in_quotation_marks_after_a_body_stays_in_the_mention():
    text = "وأكدت حركة «النهضة» أن الخطة جاهزة."
    assert speaker_of_claims(text) == ["حركة «النهضة»"]


def test_a_group_of_people_after_a_definite_speaker_is_whom_he_reassured():
    text = "وقال الطبيب فؤاد الحسن إن الوباء انحسر. وطمأن الحسن الأهالي بأن اللقاح آمن."
    assert speaker_of_claims(text) == ["الطبيب فؤاد الحسن", "الحسن"]


def test_the_head_of_what_he_called_on_is_not_part_of_the_speaker():
    text = "ودعا الناطق وسائل الإعلام إلى تحري الدقة، مؤكداً أن الخبر كاذب."
    assert speaker_of_claims(text) == ["الناطق"]


def test_a_group_of_people_after_a_noun_without_the_article_is_its_complement():
    text = "وقال رئيس اتحاد المزارعين إن الموسم جيد."
    assert speaker_of_claims(text) == ["رئيس اتحاد المزارعين"]


def test_a_group_of_people_after_a_cue_that_goes_on_is_whom_the_speaker_told():
    text = "وقالت الطبيبة منى سلوم إن اللقاح آمن. وطمأنت الأهالي بأن الكميات كافية."
    assert speakers_of(text) == ["الطبيبة منى سلوم"]
    assert speaker_of_claims(text) == ["الطبيبة منى سلوم", "الطبيبة منى سلوم"]


def test_a_word_inside_a_claim_is_not_the_latest_mention_of_the_speaker():
    text = (
        "وقال رئيس الاتحاد إن الموسم صعب. وتابع أن الاتحاد قدم قائمة بالمتضررين. "
        "وسأله المذيع عن الحلول، فأجاب: «نحتاج إلى جدولة الديون أولاً»."
    )
    assert speakers_of(text) == ["رئيس الاتحاد"]


def test_approving_a_decree_is_no_claim():
    text = "وكانت الحكومة قد أقرت الشهر الماضي مرسوماً بتحديد موعد الانتخابات."
    assert detect(text).claims == ()


def test_a_given_name_in_alef_maqsura_is_not_a_preposition_with_a_pronoun():
    for name in ("منى", "ليلى", "سلمى"):
        text = f"وقالت الطبيبة {name} سلوم إن اللقاح آمن."
        assert speaker_of_claims(text) == [f"الطبيبة {name} سلوم"], name


def test_the_source_after_wafqan_li_leaves_the_preposition_out():
    text = "ووفقاً لمصادر أمنية، فإن المهاجمين فروا إلى الجبال."
    assert speaker_of_claims(text) == ["مصادر أمنية"]


def test_a_statement_issued_by_a_body_is_named_whole():
    text = "وحسب بيان صادر عن وزارة النقل، فإن الطريق سيغلق يومين."
    assert speaker_of_claims(text) == ["بيان صادر عن وزارة النقل"]


def test_a_verb_after_a_definite_word_in_the_phrase_is_not_taken_for_a_name():
    text = (
        "وكشف المدير عن خطة لإعادة الهيكلة تشمل بيع الأصول إلى شركة أخرى، مؤكداً أن الأرباح ستتحسن."
    )
    assert speaker_of_claims(text) == ["المدير", "المدير"]


# ------------------------------------------------------------------ the subject of the sentence


def test_the_subject_of_a_verb_outside_the_lexicon_speaks_the_participle_after_it():
    text = (
        "وقال الوزير إن الأرقام دقيقة. في المقابل، شكك أخصائي التغذية سامر قنديل "
        "في دقة الأرقام، مشيراً إلى أن العينة صغيرة."
    )
    assert speaker_of_claims(text) == ["الوزير", "أخصائي التغذية سامر قنديل"]


def test_a_verb_with_wa_goes_on_from_the_last_speaker_and_its_noun_is_the_object():
    text = "وقال الوزير إن الأرقام دقيقة. وحمل الحكومة السابقة المسؤولية، مؤكداً أن الإصلاح بدأ."
    assert speaker_of_claims(text) == ["الوزير", "الوزير"]


def test_who_made_a_study_is_its_speaker():
    text = "كشفت دراسة أجراها فريق من كلية الزراعة أن ثلث الآبار ملوثة."
    assert speaker_of_claims(text) == ["فريق من كلية الزراعة"]


def test_a_feminine_body_after_a_masculine_verb_is_its_object():
    text = (
        "وقال الوزير إن الرسوم مرتفعة. وطالب الحكومة بخفض الرسوم، "
        "لافتاً إلى أن الدول المجاورة خفضتها."
    )
    assert speakers_of(text) == ["الوزير"]
    assert speaker_of_claims(text) == ["الوزير", "الوزير"]


def test_a_feminine_body_after_a_feminine_verb_is_its_subject():
    text = "وطالبت النقابة بخفض الرسوم، لافتة إلى أن الدول المجاورة خفضتها."
    assert speaker_of_claims(text) == ["النقابة"]


def test_a_speech_delivered_after_the_name_is_not_part_of_it():
    text = (
        "ألقى رئيس الوزراء عماد الصالحي كلمة أمام مجلس النواب، الثلاثاء، "
        "وقال: «لقد ورثنا عجزاً كبيراً»."
    )
    assert speaker_of_claims(text) == ["رئيس الوزراء عماد الصالحي"]


# ------------------------------------------------------------------ appositions and repetitions


def test_a_description_with_phrases_and_a_time_word_is_an_apposition():
    text = "وقال كمال الصباغ، رئيس غرفة التجارة في المدينة منذ عامين، إن الأسعار ستستقر."
    assert speaker_of_claims(text) == ["كمال الصباغ، رئيس غرفة التجارة في المدينة منذ عامين"]


def test_a_repeated_mention_in_narration_is_linked_whole_with_its_apposition():
    text = (
        "الروائية ليلى عودة لـ«آفاق»: الرواية العربية بخير\n"
        "في حوار مع «آفاق»، تحدثت الروائية ليلى عودة، الفائزة بجائزة النخيل للرواية هذا "
        "العام، عن تجربتها مع الكتابة.\n"
        "وقالت: «كتبت روايتي الأولى في سن الأربعين»."
    )
    assert speaker_of_claims(text) == [
        "الروائية ليلى عودة",
        "الروائية ليلى عودة، الفائزة بجائزة النخيل للرواية هذا العام",
    ]


def test_an_apposition_ending_the_sentence_after_the_claim_is_part_of_the_speaker():
    text = "«الوضع تحت السيطرة»، قال سليم داود، مدير الميناء."
    assert speaker_of_claims(text) == ["سليم داود، مدير الميناء"]


# ------------------------------------------------------------------ shapes of wire copy


def test_a_dateline_before_its_dash_is_not_the_speaker():
    text = "الميناء (وكالات) - أفادت مصادر ملاحية، مساء الاثنين، بأن السفن عادت إلى الرصيف."
    assert speaker_of_claims(text) == ["مصادر ملاحية"]


def test_a_closing_parenthesis_of_an_abbreviation_stays_in_the_name():
    text = "وتوقع صندوق التنمية الإقليمي (RDF) أن ينمو الاقتصاد العام المقبل."
    assert speaker_of_claims(text) == ["صندوق التنمية الإقليمي (RDF)"]


def test_the_source_after_tibqan_li_leaves_the_preposition_out():
    text = "وطبقاً لبيانات هيئة النقل، فإن العبارة مرخصة لنقل ثمانين راكباً فقط."
    assert speaker_of_claims(text) == ["بيانات هيئة النقل"]


def test_a_clause_with_wa_naming_the_speaker_is_skipped():
    text = "وروى أحد الناجين، ويدعى سالم عيسى، أن العبارة مالت فجأة على جانبها."
    assert speaker_of_claims(text) == ["أحد الناجين"]


def test_an_occasion_with_the_article_after_the_speaker_is_not_part_of_it():
    text = "وأضافت الشركة في البيان ذاته أن العطل نجم عن حريق في المحطة."
    assert speaker_of_claims(text) == ["الشركة"]


def test_wahwa_after_the_name_ends_the_mention():
    text = "وقال رئيس المحكمة القاضي سعيد المصري وهو يتلو الحكم: «المتهم مذنب»."
    assert speaker_of_claims(text) == ["رئيس المحكمة القاضي سعيد المصري"]


def test_a_participle_with_tanween_is_no_verb_of_saying():
    text = "وقال مصدر في الدفاع المدني، طالباً عدم ذكر اسمه، إن الغواصين انتشلوا الجثث."
    assert speakers_of(text) == ["مصدر في الدفاع المدني"]


def test_the_latter_after_a_demonstrative_is_the_speaker():
    text = "وقال هذا الأخير إن النقابة رفعت ثلاث مذكرات إلى الوزارة."
    assert speaker_of_claims(text) == ["هذا الأخير"]


def test_a_verb_with_bil_qawl_is_a_cue():
    text = "أما المدرب التونسي للفريق منذر الشابي فاكتفى بالقول: «الفريق أكبر من أي لاعب»."
    assert speaker_of_claims(text) == ["المدرب التونسي للفريق منذر الشابي"]


def test_a_state_of_the_speaker_after_a_cue_that_follows_the_claim():
    text = "سنلعب النهائي بلا خوف، قال العلوي مبتسماً وهو يغادر المنطقة المختلطة للملعب."
    assert speaker_of_claims(text) == ["العلوي"]


def test_a_verb_with_fa_before_the_cue_is_no_subject():
    text = "وقال الوزير إن الخطة جاهزة. وسئل عن الخلاف مع المالية، فضحك وقال: «نتفق في الأهداف»."
    assert speakers_of(text) == ["الوزير"]


def test_a_relative_clause_after_a_thing_names_no_speaker():
    text = "وقال الوزير إن الخطة جاهزة. وتطرق الحوار إلى قانون المياه، الذي قال إن الحكومة ستحيله."
    assert speakers_of(text) == ["الوزير"]
