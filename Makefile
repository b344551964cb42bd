# newsqa: the two commands in the README are `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QUESTION ?= Who claimed the Kerman attack?
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export NEWSQA_DATA_DIR ?= $(CURDIR)/.newsqa-data

.PHONY: demo test setup lint eval-dev bench clean

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

lint: $(STAMP)
	$(BIN)/ruff check qa ingest eval tests benchmarks app.py

clean:
	rm -rf $(VENV) .newsqa-data
