"""Attribution rules written on the fresh r6 draw (issue 14), each on sentences we wrote."""

import pytest

from framing.annotate.attribution import attribute, attribute_sentences


@pytest.mark.parametrize("text, expected", [
    # a circumstantial participle after the subject is not part of it
    ('وقال الرئيس مخاطباً أنصاره: "لن نتراجع عن هذا الطريق أبدا".', "الرئيس"),
    # "في" with an indefinite noun and a "ل" phrase tells why it spoke, not who it is
    ("قال الوزير في محاولة لطمأنة المستثمرين «إن الاقتصاد بخير ولن يتأثر».", "الوزير"),
    # a weekday after the verb is when it spoke: the subject is before the verb
    ('لكن المتحدث باسم الوزارة سامي خليل قال الخميس إن "الهدف هو حماية المدنيين".', "المتحدث باسم الوزارة سامي خليل"),
    # "لهم" after the verb is whom it spoke to; "ولكن" opens the clause of the subject
    ('ويبحث السكان عن علاج ولكن الطبيب كريم عادل يقول لهم: "لا يوجد علاج حتى الآن".', "الطبيب كريم عادل"),
    # an outlet after the speaker is the addressee
    ("وقالت مصادر أمنية مطلعة للأناضول إن القوات انسحبت من المدينة.", "مصادر أمنية مطلعة"),
    ("وقال مسؤول حكومي لرويترز إن المحادثات ستستأنف.", "مسؤول حكومي"),
    # a subject set off by a comma before the verb
    ("مصادر عسكرية مطلعة، أكدت لـ «الشروق» أن القوات وصلت إلى الحدود.", "مصادر عسكرية مطلعة"),
    ("المصدر المطلع، أكد أيضاً وجود ضباط كبار بين القوات.", "المصدر المطلع"),
    # ... but not a time phrase or a lead
    ("يوم الأحد، أعلنت الوزارة أن المدارس ستغلق.", "الوزارة"),
    ("من جهته، قال الوزير إن الخطة جاهزة.", "الوزير"),
    # "لـ" before a quoted outlet name written with a closing mark
    ("النائب السابق عن المدينة سامي العبد أكد لـ”الشروق” أن “السبب الرئيسي هو غياب الدعم”.",
     "النائب السابق عن المدينة سامي العبد"),
    # "علّق X، Name، قائلا": the comment verb is the cue, the name after the comma belongs to the title
    ("وعلّق الخبير الاقتصادي، سامر حداد، قائلاً: «لا أعتقد أن الأسعار ستنخفض قريبا».", "الخبير الاقتصادي، سامر حداد"),
    # "بيّن" (explained) before "أن", not "between"
    ("وزير الزراعة الأسبق الدكتور رضا سالم بين أن كلمة الملك جاءت شاملة.", "وزير الزراعة الأسبق الدكتور رضا سالم"),
    ("وبين الوزير أن الخطة جاهزة للتنفيذ.", "الوزير"),
    ("وقع اتفاق بين الطرفين في العاصمة.", None),
    # an indefinite head with its nisba adjectives before a present-tense cue
    ("مسؤول أمني لبناني كبير يقول إن الانفجار نتج عن مواد مخزنة.", "مسؤول أمني لبناني كبير"),
    # a coordinated description after a quoted name is not the name
    ("وقال عضو المجلس الوطني «خالد منصور» والمقرب من الرئيس، إن المشروع سيكتمل العام المقبل.",
     "عضو المجلس الوطني «خالد منصور»"),
    # whom a member represents belongs to the speaker
    ("وقال السيناتور عن ولاية كنتاكي إن المجلس مصمم لتفادي الانفعالات.", "السيناتور عن ولاية كنتاكي"),
    # an "according to" source keeps the sentence when the later verb is its own relative clause ...
    ('وكان والده يطلق عليه اسم "طارق"، بحسب الصحافي اليمني سامي علي الذي كتب سيرة الزعيم.', "الصحافي اليمني سامي علي"),
    # ... and gives way to a later cue with its own subject, "وفق ما ذكرت X" too
    ("ووفق ما ذكرت مجلة محلية، فإن التكهنات اتسعت، حيث رجح معلقون سياسيون في المدينة بأن الأزمة ستطول.",
     "معلقون سياسيون في المدينة"),
    ("وفقا لما ذكرته تقارير صحفية محلية، والتى قالت إن المدرب سيعود قريبا.", "تقارير صحفية محلية"),
    # a live blog's time stamp before the subject; "يتعهد" (pledges) is a cue
    ('21:13 رئيس الوزراء يتعهد بمحاسبة "المسؤولين عن الكارثة" ويقول: "سنكشف الحقائق كاملة".', "رئيس الوزراء"),
    # "أدان" (condemned) reports a stance
    ('كما أدانت مصر الهجوم، واعتبرته "اعتداء سافرا على السيادة".', "مصر"),
    # a dash written against the word closes a parenthesis; a dash inside a name does not
    ("ويقدر عدد السكان بنحو مليونين -وذلك وفقا للمرصد الوطني- ويتجه إلى الارتفاع.", "للمرصد الوطني"),
    ("وأفادت السلطات المحلية لجهة طنجة- تطوان أن الطريق أغلق.", "السلطات المحلية لجهة طنجة- تطوان"),
])
def test_arabic_speaker_spans(text, expected):
    assert attribute(text, "ar").source == expected


