"""Record a real model's verbatim replies to questions over an archive, as test fixtures.

`python -m tools.record_replies QUESTIONS.json OUT.json [--model NAME]` starts the
llama.cpp server (`make llm`), asks each question through `qa.ask` in LLM mode against
the archive in NEWSQA_DATA_DIR, and writes each raw reply beside the answer newsqa made
of it. `tests/llm_server.py` replays the replies, so CI covers what real models do
without running one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from qa.answer import ask
from qa.llm import OpenAICompatibleLLM
from qa.settings import Settings
from tools.llama_server import LlamaServer
from tools.llm_fixture import DEFAULT_MODEL


class RecordingLLM(OpenAICompatibleLLM):
    """The product's LLM client, keeping each raw reply."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.replies: list[str] = []

    def complete(self, system, user, on_token=None, on_restart=None):  # type: ignore[no-untyped-def]
        reply = super().complete(system, user, on_token, on_restart)
        self.replies.append(reply)
        return reply


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args(argv)
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    records = []
    with LlamaServer(args.model) as server:
        settings = Settings(llm_base_url=server.url, llm_model="local", llm_timeout_s=300.0)
        llm = RecordingLLM(settings)
        for q in questions:
            t = time.perf_counter()
            before = len(llm.replies)
            a = ask(q["question"], settings, choices=q.get("choices"), llm=llm)
            reply = llm.replies[-1] if len(llm.replies) > before else None
            records.append({**q, "model": args.model, "reply": reply, "seconds": round(time.perf_counter() - t, 1),
                            "answer": a.to_dict()})
            print(json.dumps({"q": q["question"], "reply": reply, "answer": a.text}, ensure_ascii=False), flush=True)
    args.out.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
