"""newsqa in the browser (Streamlit): ask, read the sources, manage the archive.

A thin front end: it reads Settings once, calls the public `qa` and `ingest` APIs and
renders. Article text is always escaped before it is shown (a title holding <script> is
displayed, never run); the only HTML this page writes itself is the <mark> around a quote.
Errors the user can act on are short messages; nothing here shows a traceback.
"""

from __future__ import annotations

import html
import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

import qa
from qa.errors import EmptyArchiveError, NewsqaError, NoArchiveError

st.set_page_config(page_title="newsqa", layout="wide")


def settings() -> qa.Settings:
    return qa.Settings()  # cheap; read per run so the page follows the environment


def mode_label(s: qa.Settings) -> str:
    if s.llm_configured:
        return f"LLM: {s.llm_model} at {s.llm_base_url or 'api.openai.com'}"
    return "Extractive (offline): answers quote the sources, no LLM"


def load_stats(s: qa.Settings):  # type: ignore[no-untyped-def]
    try:
        return qa.archive_stats(s)
    except NoArchiveError:
        return qa.ArchiveStats.nothing()  # a new folder: the pages say how to add articles
    except NewsqaError as exc:
        st.error(str(exc))
        return None


def highlight(context: str, quote: str) -> str:
    """The paragraph holding the quote, escaped, with the quote marked."""
    paragraph = next((p for p in context.split("\n\n") if quote in p), quote)
    before, _, after = paragraph.partition(quote)
    return f"{html.escape(before)}<mark>{html.escape(quote)}</mark>{html.escape(after)}"


def render_answer(answer) -> None:  # type: ignore[no-untyped-def]
    if answer.time_window is not None:
        st.caption(f"Time: {html.escape(answer.time_window.describe())}")
    if answer.declined and not answer.citations:
        st.info("The archive does not contain an answer to this question.")
        return
    st.markdown(html.escape(answer.text).replace("\n", "  \n"), unsafe_allow_html=True)
    if answer.mode == "extractive":
        st.caption("Extractive answer: sentences quoted from the sources, no LLM."
                   + (f" {answer.short_read.withheld_note.capitalize()}." if answer.short_withheld else ""))
    elif answer.origin == "offline":
        st.caption("The model's reply could not be used; the answer shown is newsqa's offline one.")
    else:
        st.caption("LLM answer: every sentence checked against the sources.")
    for note in answer.notes:
        st.warning(note)
    st.markdown("**Sources**")
    for c in answer.citations:
        when = c.published.isoformat() if c.published else "undated"
        warn = "" if c.supported else " &nbsp;⚠️ <b>does not support the claim</b>"
        warn += " &nbsp;<i>(cited by newsqa, not the model)</i>" if c.added and answer.mode == "llm" else ""
        title = html.escape(c.title)
        link = f'<a href="{html.escape(c.url, quote=True)}" target="_blank" rel="noopener noreferrer">{title}</a>' \
            if c.url.startswith(("http://", "https://")) else title
        st.markdown(f"<div class='src'><b>[{c.n}]</b> {link} · {html.escape(c.source)} · {when}{warn}"
                    f"<blockquote>{highlight(c.context or c.quote, c.quote)}</blockquote></div>",
                    unsafe_allow_html=True)


def sidebar(s: qa.Settings, stats) -> dict:  # type: ignore[no-untyped-def]
    st.sidebar.title("newsqa")
    page = st.sidebar.radio("Page", ["Ask", "Archive"], key="page")
    st.sidebar.caption(mode_label(s))
    opts: dict = {"page": page}
    if page == "Ask":
        st.sidebar.subheader("Filters")
        lo = stats.first_date if stats and stats.first_date else date(2000, 1, 1)
        hi = stats.last_date if stats and stats.last_date else date.today()
        use_range = st.sidebar.checkbox("Limit to a date range", key="use_range")
        opts["since"] = opts["until"] = None
        if use_range:
            rng = st.sidebar.date_input("Published between", (lo, hi), key="range")
            if isinstance(rng, tuple) and len(rng) == 2:
                opts["since"], opts["until"] = rng
        use_asof = st.sidebar.checkbox("Answer as of a date", key="use_asof")
        opts["as_of"] = st.sidebar.date_input("As of", hi, key="as_of") if use_asof else None
        sources = [name for name, _ in (stats.top_sources if stats else [])]
        opts["sources"] = st.sidebar.multiselect("Sources", sources, key="sources")
        opts["k"] = st.sidebar.slider("Sources to read", 2, 15, s.top_k, key="k")
    return opts


