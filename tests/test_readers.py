"""Each reader on small files the tests write: good records in, bad ones reported by line."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from ingest.articles import build_article
from ingest.readers import iter_files, read_file
from ingest.readers.base import RawRecord
from qa.types import Article, Note, Rejection

BODY = ("The city council voted on Tuesday to approve a new budget for public transport. "
        "The plan adds twelve bus routes and extends night service across the river.")


def articles_of(path: Path) -> tuple[list[Article], list[Rejection]]:
    arts, rej = [], []
    for rec in read_file(path):
        if isinstance(rec, Note):
            continue
        if isinstance(rec, Rejection):
            rej.append(rec)
            continue
        assert isinstance(rec, RawRecord)
        a = build_article(rec)
        (rej if isinstance(a, Rejection) else arts).append(a)
    return arts, rej


def test_jsonl_common_field_names_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"headline": "Budget passes", "body": BODY, "link": "https://www.example.com/2024/01/09/budget/",
                    "author": "By Ann Lee and Bo Chen"}),
        "{broken json",
        json.dumps({"title": "No text here", "url": "https://x.org/a"}),
        json.dumps({"title": "Dated", "content": BODY, "published": "2024-02-03T10:00:00Z",
                    "source": "Daily Planet"}),
        "",
        json.dumps([1, 2]),
    ]
    p = tmp_path / "a.jsonl"
    p.write_bytes(("\n".join(lines) + "\n").encode() + b'{"title": "bad \xff bytes", "text": "x"}\n')
    arts, rej = articles_of(p)
    assert [a.title for a in arts] == ["Budget passes", "Dated"]
    assert arts[0].published.isoformat() == "2024-01-09"  # from the URL
    assert arts[0].source == "example.com" and arts[0].authors == ("Ann Lee", "Bo Chen")
    assert arts[1].published.isoformat() == "2024-02-03" and arts[1].source == "Daily Planet"
    assert {(r.line, r.reason.split()[0]) for r in rej} == {(2, "broken"), (3, "no"), (6, "expected"), (7, "article")}
    assert all(r.file == str(p) for r in rej)


def test_realtimeqa_style_gzip(tmp_path: Path) -> None:
    p = tmp_path / "articles.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"url": "https://www.usatoday.com/story/news/2025/01/21/x/1/",
                            "title": "T", "text": BODY}) + "\n")
    arts, rej = articles_of(p)
    assert not rej and arts[0].published.isoformat() == "2025-01-21" and arts[0].source == "usatoday.com"


def test_json_array_and_wrapped_object(tmp_path: Path) -> None:
    (tmp_path / "arr.json").write_text(json.dumps([{"title": "A", "text": BODY}, "oops", {"title": "B", "text": BODY + " More."}]))
    (tmp_path / "obj.json").write_text(json.dumps({"articles": [{"name": "C", "description": BODY}]}))
    arts, rej = articles_of(tmp_path / "arr.json")
    assert [a.title for a in arts] == ["A", "B"] and [r.line for r in rej] == [2]
    arts, _ = articles_of(tmp_path / "obj.json")
    assert [a.title for a in arts] == ["C"]


def test_csv_row_without_text_is_reported_with_its_line(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(f'title,text,date\nFirst,"{BODY}",2024-01-05\nSecond,,2024-01-06\nThird,"{BODY} Again.",Jan 7 2024\n')
    arts, rej = articles_of(p)
    assert [a.title for a in arts] == ["First", "Third"]
    assert [r.line for r in rej] == [3] and "no article text" in rej[0].reason
    assert arts[1].published.isoformat() == "2024-01-07"


HTML = """<!doctype html><html><head><title>Bridge reopens | Metro News</title>
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="og:site_name" content="Metro News">
<meta property="article:published_time" content="2024-03-02T08:00:00Z">
<meta name="author" content="Jane Roe"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened to traffic on Saturday after eighteen months of repairs, city officials said.</p>
<p>Engineers replaced the deck and strengthened the piers, and the work cost 40 million dollars in total.</p>
<p>Commuters said the reopening would cut their journey to work by twenty minutes each way.</p>
</article><footer>Copyright 2024 Metro News. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML)
    arts, rej = articles_of(p)
    assert not rej
    a = arts[0]
    assert a.title == "Bridge reopens after repairs"
    assert a.published.isoformat() == "2024-03-02"
    assert a.source == "Metro News" and "Jane Roe" in a.authors
    assert "eighteen months" in a.text and "Home" not in a.text and "Copyright" not in a.text


def test_html_without_article_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    arts, rej = articles_of(p)
    assert not arts and rej[0].file == str(p) and "no article" in rej[0].reason


