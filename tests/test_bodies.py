"""A question asking for a business is not answered by a court, a regulator or a legislature."""

from __future__ import annotations

from qa import bodies
from qa.short_answer import NOT_THE_KIND, Asked, extract


def test_a_business_question_is_told_from_others() -> None:
    assert bodies.asks_for_private_body("Which company made the prepared foods linked to the outbreak?")
    assert bodies.asks_for_private_body("Which dating app is laying off hundreds of workers?")
    assert bodies.asks_for_private_body("Which of the following companies cut 9,000 jobs?")
    assert not bodies.asks_for_private_body("Which country hosted the talks?")
    assert not bodies.asks_for_private_body("Who founded the company?")
    # A university, a hospital, a team: not a public body either.
    assert bodies.asks_for_private_body("Which US university announced it will ban transgender women from its teams?")
    assert bodies.asks_for_private_body("Which Premier League club unveiled plans for a new stadium?")
    assert not bodies.asks_for_private_body("Which school board voted to ban the book?")


def test_a_public_body_is_named_by_what_it_is_or_by_its_spelled_out_initials() -> None:
    assert bodies.public_body("Supreme Court") and bodies.public_body("Federal Communications Commission")
    assert not bodies.public_body("Fresh & Ready Foods LLC") and not bodies.public_body("Meta")
    assert bodies.public_body("International Emergency Economic Powers Act")  # a law, not a company
    said = ["The FDA said the Food and Drug Administration and the CDC are investigating."]
    assert bodies.public_body("FDA", said)
    assert not bodies.public_body("FDA")  # nothing read spells it out
    assert not bodies.public_body("BBC", ["the British Broadcasting Corporation"])  # a company


def test_a_company_question_is_answered_by_the_company_not_the_regulator() -> None:
    question = "Which company made the prepared foods linked to the listeria outbreak?"
    sentence = ("The FDA said May 10 that it is investigating the outbreak linked to prepared foods "
                "produced by Fresh & Ready Foods LLC, of San Fernando, California.")
    asked = Asked.of(question)
    assert asked.fit("FDA", texts=[sentence + " The Food and Drug Administration said so."]) == ("FDA", NOT_THE_KIND)
    span = extract(question, [sentence, "The Food and Drug Administration (FDA) named no other maker."], [1.0, 0.5])
    assert span is not None and span.text == "Fresh & Ready Foods LLC"
    # Asked for a regulator, a regulator answers.
    agency = extract("Which agency is investigating the outbreak?", [sentence], [1.0])
    assert agency is not None and agency.text == "FDA"


def test_a_university_question_is_answered_by_the_university_not_the_court() -> None:
    question = "Which US university announced it will ban transgender women from its women's sports teams?"
    sentences = ["The Supreme Court agreed to hear the bans on transgender athletes, and the University of "
                 "Pennsylvania announced it will ban transgender women from its teams."]
    span = extract(question, sentences, [1.0])
    assert span is not None and span.text == "University of Pennsylvania"
    assert Asked.of(question).fit("Supreme Court") == ("Supreme Court", NOT_THE_KIND)


def test_a_company_question_is_answered_by_the_company_not_the_law() -> None:
    question = "Which large company recently sued the Trump administration over tariffs?"
    sentences = ["During nearly three hours of debate, Supreme Court justices questioned whether Trump has the "
                 "power to impose sweeping tariffs on most imports using the 1977 International Emergency "
                 "Economic Powers Act.", "Costco sued the administration on Monday over the tariffs it paid."]
    span = extract(question, sentences, [1.0, 0.6])
    assert span is not None and span.text == "Costco"


def test_a_team_asked_for_is_not_a_league_or_an_event() -> None:
    """"Which team...?" is not answered by the league or the game the story names beside
    the teams ("NFL", "Super Bowl", "NBA Finals"), though it stands nearer the question's
    words; a team's own name is none of those."""
    from tests.test_ask import read_text

    assert bodies.league_or_event("NFL") and bodies.league_or_event("Super Bowl")
    assert bodies.league_or_event("NBA Finals") and bodies.league_or_event("Premier League")
    assert bodies.league_or_event("All-NBA")  # an honour, not a team
    assert not bodies.league_or_event("Kansas City Chiefs") and not bodies.league_or_event("Inter Miami")
    assert bodies.asks_for_team({"team"}) and not bodies.asks_for_team({"compani"})
    game = ["The Otters will host the Herons on Sunday for a spot in the Coastal Bowl, the league said.",
            "The winner plays in the NFL title game two weeks later."]
    assert read_text("Which team will the Otters face for a spot in the Coastal Bowl?", game) == "Herons"
    showcase = ["The title game, an NFL showcase, pits the Otters against the Herons on Sunday."]
    assert read_text("Which team will the Otters face in the title game?", showcase) == "Herons"