def test_arabic_addressee_after_the_verb_leaves_the_speaker_implicit():
    found = attribute('وبدلاً من ذلك، قال لأنصاره: "عودوا إلى بيوتكم بسلام".', "ar")
    assert (found.source, found.form, found.quote_type) == (None, "implicit", "direct")


def test_arabic_participle_opening_a_sentence_continues_the_speaker():
    found = attribute_sentences(["وقال النائب سامي فؤاد إن الهجمات تصاعدت في المحافظة.",
                                 "داعيا الحكومة إلى التدخل وكشف الحقائق كاملة."], ["ar", "ar"])
    assert (found[1].source, found[1].cue, found[1].form) == (None, "داعيا", "implicit")
    assert found[1].resolved == "النائب سامي فؤاد"


@pytest.mark.parametrize("text, expected", [
    # a middle initial does not end the name after the cue
    ("“The bill is a disaster,” said House Speaker John A. Boehner.", "House Speaker John A. Boehner"),
    ("“It is over,” said F. Ann Lee, the head of the group.", "F. Ann Lee"),
    # a coordinated verb whose subject opens with a possessive
    ("Earlier, her campaign manager Ann Lee addressed supporters in Boston and said several states were close.",
     "her campaign manager Ann Lee"),
    # an opening participle phrase is not the subject of the coordinated verbs
    ("Following Levin's rebuttal, Lee seemed to reverse course and claimed she never made a diagnosis.", "Lee"),
    # "have since", "had for decades" between the subject and the cue
    ("Authorities have since said they don't plan to bring charges.", "Authorities"),
    ("Warren, who grew up in Oklahoma, had for decades claimed to have Native heritage.", "Warren"),
    # a curly single quotation before an inverted cue
    ("‘On the cross,’ wrote Paul, ‘the powers were disarmed.’", "Paul"),
    # "wrote a biography" in an appositive names a work: the later cue speaks
    ("Sharaf ad-Din Ali, a Persian historian who wrote a biography of the king, observed that “the book is clear.”",
     "Sharaf ad-Din Ali"),
    ("She wrote a book about the war.", None),
    # "tweeted this image" gives no words: the later cue of the same subject carries them
    ("Rick Perry tweeted this image out from his account, and then tweeted this: “A tweet just went out.”", "Rick Perry"),
    # "with Cruz as well, who said": the person before the adverb
    ("Arroyo spoke with Cruz as well, who said he was “incredibly frustrated” by the decision.", "Cruz"),
    # an opening participle phrase with no comma before the name
    ('Speaking at the start of the service Dean Stephen Ford said: "She broke barriers."', "Dean Stephen Ford"),
    # a participle cue after the main clause takes its subject
    ("Lee blasted the plan on stage last week, noting that the city had sacrificed nothing.", "Lee"),
    ("She spoke at length about the economy, noting that her father had run a shop.", "She"),
    ("The mayor seems pleased with the work so far, noting the “beautiful” new bridge.", "The mayor"),
    # a progressive's auxiliary is not part of the subject
    ("Ford is accusing the nominee of groping her at a party.", "Ford"),
    # telling the truth reports no words
    ("Orban then did what most leaders will not do, he told the truth about migration.", None),
    # an outlet in brackets opening the sentence is a dateline
    ("(CNN) Ann Lee, a Texas woman who says she sold the car to the gunman, was arrested Friday.", "Ann Lee"),
    # where the speaker spoke is not part of it
    ("“The patterns are unmistakable,” said Mrs. Lee in a speech at the university.", "Mrs. Lee"),
    # "was quoted in X as saying": the speaker is before the cue, the outlet is where
    ("The president was quoted in a British newspaper as saying his country could not consider the request.",
     "The president"),
    # an opening participle's object is no cue
    ("Reprising comments from a day earlier, Ryan said: “This is a process.”", "Ryan"),
    # "according to figures provided by X"
    ("The vice president held 70 events, according to figures provided by the party.", "the party"),
    # a possessive appositive before a relative clause: the name
    ('Ann Lee, Lee\'s daughter, who presented the award, said, "This award matters."', "Ann Lee"),
    # a surname ending in -ing is no participle
    ("Toensing said she also holds memos that recount how officials threatened her client.", "Toensing"),
    # abbreviations do not end the source of "according to"
    ("The employee had the symptoms until April, according to the U.S. State Department.", "the U.S. State Department"),
    # an acronym in brackets is part of the speaker
    ("Immigration and Customs Enforcement (ICE) officials announced this week that the raid led to 232 arrests.",
     "Immigration and Customs Enforcement (ICE) officials"),
    # a possessed relation, a comma and the name stay together; a description set before the subject does not
    ("Lee's grandfather, John Feins, said in a telephone interview that the job was her first.", "Lee's grandfather, John Feins"),
    ("In response to a question, the county sheriff, Joe Lombardo, said federal authorities are investigating.",
     "the county sheriff, Joe Lombardo"),
    ("The daughter of a preacher and a librarian, Mr. Leahy said that Ms. Lynch represents the American dream.", "Mr. Leahy"),
    # a link before the speaker is not part of it
    ("I see why he was fired pic.twitter.com/A4vIpUCX8R CNN’s Ann Lee reported that the deputy was fired.", "CNN’s Ann Lee"),
    # a hyphenated name part is no preposition
    ("South Korean President Moon Jae-in said Monday that he will push for peace.", "South Korean President Moon Jae-in"),
    # "..., and the X said": a new clause with its own subject
    ("The guest list has not been made public and the prince's press team said invitations were not sent.",
     "the prince's press team"),
    ("Smith and Jones said the plan would work.", "Smith and Jones"),
    # "had publicly" before the cue; "As of Wednesday" is no name
    ("As of Wednesday, eight women had publicly reported that the senator groped them.", "eight women"),
])
def test_english_speaker_spans(text, expected):
    assert attribute(text, "en").source == expected


