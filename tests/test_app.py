"""The Streamlit app through streamlit.testing.v1.AppTest: ask, filters, upload, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ingest
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.slow
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory, real_embedder) -> Path:
    from qa.settings import Settings

    d = tmp_path_factory.mktemp("app") / "data"
    ingest.run([ingest.SAMPLE_ARCHIVE, SEED], Settings(data_dir=d), embedder=real_embedder)
    return d


@pytest.fixture
def env(monkeypatch, sample_dir: Path) -> Path:
    for k in ("NEWSQA_LLM_BASE_URL", "OPENAI_API_KEY", "NEWSQA_LLM_API_KEY", "NEWSQA_CHROMA_URL"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(sample_dir))
    return sample_dir


def ask(at: AppTest, question: str) -> AppTest:
    at.text_input(key="question").input(question)
    at.button[0].click()  # the form's submit button
    return at.run(timeout=120)


def page_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(i.value for i in at.info)


def test_ask_shows_answer_sources_and_history(env) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert "Extractive (offline)" in " ".join(c.value for c in at.sidebar.caption)
    at = ask(at, "Who claimed the Kerman attack?")
    assert not at.exception and not at.error
    text = page_text(at)
    assert "ISIL" in text and "[1]" in text and "<mark>" in text
    assert "ISIL claims responsibility for the Kerman bombings" in text or "US warned Iran" in text
    assert any("**Q:** Who claimed the Kerman attack?" in c.value for c in at.code)
    at = ask(at, "What is the melting point of tungsten?")
    assert "does not contain an answer" in page_text(at)
    assert any(e.label == "Who claimed the Kerman attack?" for e in at.expander)  # history


def test_a_short_answer_the_reader_is_unsure_of_is_said_to_be_withheld(env) -> None:
    at = ask(AppTest.from_file(APP, default_timeout=120).run(), "Which team did Shohei Ohtani sign with?")
    assert not at.exception and not at.error
    captions = " ".join(c.value for c in at.caption)
    assert captions.count("not sure enough") == 1 and "American League" not in page_text(at).split("\u201c")[0]
    at = ask(at, "Who claimed the Kerman attack?")  # written: the page says so no more than before
    assert " ".join(c.value for c in at.caption).count("not sure enough") == 1 and "ISIL" in page_text(at)


def test_a_short_answer_from_other_days_than_the_question_names_is_said_to_be_withheld(env) -> None:
    """Asked "this week" with no as-of date, the sample's 2024 stories are from other days:
    the claim is quoted, but "ISIL" is not written as this week's answer, and the page
    says why (not that newsqa is unsure of it)."""
    at = ask(AppTest.from_file(APP, default_timeout=120).run(), "Who claimed the Kerman attack this week?")
    assert not at.exception and not at.error
    captions = " ".join(c.value for c in at.caption)
    assert "No short answer: nothing dated in the days the question names gives one" in captions, captions
    assert "not sure enough" not in captions
    text = page_text(at)
    assert "claimed responsibility" in text and not text.lstrip().startswith("ISIL [1]")


def test_as_of_filter_in_the_sidebar(env) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.checkbox(key="use_asof").check().run()
    at.sidebar.date_input(key="as_of").set_value(__import__("datetime").date(2023, 12, 31)).run()
    at = ask(at, "Who claimed the Kerman attack?")
    text = page_text(at)
    assert "does not contain" in text or "2024-01" not in text  # nothing from January 2024 is used


def test_an_as_of_date_before_the_range_is_an_error_on_the_page(env) -> None:
    from datetime import date

    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.checkbox(key="use_range").check().run()
    at.sidebar.date_input(key="range").set_value((date(2024, 1, 1), date(2024, 12, 31))).run()
    at.sidebar.checkbox(key="use_asof").check().run()
    at.sidebar.date_input(key="as_of").set_value(date(2023, 12, 31)).run()
    at = ask(at, "Who claimed the Kerman attack?")
    assert not at.exception
    assert any("No day to search" in e.value and "2023-12-31" in e.value for e in at.error), [e.value for e in at.error]


def test_upload_reports_summary_and_rejections(env, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "fresh"))
    good = json.dumps({"title": "Ferry service resumes", "text": "The island ferry service resumed on Monday "
                       "after three weeks of repairs to the harbour pier, the operator said."})
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio(key="page").set_value("Archive").run()
    at.file_uploader(key="upload").set_value([("a.jsonl", f"{good}\n{{broken\n".encode(), "application/json")])
    at.run()
    at.button(key="ingest").click().run(timeout=120)
    assert not at.exception
    assert any("Added 1" in s.value and "rejected 1" in s.value for s in at.success)
    assert at.warning and at.dataframe
    at.sidebar.radio(key="page").set_value("Archive").run()
    assert any(str(m.value) == "1" for m in at.metric if m.label == "Articles")


def test_empty_archive_and_hostile_titles_are_safe(env, tmp_path, monkeypatch, real_embedder) -> None:
    from qa.settings import Settings

    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "empty"))
    at = ask(AppTest.from_file(APP, default_timeout=120).run(), "Who claimed the Kerman attack?")
    assert not at.exception and not at.error and any("No archive yet" in w.value for w in at.warning)
    at.sidebar.radio(key="page").set_value("Archive").run()
    assert not at.exception and not at.error
    assert any(str(m.value) == "0" for m in at.metric if m.label == "Articles")
    assert not (tmp_path / "empty").exists()  # looking is not creating

    hostile = tmp_path / "h.jsonl"
    hostile.write_text(json.dumps({"title": "<script>alert(1)</script> Dam <b>bursts</b>",
                                   "text": "The dam burst on Tuesday and <img src=x onerror=alert(2)> flooded "
                                           "the valley, officials said. Hundreds of homes were evacuated."}) + "\n")
    d = tmp_path / "hostile"
    ingest.run([hostile], Settings(data_dir=d), embedder=real_embedder)
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(d))
    at = ask(AppTest.from_file(APP, default_timeout=120).run(), "What happened when the dam burst?")
    text = page_text(at)
    assert "&lt;script&gt;" in text and "<script>" not in text and "<img" not in text


def test_archive_page_finds_shows_and_deletes_an_article(env, tmp_path, monkeypatch, real_embedder) -> None:
    from qa.settings import Settings

    d = tmp_path / "browse"
    ingest.run([ingest.SAMPLE_ARCHIVE], Settings(data_dir=d), embedder=real_embedder)
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(d))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio(key="page").set_value("Archive").run()
    assert len(at.dataframe[-1].value) == 30
    at.text_input(key="browse_query").input("Kerman").run()
    table = at.dataframe[-1].value
    assert 3 <= len(table) < 30 and not at.exception
    pick = at.selectbox(key="browse_pick")
    target = next(i for i in pick.options if "ISIL claims" in i)
    pick.set_value(next(v for v in table["id"] if v in target)).run()
    assert any("claimed responsibility" in t.value for t in at.text)
    at.button(key="delete_ask").click().run()
    assert any("Delete" in w.value for w in at.warning)
    at.button(key="delete_confirm").click().run()
    assert any("Removed 1 articles" in s.value for s in at.success)
    at.text_input(key="browse_query").input("").run()
    assert len(at.dataframe[-1].value) == 29
    at.date_input(key="browse_since").set_value(__import__("datetime").date(2024, 3, 1)).run()
    assert sorted(str(d) for d in at.dataframe[-1].value["date"]) == ["2024-03-07", "2024-03-18", "2024-03-23",
                                                                       "2024-03-26"]


def feeds_table(at: AppTest):  # type: ignore[no-untyped-def]
    return next(d.value for d in at.dataframe if "last update" in d.value.columns)


def test_archive_page_follows_a_feed_and_updates_it(env, tmp_path, monkeypatch) -> None:
    from tests.test_web import RSS, page, rss
    from tests.web_server import Reply, WebServer

    web = WebServer().start()
    try:
        web.route("/feed", Reply(body=rss(web.url, [("Ferry returns", "/a")]), content_type=RSS))
        web.route("/a", Reply(body=page("Ferry returns", "The ferry")))
        monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "feeds"))
        monkeypatch.setenv("NEWSQA_FETCH_DELAY_S", "0")
        at = AppTest.from_file(APP, default_timeout=120).run()
        at.sidebar.radio(key="page").set_value("Archive").run()
        at.text_input(key="feed_url").input(web.url + "/feed")
        at.text_input(key="feed_name").input("Gazette")
        at.button(key="feed_add").click().run()
        table = feeds_table(at)
        assert list(table["feed"]) == ["Gazette"] and list(table["last update"]) == ["never"]
        at.button(key="feeds_update").click().run(timeout=120)
        assert not at.exception and any("1 new articles from 1 feeds" in s.value for s in at.success)
        at.run()
        assert list(feeds_table(at)["new articles"]) == [1]
    finally:
        web.stop()


def test_llm_answer_shows_attached_citation_and_notes(env, monkeypatch) -> None:
    """A real 0.5B reply with no marker: the app shows it cited by newsqa, with the note."""
    from tests.llm_server import FakeLLMServer

    with FakeLLMServer() as server:
        server.script.append(("reply", "The Islamic State group, also known as ISIL or ISIS, claimed responsibility "
                                       "on January 4, 2024, for the twin suicide bombings in Kerman, Iran."))
        monkeypatch.setenv("NEWSQA_LLM_BASE_URL", server.url)
        monkeypatch.setenv("NEWSQA_LLM_MODEL", "local")
        at = AppTest.from_file(APP, default_timeout=120).run()
        at = ask(at, "Who claimed the Kerman attack?")
        assert not at.exception and not at.error and server.requests
    text = page_text(at)
    assert "Kerman, Iran. [1]" in text and "cited by newsqa, not the model" in text
    assert any("newsqa attached the source sentence" in w.value for w in at.warning)
    assert any("every sentence checked" in c.value for c in at.caption)
