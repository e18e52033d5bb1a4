"""English attribution rules tuned on the real-news dev split (issue 14), on sentences we wrote."""

import pytest

from framing.annotate.attribution import attribute


def speaker(text):
    return attribute(text, "en").source


@pytest.mark.parametrize("text, expected", [
    ("Haddad, however, said the border would stay closed.", "Haddad"),
    ("Port officials for three weeks denied any delay.", "Port officials"),
    ("The council memo Tuesday says the budget is short.", "The council memo"),
    ("Our grandparents clearly said the river was cleaner.", "Our grandparents"),
    ("Dr. Lina Farah, director-general of the agency, has said the plan is sound.", "Dr. Lina Farah"),
    ("A second source, who is close to the talks, told us the deal was near.", "A second source"),
    ("His lawyer, Omar Said, told reporters the case was weak.", "His lawyer, Omar Said"),
    ("Haddad, a rival of the mayor and head of the union, the city’s largest employer, said the vote was rigged.",
     "Haddad"),
    ("The nurse apologized for the delay.", "The nurse"),
    ("The ministry is not a party to the case, but said it would follow it closely.", "The ministry"),
    ("Her plan was costly, though she claimed it would pay for itself.", "she"),
])
def test_english_speaker_spans(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, quote_type", [
    ('We have never hidden anything," the spokeswoman said.', "direct"),   # the sentence opens inside a quote
    ("The report said in part: “The delays trace back to a shortage of parts", "direct"),  # left open
    ("In his statement to the committee, he will say:", "direct"),
    ('When Lee insisted that she had, Park then "dared" her to say so.', "indirect"),  # a scare quote
])
def test_english_quote_type(text, quote_type):
    assert attribute(text, "en").quote_type == quote_type


def test_speaker_not_taken_from_inside_an_unopened_quote():
    got = attribute('I never said that," he added.', "en")
    assert (got.source, got.cue, got.form) == ("he", "added", "pronoun")


def test_english_quoted_title_is_not_the_speakers_words():
    # a quotation announced as a title, slogan or term names something: indirect
    text = 'The mayor said the festival would run under the slogan "One City for All" this year.'
    assert attribute(text, "en").quote_type == "indirect"
    text = 'The mayor said the festival would be "a celebration for every street" this year.'
    assert attribute(text, "en").quote_type == "direct"


@pytest.mark.parametrize("text, expected", [
    # one quoted lower-case word inside the reported clause is the speaker's own word (guide §5)
    ("The inspector said the repairs had been “sloppy” from the start.", "direct"),
    # ... unless the sentence gives it to someone else
    ("The coach said he was not a “quitter,” as his critics have called him.", "indirect"),
    # a single capitalized word is a name
    ("The coach said the team would train at “Riverside” next week.", "indirect"),
])
def test_english_one_word_quotations(text, expected):
    assert attribute(text, "en").quote_type == expected


@pytest.mark.parametrize("text, expected, quote_type", [
    # a straight mark after the cue opens the quotation; it does not close one
    ('The coach said, "We trained hard all week."', "The coach", "direct"),
    ('Lee added, "Nobody told us about the delay.', "Lee", "direct"),
    # names with an apostrophe are names, not a contraction or a possessive
    ("O’Brien later confirmed to the panel that the memo was real.", "O’Brien", "indirect"),
    ("Moreover, the Qur’an says: “Be just, even against yourselves.”", "the Qur’an", "direct"),
    # a pronoun quoted in the passive
    ('"I would do it again," she was quoted as saying.', "she", "direct"),
    # the capitalized cue first, the speaker after it
    ('Says the harbor master, "No ship leaves tonight."', "the harbor master", "direct"),
    ("Said Dana Ruiz, founder of the food bank:", "Dana Ruiz", "direct"),
    # "went on" with the speaker's words after it
    ("Ruiz went on, “The shelves were empty by noon.”", "Ruiz", "direct"),
    # a one-word reply opening the sentence is the speaker's own word
    ("“Certainly,” the envoy said, nodding.", "the envoy", "direct"),
    ("Tomorrow,” the mayor tweeted.", "the mayor", "direct"),
    # straight single marks around words, and the speaker after them in a headline
    ("Port strike is 'entirely avoidable' says union leader", "union leader", "direct"),
    ("'We never agreed to that,' the driver added.", "the driver", "direct"),
])
def test_english_quotation_marks_and_inversions(text, expected, quote_type):
    found = attribute(text, "en")
    assert (found.source, found.quote_type) == (expected, quote_type)