def test_no_module_level_name_of_the_rules_is_defined_twice():
    """Two rules once shared a name and the later silently replaced the earlier one."""
    import ast
    import collections
    from pathlib import Path

    import framing.annotate.attribution as package

    for path in Path(package.__file__).parent.glob("*.py"):
        names = collections.Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names[node.name] += 1
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        assert [n for n, k in names.items() if k > 1] == [], path.name


@pytest.mark.parametrize("sentences, expected", [
    # "according to X, Y ...": the next "she" is the clause's subject, not the source
    (["Lee was named as a candidate for the post.",
      "However, according to the newspaper, Lee isn't interested in the position.",
      "She says she is happy in her current job."], "Lee"),
    # "she" is not a group
    (["Prosecutors said the timing suggests the pair knew of the inquiry, which a spokeswoman for the mayor told us was secret.",
      "“The staff asked to keep their passwords until February,” she said."], "a spokeswoman"),
    # names inside a quotation running on from the sentence before are not who speaks
    (["Rep. Ann Lee (D-CA), chair of the committee, called for transparency.",
      "“Smith’s inquiry began as a review of the campaign.",
      "By law, that evidence must be shared with our committee,” he said."], "Rep. Ann Lee (D-CA)"),
    # a bracketed party tag keeps a person a person
    (["Rep. Ann Lee (D-CA) told reporters on Tuesday that the House paid $15 million.",
      "“We do know there is about $15 million,” she said."], "Rep. Ann Lee (D-CA)"),
])
def test_english_resolution(sentences, expected):
    assert attribute_sentences(sentences, ["en"] * len(sentences))[-1].resolved == expected


@pytest.mark.parametrize("text, expected", [
    # a question or an interjection right after "said," is the speaker's own words
    ("My client said, what happened?", "direct"),
    ("And he said, Oh let not the king be angry, and I will speak.", "direct"),
    ("He said, however, that the plan would fail.", "indirect"),
])
def test_english_words_after_said_and_a_comma(text, expected):
    assert attribute(text, "en").quote_type == expected


