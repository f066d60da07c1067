# Coopérer — every target is a thin call of the real tool. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format migrations content bench backup restore audit shots fuzz lock

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.requirements: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.requirements-dev: requirements-dev.txt $(VENV)/.requirements
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

# The lock files pin every package, with its hashes, for the Python of .venv. Without UPGRADE, the
# versions already locked are kept and only what pyproject.toml adds or changes is resolved.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --python $(PY) --generate-hashes --no-strip-extras \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade,) --quiet
lock: $(VENV)/.requirements-dev ## Compile pyproject.toml's dependencies into the hashed lock files (UPGRADE=1 takes new releases)
	$(UV_COMPILE) -o requirements.txt
	$(UV_COMPILE) --extra dev -c requirements.txt -o requirements-dev.txt

run: $(VENV)/.requirements ## Set up everything and serve the site with its content at http://127.0.0.1:8000/
	mkdir -p var
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) load_hub_content
	DEBUG=1 $(MANAGE) ensure_admin
	DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

serve: $(VENV)/.requirements ## Serve the production configuration with gunicorn (needs SECRET_KEY)
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) collectstatic --noinput
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) update_term_usage
	DJANGO_SETTINGS_MODULE=hub.settings.production $(BIN)/gunicorn hub.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile -

content: $(VENV)/.requirements ## Load the site's content again (FORCE=1 overwrites editors' changes)
	DEBUG=1 $(MANAGE) load_hub_content $(if $(FORCE),--force,)

# pytest exits 5 when it collects no test: say so loudly and succeed; any other failure stops make.
define run_pytest
	@echo "== pytest on $(1)"
	@$(2) $(BIN)/pytest $(PYTEST_ARGS) $(3); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest on $(1): no tests were collected"; \
	elif [ $$status -ne 0 ]; then echo "pytest on $(1) FAILED (exit $$status)"; exit $$status; fi
endef

# The browser tests check what Chromium shows and does, which the database does not change: they run
# in the SQLite pass only (POSTGRES_PYTEST_ARGS= runs them on PostgreSQL too).
POSTGRES_PYTEST_ARGS ?= --ignore=tests/browser

test: $(VENV)/.requirements-dev ## Lint, check formatting, import floors, migrations and deploy settings, run the tests on SQLite and (with TEST_DATABASE_URL) PostgreSQL
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=hub.settings.production SECRET_KEY=deploy-check-only-$$(date +%s)-not-a-secret-0123456789abcdef \
		ALLOWED_HOSTS=cooperer.example.org $(MANAGE) check --deploy --fail-level WARNING
	$(call run_pytest,SQLite,env -u DATABASE_URL)
ifneq ($(strip $(TEST_DATABASE_URL)),)
	$(call run_pytest,PostgreSQL,DATABASE_URL=$(TEST_DATABASE_URL),$(POSTGRES_PYTEST_ARGS))
else
	@echo "TEST_DATABASE_URL is not set: the PostgreSQL run is skipped."
endif

lint: $(VENV)/.requirements-dev ## Check code style (ruff)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.requirements-dev ## Format the code (ruff)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations: $(VENV)/.requirements-dev ## Create migrations after a model change
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) makemigrations

BENCH_SQLITE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/cooperer_bench

bench: $(VENV)/.requirements-dev ## Run the benchmarks (linker; pages, cached and not, under load; search and pages with 20,000 extra documents)
	mkdir -p var
	DEBUG=1 $(MANAGE) bench_linker
	DEBUG=0 SECRET_KEY=bench-only-not-a-secret $(MANAGE) collectstatic --noinput -v0
	DEBUG=1 $(MANAGE) bench_pages
	DEBUG=1 DATABASE_URL=$(BENCH_SQLITE_URL) $(MANAGE) bench_search
	DEBUG=1 VAR_DIR=$(CURDIR)/var/bench-sqlite DATABASE_URL=$(BENCH_SQLITE_URL) $(MANAGE) bench_pages --no-setup --no-load --runs 5
	@if $(PY) -c "import psycopg; psycopg.connect('$(BENCH_POSTGRES_URL)'.rsplit('/', 1)[0] + '/postgres').close()" 2>/dev/null; then \
		$(PY) -c "import psycopg; c = psycopg.connect('$(BENCH_POSTGRES_URL)'.rsplit('/', 1)[0] + '/postgres', autocommit=True); c.execute('CREATE DATABASE $(notdir $(BENCH_POSTGRES_URL))') if not c.execute(\"SELECT 1 FROM pg_database WHERE datname = '$(notdir $(BENCH_POSTGRES_URL))'\").fetchone() else None"; \
		DEBUG=1 DATABASE_URL=$(BENCH_POSTGRES_URL) $(MANAGE) bench_search; \
		DEBUG=1 VAR_DIR=$(CURDIR)/var/bench-postgres DATABASE_URL=$(BENCH_POSTGRES_URL) $(MANAGE) bench_pages --no-setup --no-load --runs 5; \
	else echo "No PostgreSQL server at $(BENCH_POSTGRES_URL): the PostgreSQL benchmarks are skipped."; fi

backup: $(VENV)/.requirements ## Write backups/cooperer-<timestamp>.tar.gz: the database and the media files
	DEBUG=1 $(MANAGE) backup --output backups

restore: $(VENV)/.requirements ## Bring a backup back: make restore FILE=backups/cooperer-....tar.gz
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/cooperer-YYYYMMDD-HHMMSS.tar.gz"; exit 2)
	DEBUG=1 $(MANAGE) restore "$(FILE)"

audit: $(VENV)/.requirements ## Lighthouse on the key pages (needs Chromium and Node.js): writes reports/lighthouse.md
	test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund
	mkdir -p var
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) load_hub_content
	DEBUG=0 SECRET_KEY=audit-only-not-a-secret $(MANAGE) collectstatic --noinput -v0
	DEBUG=0 SECRET_KEY=audit-only-not-a-secret $(MANAGE) audit

shots: $(VENV)/.requirements-dev ## Full-page screenshots of the key pages (320/390/1366 px, fr/en, light/dark) in reports/shots/
	mkdir -p var
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) load_hub_content
	DEBUG=1 $(MANAGE) shots

fuzz: PYTEST_ARGS = tests/hub/test_fuzz.py -q --hypothesis-show-statistics
fuzz: $(VENV)/.requirements-dev ## Fuzz every public endpoint with 10,000 requests (SQLite; PostgreSQL too with TEST_DATABASE_URL)
	$(call run_pytest,SQLite (fuzz),env -u DATABASE_URL HYPOTHESIS_PROFILE=fuzz)
ifneq ($(strip $(TEST_DATABASE_URL)),)
	$(call run_pytest,PostgreSQL (fuzz),env HYPOTHESIS_PROFILE=fuzz DATABASE_URL=$(TEST_DATABASE_URL))
else
	@echo "TEST_DATABASE_URL is not set: the PostgreSQL fuzz is skipped."
endif