@pytest.mark.parametrize("text", [
    "The strike went on, \"unabated\" as one paper put it.",   # a scare quote after "went on"
    "Said to be the oldest bridge in town, it was closed.",    # "Said" with no speaker after it
])
def test_english_cues_that_voice_nobody(text):
    assert attribute(text, "en").source is None


@pytest.mark.parametrize("text, expected", [
    # a manner adverb is not part of the speaker; a lone adverb segment gives way to the subject
    ("Lee inexplicably claimed that the bridge was safe.", "Lee"),
    ("The envoy, a veteran of many talks, cheerfully recalled the failed summit.", "The envoy"),
    # a participle phrase after the head noun (the guide: "the audit published in March")
    ("A former sailor pardoned by the governor says he will sue the state.", "A former sailor"),
    ("A Reuters witness traveling with the convoy said the road was closed.", "A Reuters witness"),
    ("The lawsuit filed in March says the company hid the losses.", "The lawsuit"),
    # ... but not a name's own verb, and "according to" is no participle
    ("Kelly said the plan was sound.", "Kelly"),
    # a time phrase after "according to" a count
    ("According to a vote count late Tuesday, the mayor won.", "a vote count"),
])
def test_english_adverbs_participles_and_time_after_the_speaker(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Don’t forget that that’s what Lee said.", None),                        # "what X said": no content (guide §2.1)
    ("The lawyers know what Lee said the plan would cost.", "Lee"),           # "what X said" with content
    ("Hasn't the mayor already said that?", "the mayor"),                     # a leading auxiliary
    ("The claims were rejected by city officials, who said the report was wrong.", "city officials"),  # the agent
    ("If six years ago she told the doctor, the story changed.", "she"),      # a pronoun ends the phrase
    ("It just says the man was known.", "It"),
    ("The report doesn’t even say the man was known.", "The report"),
    ("This is what is now being said in the city.", None),                    # a passive: nobody speaks
])
def test_english_speaker_is_the_subject_of_the_cue(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the cue ends the sentence: the phrase after the last comma speaks, however long the clause before
    ("She locked the door, then walked to the car and saw the window was broken, the report says.", "the report"),
    # a sentence wholly inside someone's quotation: the attribution inside it (guide §5)
    ("“Lee said the river would rise. Nobody listened to him.”", "Lee"),
    ("“Ortiz has said he is opposed to the new tax.", "Ortiz"),
])
def test_english_trailing_cue_and_quoted_sentence(text, expected):
    assert speaker(text) == expected


def test_a_quoted_sentence_without_a_cue_has_no_speaker():
    assert speaker("“We will win this race.”") is None


@pytest.mark.parametrize("text", [
    "I wrote about the flood in the valley last year.",                  # a topic, not what was said
    "Ruiz reported from the border town.",
    "At the end of his post, he adds a link to another report.",
    "It was the first time I read what the council itself said about its rules.",  # a free relative
])
def test_english_topic_only_cues_voice_nobody(text):
    assert attribute(text, "en").source is None