def ask_page(s: qa.Settings, opts: dict) -> None:
    st.header("Ask the archive")
    with st.form("ask"):
        question = st.text_input("Question", key="question", placeholder="Who claimed the Kerman attack?")
        submitted = st.form_submit_button("Ask")
    if submitted and question.strip():
        stream_box = st.empty()
        streamed: list[str] = []

        def on_token(delta: str) -> None:
            streamed.append(delta)
            stream_box.markdown(html.escape("".join(streamed)), unsafe_allow_html=True)

        try:
            filters = qa.Filters(since=opts["since"], until=opts["until"], as_of=opts["as_of"],
                                 sources=tuple(opts["sources"]))
            with st.spinner("Reading the archive..."):
                answer = qa.ask(question.strip(), s, filters=filters, k=opts["k"], on_token=on_token,
                                on_restart=streamed.clear)
        except EmptyArchiveError:
            st.warning("No archive yet: add articles on the Archive page, or run `newsqa ingest --sample`.")
            return
        except NewsqaError as exc:
            st.error(str(exc))
            return
        except Exception as exc:  # never a traceback in the page
            st.error(f"Something went wrong ({type(exc).__name__}). Run `newsqa --debug ask ...` for details.")
            return
        stream_box.empty()
        st.session_state.setdefault("history", []).insert(0, answer)
    history = st.session_state.get("history", [])
    if history:
        render_answer(history[0])
        with st.expander("Copy this answer as Markdown"):
            st.code(qa.answer_markdown(history[0]), language="markdown")
    if len(history) > 1:
        st.subheader("Earlier answers")
        for a in history[1:]:
            with st.expander(a.question):
                render_answer(a)
                st.code(qa.answer_markdown(a), language="markdown")


def archive_page(s: qa.Settings, stats) -> None:  # type: ignore[no-untyped-def]
    import ingest

    st.header("Archive")
    if stats:
        cols = st.columns(4)
        cols[0].metric("Articles", stats.articles)
        cols[1].metric("Chunks", stats.chunks)
        cols[2].metric("Sources", stats.sources)
        cols[3].metric("Duplicates linked", stats.duplicates)
        span = f"{stats.first_date} to {stats.last_date}" if stats.first_date else "no dates"
        st.caption(f"Published {span}; {stats.undated} undated. Embedding model: {stats.embedding_model or '-'}")
        if stats.dated_from:
            st.caption("Dates found in: " + ", ".join(f"{k} ({v})" for k, v in stats.dated_from.items()))
        if stats.per_month:
            st.bar_chart(stats.per_month, x_label="month", y_label="articles")
    st.subheader("Add articles")
    files = st.file_uploader("JSONL, JSON, CSV, HTML, text, Markdown, RSS/Atom or WARC files (.gz too)",
                             accept_multiple_files=True, key="upload")
    if files and st.button("Ingest", key="ingest"):
        bar = st.progress(0.0, text="Ingesting...")
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for f in files:
                p = Path(tmp) / Path(f.name).name
                p.write_bytes(f.getvalue())
                paths.append(p)

            def on_progress(p) -> None:  # type: ignore[no-untyped-def]
                frac = p.bytes_done / p.bytes_total if p.bytes_total else 1.0
                bar.progress(min(frac, 1.0), text=f"{p.articles} articles read")

            try:
                report = ingest.run(paths, s, on_progress=on_progress)
            except NewsqaError as exc:
                st.error(str(exc))
                return
            except Exception as exc:
                st.error(f"Ingest failed ({type(exc).__name__}); nothing already stored was changed.")
                return
        bar.progress(1.0, text="Done")
        d = report.to_dict()
        st.success(f"Added {d['added']}, updated {d['updated']}, unchanged {d['unchanged']}, "
                   f"duplicates {d['duplicates']}, rejected {len(report.rejected)}.")
        if report.rejected:
            st.warning("Some input was rejected and skipped; everything else was stored:")
            st.dataframe([{"file": Path(r.file).name, "line": r.line, "reason": r.reason}
                          for r in report.rejected], hide_index=True)