def test_text_first_line_title_and_furniture(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text("Storm hits the coast\n\nA storm hit the coast overnight, cutting power to 20,000 homes.\n\n"
                 "Advertisement\n\nCrews worked through the night to restore it.\n\nSource: News Agencies\n")
    arts, _ = articles_of(p)
    a = arts[0]
    assert a.title == "Storm hits the coast"
    assert "Advertisement" not in a.text and "News Agencies" not in a.text
    assert a.text.startswith("A storm hit the coast") and "Crews worked" in a.text


def test_markdown_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "note.md"
    p.write_text(f"---\ntitle: Council budget\ndate: 2024-01-09\nurl: https://example.org/b\n---\n# Ignored heading\n\n{BODY}\n")
    a = articles_of(p)[0][0]
    assert a.title == "Council budget" and a.published.isoformat() == "2024-01-09" and a.source == "example.org"


def test_seed_article(tmp_path: Path) -> None:
    from tests.conftest import SEED

    a = articles_of(SEED)[0][0]
    assert a.title.startswith("US warned Iran of terror threat")
    assert "Advertisement" not in a.text and "Source: News Agencies" not in a.text
    assert "claimed responsibility on January 4" in a.text


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Times</title>
<item><title>Dam inspection ordered</title><link>https://valley.example/2024/02/01/dam</link>
<pubDate>Thu, 01 Feb 2024 09:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://valley.example/e</link></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>School opens</title><link href="https://atom.example/school"/><updated>2024-02-05T12:00:00Z</updated>
<author><name>Sam Poe</name></author><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "f.rss").write_text(RSS)
    (tmp_path / "f.atom").write_text(ATOM)
    arts, rej = articles_of(tmp_path / "f.rss")
    assert [a.title for a in arts] == ["Dam inspection ordered"] and arts[0].source == "Valley Times"
    assert arts[0].published.isoformat() == "2024-02-01" and rej == []
    notes = [r for r in read_file(tmp_path / "f.rss") if isinstance(r, Note)]
    assert [n.line for n in notes] == [2] and "https://valley.example/e" in notes[0].message  # a link, no body
    arts, _ = articles_of(tmp_path / "f.atom")
    assert arts[0].authors == ("Sam Poe",) and arts[0].published.isoformat() == "2024-02-05"