@pytest.mark.parametrize("text, expected", [
    ("Lee wrote on Twitter that the plan was dead.", "Lee"),
    ('"Every child deserves a chance," Ruiz wrote on her blog Sunday.', "Ruiz"),
])
def test_english_cues_with_content_after_a_place(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # verbs that are cues only with a that-clause (guide: beliefs and evidence with a proposition)
    ("I trust that the new board will not ignore the report.", "I"),
    ("Federal records show that the firm was cited 55 times.", "Federal records"),
    ("Insiders tell us that the deal is close.", "Insiders"),
    ("I hope so.", None),
    ("The photos show a large crowd.", None),
    # more reporting verbs
    ("Executives across the industry believed he was in the running.", "Executives across the industry"),
    ("Parent Ana Lee recounted: “I saw the assignment.”", "Parent Ana Lee"),
])
def test_english_cues_with_a_that_clause(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the head noun phrase, without what follows it (guide §3.2), after "according to" and after a quotation too
    ("According to an interview transcript released Monday night by the committee, the talks failed.", "an interview transcript"),
    ("According to the redacted version as reported by a local paper, the talks failed.", "the redacted version"),
    ("All of the bank employees I interviewed said the rules were clear.", "All of the bank employees"),
    ("Lee’s lawsuit now says the platform hid the loss.", "Lee’s lawsuit"),
    ('"The road is closed," said a Harbor News witness traveling with the convoy.', "a Harbor News witness"),
])
def test_english_head_noun_phrase_everywhere(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title with its organisation, a comma, then the name: kept whole (guide §3.1), before or after the cue
    ("“We have enough wire,” the head of the Northern Command, Terrence Lee, told reporters.",
     "the head of the Northern Command, Terrence Lee"),
    ("The head of the city’s water board, Ana Ruiz, said the pipes were safe.", "The head of the city’s water board, Ana Ruiz"),
])
def test_english_title_with_organisation_then_name(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "who" after a preposition's object: that noun speaks
    ("The suit came a year after police answered a call from a woman who said she saw a theft.", "a woman"),
    # a comma appositive before "who" keeps the name (the rules for appositives)
    ("Ana Ruiz, the teacher who says she was fired, spoke to the board.", "Ana Ruiz"),
])
def test_english_who_after_a_prepositional_object(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, quote_type", [
    # a quoted name or title is not the speaker's words (guide §5)
    ("A student says he was mocked for wearing a “Save the Harbor” hat.", "indirect"),
    ("He also told “Morning Report” on Wednesday that the plan was ready.", "indirect"),
    ("The minister said the plan was “dead on arrival”.", "direct"),
])
def test_english_quoted_names_and_titles(text, quote_type):
    assert attribute(text, "en").quote_type == quote_type


@pytest.mark.parametrize("text, expected", [
    # a trailing report or "the sources" only relays a person's own cue (guide §2.3)
    ("She told officers that her husband had “forced himself on her,” the report said.", "She"),
    ("The council told residents it had “no money left,” the sources said.", "The council"),
    # a person named after the quotation still voices it
    ('Lee reported that the trial was over: "We are done," the judge said.', "the judge"),
])
def test_english_messenger_after_a_quotation(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a second, coordinated cue takes the subject of its clause, after leading adverbials or a label
    ("In the process, however, he misnamed the suspect and said the fire started in the kitchen.", "he"),
    ("WATCH: Angry student pours her drink on the speaker and says they are “enabling hate”.", "Angry student"),
    ("Noor is not related to the officer, but said that he has met him before.", "Noor"),
])
def test_english_coordinated_cue_takes_its_clause_subject(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text", [
    "If reporters cannot work according to these rules, there is no option left.",  # rules, not a source
    "According to the new criteria, the patient must prove he is sick.",
    "The council met twice, and officials haven't said whether the plan was approved.",  # nothing is said
    "She told no one about the attack until years later.",
])
def test_english_no_source_in_rules_or_unsaid_things(text):
    assert attribute(text, "en").source is None


def test_english_according_to_gives_way_to_the_quoted_speaker():
    # "According to X, “Y ... said ...”": Y speaks (guide §2.2)
    text = "According to the paper, “Lee, who described the cell as dark, said he was told by guards to keep quiet.”"
    assert speaker(text) == "Lee"


