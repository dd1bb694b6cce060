# The two commands a new user needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app webapp
HOST ?= 127.0.0.1
PORT ?= 5000
LOCALES := pl ro bn ur ar
NHSUK := node_modules/nhsuk-frontend/dist/nhsuk
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
DEV := OPENMSK_ENV=development

.PHONY: help run test setup system-packages assets translations browser lint unit integration integration-sqlite \
        integration-postgres e2e screenshots extract-messages update-messages check-translations bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-22s %s\n", $$1, $$2}'

run: setup ## Install everything and serve the site on SQLite with demo data at http://127.0.0.1:5000
	$(DEV) $(FLASK) db upgrade
	$(DEV) $(FLASK) demo load
	@echo "OpenMSK is at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(DEV) $(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --access-logfile - \
	  --access-logformat '{"method":"%(m)s","status":%(s)s,"duration_us":%(D)s}' 'webapp:create_app()'

test: setup browser ## Install everything and run every check: lint, unit, integration (SQLite and PostgreSQL), browser
	$(MAKE) --no-print-directory lint unit integration e2e

setup: system-packages $(VENV)/.installed assets translations ## Install Python and npm dependencies, build assets and catalogues

# Pango for WeasyPrint, and fonts so PDF booklets print in every script (Bengali, Urdu, Arabic).
SYSTEM_PACKAGES := fonts-liberation2 fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0
system-packages: ## Install the Debian packages PDFs need, when missing (as root with apt)
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing $$missing"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "WARNING: install these for PDF booklets: $$missing"; fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed ## Copy NHS.UK frontend from npm and compile our stylesheet
	mkdir -p webapp/static/nhsuk webapp/static/css
	cp -R $(NHSUK)/assets/. webapp/static/nhsuk/
	cp $(NHSUK)/nhsuk-frontend.min.js webapp/static/nhsuk/
	npx --no-install sass --quiet --load-path=node_modules --style=compressed --no-source-map \
	  webapp/assets/scss/openmsk.scss webapp/static/css/openmsk.css

translations: $(VENV)/.installed ## Compile the gettext catalogues (the .mo files are never committed)
	$(BIN)/pybabel compile --statistics -d translations -D messages
	@# pybabel skips a fuzzy catalogue and still exits 0: a stale or missing .mo is a failure.
	@for l in $(LOCALES); do d=translations/$$l/LC_MESSAGES; \
	  test $$d/messages.mo -nt $$d/messages.po || { echo "catalogue $$l was not compiled (fuzzy?)"; exit 1; }; done

extract-messages: $(VENV)/.installed ## Extract translatable strings into translations/messages.pot
	$(BIN)/pybabel extract --omit-header --sort-by-file -F babel.cfg -k _l -k lazy_gettext \
	  -o translations/messages.pot .

update-messages: extract-messages ## Merge new strings into every language's catalogue
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-pot-creation-date --width=0 -i translations/messages.pot -d translations

browser: ## Make sure a Chromium exists for the browser tests
	@if command -v chromium >/dev/null 2>&1; then echo "using $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/python -m playwright install chromium; fi

lint: $(VENV)/.installed ## ruff, import boundaries, mypy on the pure layers
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

unit: $(VENV)/.installed ## Unit tests: pure code, no database
	$(BIN)/pytest -q tests/unit

integration: integration-sqlite integration-postgres ## Integration tests on SQLite, then PostgreSQL

integration-sqlite: $(VENV)/.installed
	$(BIN)/pytest -q -n 2 tests/integration --database=sqlite

integration-postgres: $(VENV)/.installed
	$(BIN)/pytest -q -n 2 tests/integration --database=postgresql --postgres-url="$${TEST_DATABASE_URL:-$(PG_TEST_URL)}"

e2e: setup ## Browser tests in Chromium against a live server
	$(BIN)/pytest -q e2e

bench: setup ## Benchmarks: print figures, assert nothing
	$(BIN)/python benchmarks/pages.py

clean:
	rm -rf $(VENV) node_modules webapp/static/nhsuk webapp/static/css translations/*/LC_MESSAGES/*.mo

screenshots: setup ## Phone-sized screenshots of pages for a person to look at (PAGES, LANGS)
	$(BIN)/python -m e2e.screenshots --pages $(or $(PAGES),/) --langs $(or $(LANGS),en ur)