def test_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as out:
        w = WARCWriter(out, gzip=True)
        for url, body, ctype in [("https://metro.example/2024/03/02/bridge", HTML, "text/html; charset=utf-8"),
                                 ("https://metro.example/logo.png", "PNG", "image/png")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                http_headers=headers))
    arts, rej = articles_of(p)
    assert not rej and len(arts) == 1
    assert arts[0].url == "https://metro.example/2024/03/02/bridge" and "eighteen months" in arts[0].text


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n", "empty"),
    ("bin.txt", b"\x00\x01\x02binary", "binary"),
    ("bad.gz.jsonl.gz", b"not gzip at all", "cannot read"),
])
def test_bad_files_are_reported(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    arts, rej = articles_of(p)
    assert not arts and reason in rej[0].reason and rej[0].file == str(p)


def test_folders_are_walked_and_unknown_types_reported(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text("T\n\n" + BODY)
    (tmp_path / "sub" / "b.md").write_text("T2\n\n" + BODY)
    (tmp_path / "sub" / "ignore.png").write_bytes(b"x")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path / "sub")
    found = list(iter_files([tmp_path / "sub"]))
    assert sorted(p.name for p in found if isinstance(p, Path)) == ["a.txt", "b.md"]
    unknown = list(iter_files([tmp_path / "sub" / "ignore.png", tmp_path / "missing.txt"]))
    assert [r.reason.split()[0] for r in unknown] == ["unknown", "no"]


@pytest.mark.parametrize("name,data,expect,guessed", [
    # declared in the page: <meta charset>, http-equiv, XML declaration
    ("a.html", '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><article>'
               "<p>The caf\xe9 on the square reopened on Monday after the fire, the owner said, and "
               "customers queued for cr\xe8me br\xfbl\xe9e all morning in the rain.</p></article></body></html>",
     "crème brûlée", False),
    ("b.html", '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
               "<title>Prices</title></head><body><article><p>Bread now costs \u20ac3 at the bakery "
               "on the square, up from \u20ac2 a year ago, the owner told the council on Monday.</p>"
               "</article></body></html>", "\u20ac3", False),
    ("c.txt", "Le caf\xe9 a rouvert lundi apr\xe8s l'incendie, a d\xe9clar\xe9 le propri\xe9taire, "
              "et les clients ont fait la queue pour la cr\xe8me br\xfbl\xe9e toute la matin\xe9e.", "Le caf", True),
])
def test_other_encodings_are_read_not_rejected(tmp_path: Path, name: str, data: str, expect: str, guessed: bool) -> None:
    p = tmp_path / name
    enc = "windows-1252" if name == "b.html" else "latin-1"
    p.write_bytes(data.encode(enc))
    out = list(read_file(p))
    notes = [r for r in out if isinstance(r, Note)]
    arts = [build_article(r) for r in out if isinstance(r, RawRecord)]
    # A guess may pick a neighbouring code page (a short French text reads as cp1250),
    # which is why it is said: the declared cases must be exact.
    assert len(arts) == 1 and isinstance(arts[0], Article) and expect in arts[0].text
    assert bool(notes) == guessed and all("guessed" in n.message and n.file == str(p) for n in notes)


def test_an_undeclared_cyrillic_text_is_guessed_and_said(tmp_path: Path) -> None:
    text = ("\u0412 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u0432 "
            "\u0433\u043e\u0440\u043e\u0434\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0438 "
            "\u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442 \u0447\u0435\u0440\u0435\u0437 "
            "\u0440\u0435\u043a\u0443, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0432\u043b\u0430\u0441\u0442\u0438 "
            "\u0433\u043e\u0440\u043e\u0434\u0430. ") * 4
    p = tmp_path / "news.txt"
    p.write_bytes(("\u041c\u043e\u0441\u0442\n\n" + text).encode("koi8-r"))
    out = list(read_file(p))
    (note,) = [r for r in out if isinstance(r, Note)]
    (rec,) = [r for r in out if isinstance(r, RawRecord)]
    assert "\u043c\u043e\u0441\u0442" in rec.text and "guessed" in note.message


def test_an_undeclared_koi8_feed_is_decoded_not_stored_as_mojibake(tmp_path: Path) -> None:
    bridge = "\u043c\u043e\u0441\u0442"  # "bridge"
    body = (f"\u0412 \u0433\u043e\u0440\u043e\u0434\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0438 "
            f"\u043d\u043e\u0432\u044b\u0439 {bridge} \u0447\u0435\u0440\u0435\u0437 \u0440\u0435\u043a\u0443. ") * 4
    p = tmp_path / "feed.rss"
    p.write_bytes((f'<rss version="2.0"><channel><title>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</title>'
                   f"<item><title>{bridge}</title><description>{body}</description>"
                   f"<link>https://x.example/a</link></item></channel></rss>").encode("koi8-r"))
    out = list(read_file(p))
    assert any(isinstance(r, Note) and "koi8" in r.message for r in out)
    (rec,) = [r for r in out if isinstance(r, RawRecord)]
    assert bridge in rec.text and rec.source == "\u041d\u043e\u0432\u043e\u0441\u0442\u0438"


def test_metadata_a_reader_can_trust() -> None:
    from datetime import date, timedelta

    from ingest.readers.base import from_mapping

    def art(**fields):
        rec = from_mapping({"text": BODY, **fields}, "/data/exports/site.html.jsonl", 1)
        return build_article(rec)

    assert art(title="x", date="2000-01-01T00:00:00Z").published is None  # a CMS placeholder
    assert art(title="x", date="1970-01-01").published is None
    future = (date.today() + timedelta(days=30)).isoformat()
    assert art(title="x", date=future).published is None
    assert art(title="x", date="2024-05-06").published == date(2024, 5, 6)
    assert art(title="x", date="2024-05-06").date_from == "metadata"
    assert art(title="x", url="https://a.example/2024/05/07/story").date_from == "url"
    assert art(title="x", date="2000-01-01").date_from in ("dateline", "")  # the placeholder is not it
    assert art(title="Pier reopens | Harbour Gazette | 19.01.2020", source="Harbour Gazette").title == "Pier reopens"
    assert art(title="# Pier reopens - example.org", url="https://example.org/a").title == "Pier reopens"
    assert art(title="Rock - Paper - Scissors wins award").title == "Rock - Paper - Scissors wins award"
    # An opinion page's title names its columnist; the headline does not.
    assert art(title="Why the pier closed | Ann Lee | Harbour Gazette", authors=["Ann Lee"],
               source="Harbour Gazette").title == "Why the pier closed"
    assert art(title="Ann Lee wins the regatta | Harbour Gazette", authors=["Ann Lee"],
               source="Harbour Gazette").title == "Ann Lee wins the regatta"
    # A navigation or status bar read as the title gives way to the article's first line.
    first_line = BODY.split("\n", 1)[0]
    for junk in ("| Samstag, 2016-10-08, 0:26 AM Willkommen Gast | RSS |", "Home | News | Sport | Weather",
                 "Monday 12.03.2018 14:05 Login"):
        assert art(title=junk).title.startswith(first_line[:60]), junk
    for headline in ("Strike ends after 14 days | Harbour Gazette", "Polls close at 8:00 in Ohio",
                     "Talks resume in Geneva on 2024-05-06", "Q&A: Why the pier closed"):
        assert art(title=headline).title.startswith(headline.split(" | ")[0]), headline
    assert art(title="x", source="https://www.gazette.net/").source == "gazette.net"
    no_source = art(title="Pier reopens")
    assert no_source.source == "" and "site.html" not in no_source.source
    assert no_source.id == art(title="Pier reopens").id  # the id is stable all the same


def test_a_bare_year_in_a_page_is_not_its_date(tmp_path: Path) -> None:
    # "since 2008" is no publication date; a page without one is stored without one.
    body = "".join(f"<p>The allotment list is the shortest since 2008, the society said on Sunday, "
                   f"and plot {i} now costs 32 pounds a year.</p>" for i in range(4))
    page = tmp_path / "allotments.html"
    page.write_text(f"<html><head><title>allotments</title></head><body><h1>Waiting list falls</h1>{body}</body></html>")
    (rec,) = [r for r in read_file(page) if isinstance(r, RawRecord)]
    assert build_article(rec).published is None
    dated = tmp_path / "dated.html"
    dated.write_text(f"<html><head><title>x</title></head><body><h1>Waiting list falls</h1>"
                     f"<p class='dateline'>LEEDS, 14 May 2019.</p>{body}</body></html>")
    (rec,) = [r for r in read_file(dated) if isinstance(r, RawRecord)]
    assert str(build_article(rec).published) == "2019-05-14"


def test_news_pages_title_source_date_and_text_are_right() -> None:
    # The pages of benchmarks/pages, ingested with newsqa as a user does, read back with export.
    from benchmarks.page_metadata import ASPECTS, PAGES, ingested, judge

    expected = [json.loads(line) for line in (PAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = ingested(PAGES, Path(__file__).resolve().parent.parent)
    wrong = [(r.file, a, r.title, r.source, r.date, r.missing, r.junk)
             for r in (judge(e, rows.get(e["file"])) for e in expected) for a in ASPECTS if not r.right[a]]
    assert len(expected) == 12 and not wrong


def test_warc_resource_records_arc_urls_capture_dates_and_empty_captures(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><head><title>Harbour dredging starts</title></head><body><article><p>"
            + "Dredging of the harbour began on Monday after years of delay, the port authority said. " * 5
            + "</p></article></body></html>")
    p = tmp_path / "capture.warc.gz"
    with open(p, "wb") as out:
        w = WARCWriter(out, gzip=True)
        w.write_record(w.create_warc_record(
            "https://port.example/news/dredging", "resource", payload=io.BytesIO(page.encode()),
            warc_content_type="text/html; charset=utf-8",
            warc_headers_dict={"WARC-Date": "2021-06-15T10:00:00Z"}))
    arts, rej = articles_of(p)
    assert not rej and len(arts) == 1
    assert arts[0].url == "https://port.example/news/dredging" and arts[0].published.isoformat() == "2021-06-15"
    empty = tmp_path / "images.warc.gz"
    with open(empty, "wb") as out:
        w = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://port.example/a.png", "response",
                                            payload=io.BytesIO(b"\x89PNG"), http_headers=headers))
    arts, rej = articles_of(empty)
    assert not arts and len(rej) == 1 and "no HTML pages among its 1 records" in rej[0].reason
    arc = tmp_path / "old.arc"
    body = page.encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    version = b"1 0 newsqa\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://old.arc 0.0.0.0 20200115000000 text/plain " + str(len(version)).encode() + b"\n" + version
    rec = f"\nhttps://arc.example/2020/story 1.2.3.4 20200113093000 text/html {len(http)}\n".encode() + http + b"\n"
    arc.write_bytes(header + rec)
    arts, rej = articles_of(arc)
    assert [a.url for a in arts] == ["https://arc.example/2020/story"], rej
    assert arts[0].published.isoformat() == "2020-01-13"


def test_a_two_word_feed_teaser_is_a_note_not_a_rejection(tmp_path: Path) -> None:
    p = tmp_path / "f.atom"
    p.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
                 '<entry><title>Pier</title><link href="https://d.example/pier"/><summary>Pier reopens</summary></entry>'
                 "</feed>")
    out = list(read_file(p))
    assert len(out) == 1 and isinstance(out[0], Note) and "https://d.example/pier" in out[0].message