@pytest.mark.parametrize("text, expected", [
    # a sentence whose only closing mark ends it is wholly quoted: its own cue counts
    ("‘I accept the letter and he will stay on,’ Ryan, R-Wis., said in a statement Thursday.”", "Ryan"),
    # a capitalized transcript label speaks, not a cue inside its words
    ("LEE: They said, the board said that the deal was fine, so why was it stopped?", "LEE"),
])
def test_english_wholly_quoted_line_and_transcript_label(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Skip in Skip x Embed x Share CLOSE Russian President Ivan Lee says the talks went well.", "Russian President Ivan Lee"),
    ("Part of the reason Lombardo said he can’t rule out terrorism is the man’s past.", "Lombardo"),
    # an embedded question gives way to the main clause's cue
    ("The congressman wasn’t sure why the group wrote that he had been misquoted, and said he was surprised.",
     "The congressman"),
    ("The city’s suit filed Tuesday says the ban violates the law.", "The city’s suit"),
    # ", who insist" after "X has become a person of interest to investigators": the investigators
    ("Lee has become a person of intense interest to state investigators, who insist that she lied.",
     "state investigators"),
])
def test_english_more_speaker_boundaries(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The story broke after Ms. Ruiz, ranking member of the committee, said she would refer it.", "Ms. Ruiz"),
    ("Patel agreed to bring it, but two days later he told the clerk he had lost it.", "he"),
    ("When Arnold complained, the professor said they would look at the grade again.", "the professor"),  # a reaction
    ("The campaign responded — spokesman Rick Lee said on radio that the deal was off.", "spokesman Rick Lee"),
    ("He made it clear that he wants the job, they said, though others were asked too.", "He"),  # "they" relays
])
def test_english_reactions_relays_and_names_after_a_clause(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a parenthetical cue: the phrase between the commas speaks, not the host clause's subject
    ("Mr. Lee, the mayor noted, earned a reputation as a reformer.", "the mayor"),
    ("Sam Hale, a lawyer for the family, said the plan was sound.", "Sam Hale"),
])
def test_english_parenthetical_cue(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, quote_type", [
    ("Lee tweeted after the vote closed: Today proves what I always said.", "direct"),  # a phrase, then a colon
    ("At noon, an officer tells a dispatcher that it’s ‘‘all quiet right now,’’ then leaves.", "direct"),  # doubled single marks
])
def test_english_more_direct_quotations(text, quote_type):
    assert attribute(text, "en").quote_type == quote_type


@pytest.mark.parametrize("text, expected", [
    # a noun ending in -s is no verb, and the time phrase after the subject is left out
    ("The city's official news agency on Friday carried a brief statement and reported that the mayor had left.",
     "The city's official news agency"),
    ("The harbor's main news channel last week aired a short report and said the port would reopen.",
     "The harbor's main news channel"),
])
def test_subject_of_a_coordinated_cue(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, speaker", [
    # a phrase that opens with a preposition, a conjunction, a relative pronoun or a verb is no speaker
    ("In fact, unless the dean – who has, as of this writing, remained silent – comes forward and says that he "
     "never saw the memo, the case is closed.", None),
    ("The mayor portrayed herself as a builder, sounding a theme her campaign had emphasized in recent weeks.", None),
    ("The senator has long been critical of the plan, but he has never made his case so starkly, nor condemned "
     "his colleagues so clearly.", None),
    # a clause with a finite verb is no speaker
    ("Nadia Ruiz is one of several prominent council members who have already announced their candidacy.", None),
    ("There have been quiet efforts by local groups to encourage the mayor -- who has not yet revealed her "
     "plans -- to run again.", None),
    # an inverted "said" stays the cue, the noun phrase after it the speaker
    ("“Everything depends now on the council,” said a senior harbor official who was quoted in a weekly magazine.",
     "a senior harbor official"),
])
def test_no_clause_or_phrase_is_taken_for_a_speaker(text, speaker):
    assert attribute(text, "en").source == speaker


@pytest.mark.parametrize("text", ["+1+1 said the committee.", "2031 said the committee.", "*** said the committee."])
def test_a_span_without_letters_is_no_speaker(text):
    assert attribute(text, "en").source is None
