# The two commands: `make serve` (set up, build seeds/, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := build/news.db
PORT ?= 8001

.PHONY: serve test install build clean

$(BIN)/dateline: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $(BIN)/dateline

install: $(BIN)/dateline

build: install
	$(BIN)/dateline build seeds --db $(DB)

serve: build
	@echo "dateline is at http://127.0.0.1:$(PORT)/"
	$(BIN)/dateline serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf build
