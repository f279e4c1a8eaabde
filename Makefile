# Pontes: every command is here. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test pytest lint format messages compile demo migrate benchmark benchmark-counselling benchmark-search benchmark-library clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-22s %s\n", $$1, $$2}'

$(PY_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check '.[dev]'
	@rm -rf build pontes.egg-info
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

install: $(PY_STAMP) $(NPM_STAMP) ## Create .venv and install the Python and npm dependencies

run: install ## Migrate, load the demo content and serve http://127.0.0.1:8000 (Ctrl-C stops)
	bin/run

test: install ## Run every quality gate and the whole test suite (DATABASE_URL picks the database)
	bin/test

pytest: install ## Run only the test suite, e.g. make pytest ARGS="-k catalogue"
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/pytest $(ARGS)

lint: install ## Check formatting, lint and import layers
	$(BIN)/ruff format --check . && $(BIN)/ruff check . && $(BIN)/lint-imports

format: install ## Format Python and templates in place
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .
	find . -path ./.venv -prune -o -path ./node_modules -prune -o -name '*.html' -path '*/templates/*' -print0 | xargs -0 $(BIN)/djhtml

messages: install ## Extract interface strings into the six gettext catalogues
	$(BIN)/python manage.py update_catalogues

compile: install ## Compile the gettext catalogues
	$(BIN)/python manage.py compile_catalogues

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

demo: install ## Load (or refresh) the demo content
	$(BIN)/python manage.py load_demo_content

clean: ## Remove the local database, media and installed dependencies
	rm -rf var $(VENV) node_modules

benchmark: install ## Measure the learner features against a bare page, as ratios (ARGS="--requests 900")
	$(BIN)/python -m benchmarks.learners $(ARGS)

benchmark-counselling: install ## Measure the caseload of 500 clients x 20 modules against a bare page
	$(BIN)/python -m benchmarks.counselling $(ARGS)

benchmark-search: install ## Index 100,000 resources into each search backend, time queries (postgres with DATABASE_URL)
	$(BIN)/python -m benchmarks.search $(ARGS)

benchmark-library: install ## Measure the library page with a query (100,000 extra resources indexed) against a bare page
	$(BIN)/python -m benchmarks.library $(ARGS)
