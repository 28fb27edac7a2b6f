# Every target sets up what it needs: a virtual environment in .venv, the project
# installed into it, the Debian libraries Qt needs, the built translations.
# Re-running is cheap: each step is guarded by a stamp file or a check.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_API := pyside6

.PHONY: run test lint bench package clean sysdeps translations db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Qt's xcb/offscreen plugins load these shared libraries; a bare Debian lacks some.
sysdeps:
	@bash packaging/sysdeps.sh

translations: $(STAMP)
	@$(BIN)/python -m planner.ui.translations_build

db: $(STAMP)
	$(BIN)/planner db build --if-needed

run: $(STAMP) sysdeps translations db
	$(BIN)/planner

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: $(STAMP) sysdeps translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/planner bench

package: $(STAMP) sysdeps translations
	$(BIN)/pip install --quiet -e '.[test,package]'
	bash packaging/build.sh

clean:
	rm -rf build dist .pytest_cache
