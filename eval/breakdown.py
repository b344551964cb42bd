"""Reports that explain: the metrics split by question type, by time cue, by whether an
answer to a question with a time window quotes an article of those days, by whether the
evidence was retrieved, and how old the cited articles are. Pure functions over the
runner's results, so that a regression can be traced to the kind of question it hit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from eval import metrics as m

TYPES = ("how many", "who", "when", "where", "which", "what")


def question_type(question: str) -> str:
    """who / what / when / where / how many / which: the word that opens a sentence or a
    clause of the question ("At a time when the Pentagon ... What is the project
    called?", "Finally, when does summer end?"), else its first such word, but not a
    "when" or "where" that only joins a clause ("felt violated when photos revealed
    which secret?"); "other" when it has none (yes/no, why, how)."""
    q = question.lower()
    found = sorted((m.start(), t) for t in TYPES for m in re.finditer(rf"\b{t}\b", q))
    if not found:
        return "other"
    opening = [t for at, t in found if re.search(r"(?:^|[.?!:;,]\s*)[\"'“‘(]*$", q[:at])]
    if opening:
        return opening[0]
    asking = [t for i, (_, t) in enumerate(found) if t not in ("when", "where") or i == len(found) - 1]
    return asking[0]


def _group(results: Sequence[Any], key: Callable[[Any], str]) -> dict[str, dict[str, float | int | None]]:
    groups: dict[str, list[Any]] = {}
    for r in results:
        groups.setdefault(key(r), []).append(r)
    return {name: {"n": len(rs),
                   "mc_accuracy": m.mean([float(r.mc_correct) for r in rs if r.mc_correct is not None]),
                   "hit@10": m.mean([m.hit_at(r.rank, 10) for r in rs]),
                   "contains": m.mean([r.contains for r in rs])}
            for name, rs in sorted(groups.items())}


def breakdown(results: Sequence[Any]) -> dict[str, Any]:
    ages = [r.top_citation_age_days for r in results if r.top_citation_age_days is not None]
    ages_sorted = sorted(ages)
    return {
        "by_type": _group(results, lambda r: r.qtype),
        "by_time_cue": _group(results, lambda r: f"time cue ({r.time_kind})" if r.time_cue else "no time cue"),
        "by_window": _group([r for r in results if r.widened is not None],
                            lambda r: "quoted from outside the window" if r.widened
                            else "quoted from inside the window"),
        "mc_by_evidence": _group([r for r in results if r.mc_correct is not None],
                                 lambda r: "evidence in top 10" if r.rank is not None else "evidence not in top 10"),
        "top_citation_age": {
            "n": len(ages),
            "median_days": ages_sorted[len(ages) // 2] if ages else None,
            "within_7_days": m.mean([float(0 <= a <= 7) for a in ages]),
        },
    }


def markdown(b: dict[str, Any]) -> list[str]:
    """The breakdown as Markdown tables."""
    lines: list[str] = []
    titles = {"by_type": "By question type", "by_time_cue": "By time cue",
              "by_window": "Answers to questions with a time window, by where their quotes come from",
              "mc_by_evidence": "Multiple choice by whether the evidence was retrieved"}
    for key, title in titles.items():
        lines += ["", f"### {title}", "", "| group | n | mc_accuracy | hit@10 | contains |", "|---|---|---|---|---|"]
        for name, g in b[key].items():
            lines.append(f"| {name} | {g['n']} | " + " | ".join(
                "-" if g[k] is None else f"{g[k]:.3f}" for k in ("mc_accuracy", "hit@10", "contains")) + " |")
    age = b["top_citation_age"]
    within = "-" if age["within_7_days"] is None else f"{age['within_7_days']:.3f}"
    lines += ["", "### Age of the top cited article (days before the question date)", "",
              f"{age['n']} answers with a dated top citation: median {age['median_days']} days; "
              f"within 7 days: {within}."]
    return lines
