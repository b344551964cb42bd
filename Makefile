# newsqa: the two commands in the README are `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QUESTION ?= Who claimed the Kerman attack?
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export NEWSQA_DATA_DIR ?= $(CURDIR)/.newsqa-data

DEV_DATA ?= $(CURDIR)/.newsqa-dev
DEV_DIR := ../shared/data/realtimeqa-2025q1
EVAL_OUT ?= eval/runs/dev

.PHONY: demo test setup lint eval-dev bench bench-busy clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsqa ingest --sample
	$(BIN)/newsqa stats
	$(BIN)/newsqa ask "$(QUESTION)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Ingest the RealTimeQA dev archive (once; re-runs skip unchanged articles) and score all
# 250 questions offline. Pass EVAL_BASELINE=path/to/results.json to compare with a run.
eval-dev: $(STAMP)
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/newsqa ingest $(DEV_DIR)/articles.jsonl.gz
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/newsqa eval $(DEV_DIR)/questions.jsonl --out $(EVAL_OUT) \
		$(if $(EVAL_BASELINE),--baseline $(EVAL_BASELINE),)

# Ingest throughput (newsqa vs a plain llama-index pipeline vs the model alone), then ask
# latency on the dev archive and on 10x and 100x copies of it (built once under BENCH_DIR,
# ~1 h and 25 GB the first time), embedded and against `chroma run`.
# BENCH_ARTICLES=N limits the ingest part to N articles; BENCH_SCALES="10" skips 100x.
bench: $(STAMP)
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/newsqa ingest $(DEV_DIR)/articles.jsonl.gz
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/python -m benchmarks.bench

# Ask latency and ingest throughput quiet, then with the CPU shared (one busy process per
# core but one, started and stopped by the benchmark), as busy / quiet ratios.
bench-busy: $(STAMP)
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/newsqa ingest $(DEV_DIR)/articles.jsonl.gz
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/python -m benchmarks.busy $(DEV_DIR)/questions.jsonl

lint: $(STAMP)
	$(BIN)/ruff check qa ingest eval tests benchmarks app.py

clean:
	rm -rf $(VENV) .newsqa-data .newsqa-dev .newsqa-bench
