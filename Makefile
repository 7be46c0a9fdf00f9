# CreditDesk. `make run` and `make test` set everything up themselves on a fresh machine:
# they create .venv with python3 if it is missing and (re)install the project into it
# whenever pyproject.toml is newer than the install stamp.

PYTHON3 ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.creditdesk-install.stamp

# The PostgreSQL pass of `make test`. CREDITDESK_REQUIRE_POSTGRES=1 (set by .ci/run) makes it mandatory.
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=
SEED_ARGS ?=
BENCH_ARGS ?=
LINT_PATHS := backend console ui tests bench main.py

.PHONY: run test test-sqlite test-postgres bench seed lint install clean distclean translations screenshots

install: $(STAMP)

$(PY):
	$(PYTHON3) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -e '.[test]'
	touch $@

# Translations: lupdate collects every tr() string under ui/ into the .ts (edited with
# pyside6-linguist); lrelease compiles it to the .qm the console loads. The .qm is committed,
# so a fresh clone runs without this step; `make run` rebuilds it when the .ts is newer.
# English is the source language; creditdesk_en.ts only holds its plural forms ("%n notes").
# fill_*.py fill what lupdate adds (the Chinese glossary, the English plurals); review in Linguist.
TRANSLATIONS := resources/translations
TS := $(TRANSLATIONS)/creditdesk_zh_CN.ts $(TRANSLATIONS)/creditdesk_en.ts
QM := $(TS:.ts=.qm)
UI_SOURCES = $$(find ui -name '*.py' | sort)

# Qt's window on Linux (the xcb plugin) needs X11 libraries the PySide6 wheel does not bundle:
# .ci/qt-xcb-libs installs the missing Debian packages when run as root, or names them.
run: $(STAMP) $(QM)
	@if [ "$$(uname -s)" = Linux ] && [ -z "$${QT_QPA_PLATFORM:-}" -o "$${QT_QPA_PLATFORM:-}" = xcb ]; then \
		bash .ci/qt-xcb-libs --install $(PY); \
	fi
	$(PY) main.py

$(TRANSLATIONS)/%.qm: $(TRANSLATIONS)/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease $< -qm $@

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts $(TRANSLATIONS)/creditdesk_zh_CN.ts -no-obsolete
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts $(TRANSLATIONS)/creditdesk_en.ts -no-obsolete \
		-pluralonly -source-language en -target-language en
	$(PY) $(TRANSLATIONS)/fill_zh_CN.py
	$(PY) $(TRANSLATIONS)/fill_en.py
	for ts in $(TS); do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

# One PNG per main screen, English and Chinese (embedded demo in a temporary directory).
SHOTS ?= screenshots
screenshots: $(STAMP) $(QM)
	$(PY) main.py --screenshots $(SHOTS)

test: $(STAMP)
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m mypy
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# The requirement is for the PostgreSQL pass, not this one.
test-sqlite: $(STAMP)
	@echo "==> pytest on SQLite"
	env -u CREDITDESK_TEST_DATABASE_URL CREDITDESK_REQUIRE_POSTGRES= $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(STAMP)
	@echo "==> pytest on PostgreSQL ($(PG_TEST_URL))"
	@if $(PY) -c "import sqlalchemy as sa; sa.create_engine('$(PG_TEST_URL)', connect_args={'connect_timeout': 5}).connect().close()" 2>/dev/null; then \
		CREDITDESK_TEST_DATABASE_URL='$(PG_TEST_URL)' $(PY) -m pytest $(PYTEST_ARGS); \
	elif [ "$${CREDITDESK_REQUIRE_POSTGRES:-}" = "1" ]; then \
		echo "ERROR: PostgreSQL is unreachable at $(PG_TEST_URL) and CREDITDESK_REQUIRE_POSTGRES=1." >&2; \
		exit 1; \
	else \
		echo "" >&2; \
		echo "################################################################################" >&2; \
		echo "## WARNING: PostgreSQL is unreachable at $(PG_TEST_URL)" >&2; \
		echo "## The PostgreSQL pass was SKIPPED: only SQLite was tested." >&2; \
		echo "## Start PostgreSQL, or run .ci/run, which starts it and makes the pass mandatory." >&2; \
		echo "################################################################################" >&2; \
	fi

bench: $(STAMP)
	$(PY) -m bench.seed_speed
	$(PY) -m bench.api_latency $(BENCH_ARGS)

seed: $(STAMP)
	$(PY) -m backend migrate
	$(PY) -m backend seed $(SEED_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m mypy

clean:
	rm -rf .pytest_cache .ruff_cache .mypy_cache .hypothesis build dist *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
