"""Ingest from URLs and followed feeds, against a local HTTP server the tests start and stop."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import ingest
from ingest import feeds
from qa.archive import list_articles, show
from tests.conftest import cli_env, run_cli
from tests.web_server import Reply, WebServer

RSS = "application/rss+xml"


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer().start()
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fast(settings):
    return settings.model_copy(update={"fetch_delay_s": 0.0, "fetch_backoff_s": 0.01, "fetch_timeout_s": 2.0})


def page(title: str, topic: str, day: str = "2025-03-04", site: str = "Harbour Gazette") -> str:
    paras = "".join(
        f"<p>{topic} was discussed again on day {i} by the council, which heard residents, engineers and "
        f"the mayor explain why the {topic.lower()} mattered to the town and what it would cost.</p>"
        for i in range(1, 7))
    return (f"<!doctype html><html><head><title>{title} | {site}</title>"
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{day}T08:00:00Z"></head>'
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Copyright Harbour Gazette</footer></body></html>")


def rss(base: str, items: list[tuple[str, str]], title: str = "Harbour Gazette news") -> str:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><description>{t}: read more.</description>"
                      f"<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>" for t, p in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


def test_an_article_url_is_fetched_once_then_asked_conditionally(web, fast, fake_embedder) -> None:
    web.route("/old-story", Reply(status=301, location="/story"))
    web.route("/story", Reply(body=page("Pier reopens", "The pier"), etag='"v1"'))
    rep = ingest.run([web.url + "/old-story"], fast, embedder=fake_embedder)
    assert (rep.urls, rep.added, rep.rejected) == (1, 1, [])
    (row,) = list_articles(fast)
    assert row.url == web.url + "/story" and row.title == "Pier reopens" and row.source == "Harbour Gazette"
    assert str(row.published) == "2025-03-04"
    assert "Home | World" not in show(fast, row.id).text
    rep = ingest.run([web.url + "/old-story"], fast, embedder=fake_embedder)
    assert (rep.added, rep.updated, rep.rejected) == (0, 0, [])
    last = [h for _, p, h in web.log if p == "/story"][-1]
    assert last.get("if-none-match") == '"v1"' and "newsqa" in last["user-agent"]


def test_a_feed_brings_its_entries_with_the_full_text_of_their_pages(web, fast, fake_embedder) -> None:
    web.route("/feed", Reply(body=rss(web.url, [("Ferry returns", "/a"), ("Dam repaired", "/b")]),
                             content_type=RSS, etag='"f1"'))
    web.route("/a", Reply(body=page("Ferry returns", "The ferry")))
    web.route("/b", Reply(body=page("Dam repaired", "The dam")))
    rep = ingest.run([web.url + "/feed"], fast, embedder=fake_embedder)
    assert rep.added == 2 and rep.rejected == []
    texts = {r.title: show(fast, r.id).text for r in list_articles(fast)}
    assert set(texts) == {"Ferry returns", "Dam repaired"} and all(len(t.split()) > 150 for t in texts.values())
    before = len(web.log)
    rep = ingest.run([web.url + "/feed"], fast, embedder=fake_embedder)
    assert rep.added == 0 and web.paths(before) == ["/feed"]  # 304: no page fetched again
    assert web.log[-1][2].get("if-none-match") == '"f1"'


def test_a_followed_feed_that_changes_fetches_only_the_new_entry(web, fast, fake_embedder) -> None:
    url = web.route("/feed", Reply(body=rss(web.url, [("Ferry returns", "/a")]), content_type=RSS),
                    Reply(body=rss(web.url, [("Bridge opens", "/c"), ("Ferry returns", "/a")]), content_type=RSS))
    web.route("/a", Reply(body=page("Ferry returns", "The ferry")))
    web.route("/c", Reply(body=page("Bridge opens", "The bridge")))
    assert feeds.follow(fast, url, "Gazette") and not feeds.follow(fast, url, "Gazette")
    first = feeds.update(fast)
    assert first.added == 1 and first.exit_code == 0
    before = len(web.log)
    second = feeds.update(fast)
    assert second.added == 1 and web.paths(before) == ["/feed", "/c"]  # /a is not fetched again
    (info,) = feeds.followed(fast)
    assert info.name == "Gazette" and info.last_new == 1 and info.last_update
    assert feeds.unfollow(fast, url) and feeds.followed(fast) == [] and not feeds.unfollow(fast, url)
    assert len(list_articles(fast)) == 2  # unfollowing keeps the articles


def test_atom_rdf_and_json_feeds_use_the_richest_body(web, fast, fake_embedder) -> None:
    long = " ".join(f"The harbour board met for the {i}th time about dredging." for i in range(40))
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>'
            f'<entry><title>Dredging plan agreed</title><link href="{web.url}/never-fetched"/>'
            f"<updated>2025-03-05T10:00:00Z</updated><summary>Short.</summary>"
            f'<content type="html">&lt;p&gt;{long}&lt;/p&gt;</content></entry></feed>')
    rdf = (f'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           f'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<channel rdf:about="{web.url}/rdf"><title>RDF Desk</title></channel>'
           f'<item rdf:about="{web.url}/r1"><title>Lighthouse relit</title><link>{web.url}/r1</link>'
           f"<description>Lighthouse relit.</description><dc:date>2025-03-06</dc:date></item></rdf:RDF>")
    jf = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk", "items": [
        {"id": "1", "url": f"{web.url}/j1", "title": "Market hall saved", "summary": "Saved.",
         "content_html": f"<p>{long.replace('dredging', 'the market hall')}</p>", "date_published": "2025-03-07T09:00:00Z"}]})
    web.route("/atom", Reply(body=atom, content_type="application/atom+xml"))
    web.route("/rdf", Reply(body=rdf, content_type="application/rdf+xml"))
    web.route("/r1", Reply(body=page("Lighthouse relit", "The lighthouse", "2025-03-06")))
    web.route("/json", Reply(body=jf, content_type="application/feed+json"))
    rep = ingest.run([web.url + "/atom", web.url + "/rdf", web.url + "/json"], fast, embedder=fake_embedder)
    assert rep.added == 3 and rep.rejected == []
    assert "/never-fetched" not in web.paths() and "/j1" not in web.paths() and "/r1" in web.paths()
    rows = {r.title: r for r in list_articles(fast)}
    assert rows["Dredging plan agreed"].source == "Atom Desk" and rows["Market hall saved"].source == "JSON Desk"
    assert "market hall" in show(fast, rows["Market hall saved"].id).text
    assert str(rows["Market hall saved"].published) == "2025-03-07"


def test_each_failing_page_is_one_clear_rejection_and_the_rest_is_stored(web, fast, fake_embedder) -> None:
    items = [("Gone", "/gone"), ("Flaky", "/flaky"), ("Loop", "/loop"), ("Secret", "/private/x"),
             ("Huge", "/huge"), ("Slow", "/slow"), ("Picture", "/pic"), ("Fine", "/fine")]
    web.route("/feed", Reply(body=rss(web.url, items), content_type=RSS))
    web.route("/flaky", Reply(status=500), Reply(body=page("Flaky", "The flaky page")))
    web.route("/loop", Reply(status=302, location="/loop"))
    web.route("/private/x", Reply(body=page("Secret", "The secret")))
    web.route("/huge", Reply(body="<html>" + "x" * 3_000_000 + "</html>"))
    web.route("/slow", Reply(body=page("Slow", "The slow page"), delay_s=5))
    web.route("/pic", Reply(body=b"\x89PNG....", content_type="image/png"))
    web.route("/fine", Reply(body=page("Fine", "The fine page")))
    s = fast.model_copy(update={"fetch_max_bytes": 1_000_000, "fetch_timeout_s": 1.0, "fetch_retries": 2})
    rep = ingest.run([web.url + "/feed"], s, embedder=fake_embedder)
    assert sorted(r.title for r in list_articles(s)) == ["Fine", "Flaky"]
    why = {r.file.rsplit("/", 1)[-1]: r.reason for r in rep.rejected}
    assert set(why) == {"gone", "loop", "x", "huge", "slow", "pic"}, why
    assert "404" in why["gone"] and "redirects" in why["loop"] and "robots.txt" in why["x"]
    assert "larger than 1 MB" in why["huge"] and "no answer within 1 s" in why["slow"]
    assert "not an HTML page" in why["pic"] and all("\n" not in r for r in why.values())
    assert web.served["/flaky"] == 2 and "/private/x" not in web.paths()  # retried once; robots obeyed
    assert rep.exit_code == 3


def test_cli_follows_feeds_and_updates(web, tmp_path) -> None:
    web.route("/feed", Reply(body=rss(web.url, [("Ferry returns", "/a")]), content_type=RSS, etag='"1"'))
    web.route("/a", Reply(body=page("Ferry returns", "The ferry")))
    env = cli_env(tmp_path / "data", NEWSQA_FETCH_DELAY_S="0")
    r = run_cli(["feeds", "add", web.url + "/feed", "--name", "Gazette"], env)
    assert r.returncode == 0 and "following" in r.stdout
    assert run_cli(["feeds", "add", "ftp://nope"], env).returncode == 1
    r = run_cli(["update", "--json"], env)
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["added"] == 1 and out["feeds"][0]["name"] == "Gazette"
    listed = json.loads(run_cli(["feeds", "list", "--json"], env).stdout)
    assert listed[0]["last_new"] == 1 and listed[0]["url"] == web.url + "/feed"
    r = run_cli(["update"], env)
    assert r.returncode == 0 and "0 new articles" in r.stdout
    r = run_cli(["search", "ferry council", "--json"], env)
    assert json.loads(r.stdout)["passages"][0]["url"] == web.url + "/a"
    assert run_cli(["feeds", "remove", web.url + "/feed"], env).returncode == 0
    assert run_cli(["feeds", "remove", web.url + "/feed"], env).returncode == 1


def test_an_unreachable_host_is_one_line_that_says_so(fast, fake_embedder) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rep = ingest.run([f"http://127.0.0.1:{port}/story"], fast, embedder=fake_embedder)
    (r,) = rep.rejected
    assert r.file == f"http://127.0.0.1:{port}/story" and "cannot connect" in r.reason and "robots" not in r.reason
