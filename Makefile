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

.PHONY: demo test setup lint eval-dev bench bench-busy bench-cold clean llm test-llm eval-llm llm-serve

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

# New `newsqa ask` processes on the dev archive, against a bare Python and `import chromadb`.
bench-cold: $(STAMP)
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/newsqa ingest $(DEV_DIR)/articles.jsonl.gz
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/python -m benchmarks.cold_start $(DEV_DIR)/questions.jsonl

# The real-model fixture (tests and eval only, never needed by the product): builds
# llama-cpp-python's server once (8-10 min on 2 cores, wheel cached in .llm/wheels) and
# assembles a small model from pinned, hash-checked parts (tools/llm_models.json).
# LLM_MODEL=qwen2.5-coder-1.5b-instruct-q4_k_m for the larger one.
LLM_MODEL ?= qwen2.5-coder-0.5b-instruct-q4_k_m
llm: $(STAMP)
	$(BIN)/python -m tools.llm_fixture --model $(LLM_MODEL)

# The product's own commands against the real model, served by llama.cpp on loopback.
test-llm: llm
	NEWSQA_TEST_LLM_MODEL=$(LLM_MODEL) $(BIN)/python -m pytest -q -m llm

# LLM mode beside extractive mode on a fixed sample of the dev questions (EVAL_LLM_N).
EVAL_LLM_N ?= 30
eval-llm: llm
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/newsqa ingest $(DEV_DIR)/articles.jsonl.gz
	NEWSQA_DATA_DIR=$(DEV_DATA) $(BIN)/python -m tools.eval_llm $(DEV_DIR)/questions.jsonl \
		--n $(EVAL_LLM_N) --model $(LLM_MODEL) --out eval/runs/llm

# Serve the test model at http://127.0.0.1:8088/v1 until Ctrl-C, to try LLM mode by hand.
llm-serve: llm
	$(BIN)/python -m tools.llama_server --model $(LLM_MODEL) --port 8088

lint: $(STAMP)
	$(BIN)/ruff check qa ingest eval tests benchmarks tools app.py

clean:
	rm -rf $(VENV) .newsqa-data .newsqa-dev .newsqa-bench
