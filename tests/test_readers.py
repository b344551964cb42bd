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
from qa.types import Article, Rejection

BODY = ("The city council voted on Tuesday to approve a new budget for public transport. "
        "The plan adds twelve bus routes and extends night service across the river.")


def articles_of(path: Path) -> tuple[list[Article], list[Rejection]]:
    arts, rej = [], []
    for rec in read_file(path):
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
    assert {(r.line, r.reason.split()[0]) for r in rej} == {(2, "broken"), (3, "no"), (6, "expected"), (7, "undecodable")}
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
    assert arts[0].published.isoformat() == "2024-02-01" and [r.line for r in rej] == [2]
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
    ("latin.txt", "caf\xe9 is here and more words".encode("latin-1"), "undecodable"),
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
