"""An answer as Markdown, with its numbered sources: for copying into notes and stories."""

from __future__ import annotations

from qa.types import Answer


def answer_markdown(answer: Answer) -> str:
    lines = [f"**Q:** {answer.question}", "", answer.text, ""]
    if answer.mode == "extractive":
        lines.append("_(extractive: quoted from the sources, no LLM)_")
        lines.append("")
    for note in answer.notes:
        lines.extend([f"_Note: {note}_", ""])
    for c in answer.citations:
        when = c.published.isoformat() if c.published else "undated"
        title = f"[{c.title}]({c.url})" if c.url else c.title
        flag = " **(does not support the claim)**" if not c.supported else ""
        lines.append(f"{c.n}. {title}, {c.source}, {when}{flag}  ")
        lines.append(f"   > {c.quote}")
    return "\n".join(lines).rstrip() + "\n"