@pytest.mark.parametrize("text, cue", [
    # an agentless passive cue with what is said after it: implicit, and nobody is guessed
    ("The mayor is accused of fraud and has resigned.", "is accused"),
    ("The surge of arrivals was said to be the result of the drought.", "was said"),
    ("As has been widely reported, three bishops issued a statement.", "been widely reported"),
    ("Staff were told that the office would close.", "were told"),
    ("Lee is reported to have met the envoy twice.", "is reported"),
])
def test_english_agentless_passive_is_implicit(text, cue):
    found = attribute_sentences(["Ann Lee, the council leader, said the budget was balanced.", text], ["en", "en"])[-1]
    assert (found.source, found.cue, found.form, found.resolved) == (None, cue, "implicit", None)


@pytest.mark.parametrize("text", [
    "It should be noted that the protests were a response.",   # the writer's own remark
    "The shooting was reported shortly after he took the stage.",  # an event reported
    "He was told to leave the building.",                      # an order
    "Two men were charged with murder on Friday.",             # a legal act
    "The boy was reported missing on Monday.",
])
def test_english_passives_that_report_nothing(text):
    assert attribute(text, "en").form == "none"


@pytest.mark.parametrize("text, expected", [
    # a quotation opening right after the cue is the speaker's words, cut short or not
    ("When asked about the delay, Lee said, “Sen.", "direct"),
    # a cue with a short time or place phrase ending the sentence in a comma: the words follow
    ("ICE Deputy Director Ann Lee said in a statement Tuesday,", "direct"),
    ("He said the vote, which was close, was fair,", "indirect"),
])
def test_english_words_that_follow_the_cue(text, expected):
    assert attribute(text, "en").quote_type == expected


@pytest.mark.parametrize("text, expected", [
    # "X: words" opening a headline or a news account's tweet: X speaks, direct
    ("رئيس الحكومة اللبنانية سامي فؤاد: البلاد بلغت حافة الانهيار", "رئيس الحكومة اللبنانية سامي فؤاد"),
    ("الخارجية المصرية: أكدنا ضرورة وقف التصعيد", "الخارجية المصرية"),
    ("RT @USER الدفاع المدني: الألعاب النارية خطر على الأطفال", "الدفاع المدني"),
    ("#عاجل | الرئيس التونسي: تراب ليبيا امتداد لتراب تونس", "الرئيس التونسي"),
    ("الحريري: لن أشكل الحكومة إلا كما يريدها الناس", "الحريري"),
    ("الباحث السياسي سامي علي لـTRT عربي: من يتحدث عن الحل واهم", "الباحث السياسي سامي علي"),
    ("العميد سامي فؤاد عبر شاشة القناة: الشعب لا يخضع لأي تهديد", "العميد سامي فؤاد"),
    ("مراسلنا: القوات تنشر دبابات في بعض شوارع المدينة", "مراسلنا"),  # "تنشر دبابات": deploys, no cue
    ("#الرئيس: ما تقوله الدول الغربية لا يساوي شيئا", "الرئيس"),  # what others say, quoted by the label
    ("د. سامي فؤاد: استقرار الإشغال في المستشفيات", "د. سامي فؤاد"),
    ("علي سالم رئيس لجنة السياحة بغرفة تجارة وصناعة المدينة: الموسم واعد", "علي سالم رئيس لجنة السياحة بغرفة تجارة وصناعة المدينة"),
    # a rubric before the colon, or a label then someone else's attribution, is no speaker
    ("نواة في دقيقة : الأسلاك الشائكة تقطع الطريق", None),
    ("الطقس: أمطار غزيرة على المناطق الشمالية", None),
    ("وسائل إعلام محلية: مسؤول أمني لبناني كبير يقول إن الانفجار نتج عن مواد مخزنة.", "مسؤول أمني لبناني كبير"),
    # "يهدد" with an object and no words is "endangers"; with "ب" or a colon it is a threat
    ("اقتتال الميليشيات يهدد العاصمة الليبية", None),
    ("وتهدد الحكومة بضرب المنشآت إذا استمر القصف", "الحكومة"),
])
def test_arabic_headline_lines(text, expected):
    assert attribute(text, "ar").source == expected


def test_arabic_colon_after_a_verb_second_cue_is_direct():
    found = attribute("استشاري أمراض القلب يحذر: هذه الأطعمة تزيد من الخطر", "ar")
    assert (found.source, found.quote_type) == ("استشاري أمراض القلب", "direct")
    assert attribute("الرئيس: سنواصل العمل", "ar").quote_type == "direct"
