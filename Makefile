# Every target installs what it needs into .venv/ first (a fresh machine has only Python, pip and gcc).
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test lint gate bench serve clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install  ## analyze the bundled example corpus and say where the report is
	$(BIN)/newsfuse analyze examples/corpus --out out/demo
	@echo "open out/demo/report.html (or: make serve)"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: install lint  ## ruff, mypy and the test suite
	$(BIN)/pytest

gate: install  ## quality floors on ../shared/data (pinned in quality/floors.json)
	$(PY) quality/gate.py --shared $(SHARED)

bench: install  ## speed and memory benchmarks (numbers go in the README)
	$(PY) bench/run.py --shared $(SHARED)

serve: install
	$(BIN)/newsfuse serve --db out/newsfuse.sqlite --load examples/corpus

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