def feeds_section(s: qa.Settings) -> None:
    """The followed feeds, their last update, and "Update now"."""
    from ingest import feeds

    st.subheader("Followed feeds")
    try:
        followed = feeds.followed(s)
    except NewsqaError as exc:
        st.error(str(exc))
        return
    c1, c2, c3 = st.columns([3, 1, 1])
    url = c1.text_input("Feed URL (RSS, Atom, RDF or JSON Feed)", key="feed_url")
    name = c2.text_input("Name", key="feed_name")
    if c3.button("Follow", key="feed_add") and url.strip():
        try:
            feeds.follow(s, url.strip(), name.strip())
            followed = feeds.followed(s)
        except NewsqaError as exc:
            st.error(str(exc))
    if not followed:
        st.caption("No feeds followed yet. `newsqa update` (or the button below) pulls what is new from each.")
        return
    st.dataframe([{"feed": f.name or f.url, "url": f.url, "last update": f.last_update or "never",
                   "new articles": f.last_new, "last error": f.last_error} for f in followed],
                 hide_index=True, key="feeds_table")
    if st.button("Update now", key="feeds_update"):
        bar = st.progress(0.0, text="Updating feeds...")

        def on_feed(i: int, n: int, feed) -> None:  # type: ignore[no-untyped-def]
            bar.progress(i / n, text=f"{feed.name or feed.url} ({i + 1} of {n})")

        try:
            report = feeds.update(s, on_feed)
        except NewsqaError as exc:
            st.error(str(exc))
            return
        bar.progress(1.0, text="Done")
        st.success(f"{report.added} new articles from {len(report.feeds)} feeds.")
        problems = [{"feed": f.name or f.url, "error": err} for f, _, err in report.feeds if err]
        if problems:
            st.warning("Some feeds could not be read:")
            st.dataframe(problems, hide_index=True)


def browse_section(s: qa.Settings) -> None:
    """Find articles by words, source and date; read one; delete it after confirming."""
    from ingest.remove import delete, select
    from qa.archive import list_articles, show
    from qa.store import Store

    st.subheader("Browse")
    c1, c2, c3 = st.columns([2, 1, 1])
    query = c1.text_input("Words in the article", key="browse_query")
    source = c2.text_input("Source (name or domain)", key="browse_source")
    since = c3.date_input("Published on or after", None, key="browse_since")
    try:
        rows = list_articles(s, (source.strip(),) if source.strip() else (), since=since, query=query, limit=500)
    except NoArchiveError:
        rows = []  # nothing ingested yet
    except NewsqaError as exc:
        st.error(str(exc))
        return
    st.dataframe([{"date": r.published, "source": r.source, "title": r.title, "chunks": r.chunks,
                   "duplicate of": r.duplicate_of, "id": r.id} for r in rows],
                 hide_index=True, key="browse_table")
    st.caption(f"{len(rows)} articles" + (" (first 500)" if len(rows) == 500 else ""))
    if not rows:
        return
    labels = {r.id: f"{r.published or 'undated'} · {r.title[:80]} · {r.id}" for r in rows}
    picked = st.selectbox("Read an article", list(labels), format_func=labels.__getitem__, key="browse_pick")
    view = show(s, picked) if picked else None
    if view is None:
        return
    r = view.record
    st.markdown(f"#### {html.escape(r.title)}", unsafe_allow_html=True)
    st.caption(" · ".join(x for x in (str(r.published or "undated"), r.source, r.url, ", ".join(r.authors)) if x))
    st.text(view.text)
    if st.button("Delete this article", key="delete_ask"):
        st.session_state["delete_pending"] = r.id
    if st.session_state.get("delete_pending") == r.id:
        st.warning(f"Delete \u201c{r.title}\u201d with its {view.chunks} chunks (and any duplicates linked to it)?")
        if st.button("Yes, delete it", key="delete_confirm"):
            try:
                chosen, missing = select(Store(s, create=False), [r.id])
                report = delete(s, chosen, missing)
            except NewsqaError as exc:
                st.error(str(exc))
                return
            st.session_state.pop("delete_pending", None)
            st.success(f"Removed {len(report.removed)} articles and {report.chunks} chunks.")


def main() -> None:
    s = settings()
    stats = load_stats(s)
    opts = sidebar(s, stats)
    if opts["page"] == "Ask":
        if stats is not None and stats.articles == 0:
            st.warning("No archive yet: add articles on the Archive page, or run `newsqa ingest --sample`.")
        ask_page(s, opts)
    else:
        archive_page(s, stats)
        feeds_section(s)
        browse_section(s)


main()
