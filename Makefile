# Newsroom: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WEB_CONCURRENCY ?= 2

.PHONY: run test serve lint format clean messages

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
		{ echo "Newsroom needs Python 3.12 or newer (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

var:
	mkdir -p var

run: export DJANGO_DEBUG = 1
run: $(VENV)/.installed | var
	$(BIN)/python -m newsroom.catalogues compile
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py make_renditions
	$(BIN)/python manage.py ensure_demo_editor --url http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: export DJANGO_SETTINGS_MODULE = newsroom.settings_test
test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m newsroom.catalogues compile
	$(BIN)/pytest $(PYTEST_ARGS)

# Production: needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see .env.example).
serve: $(VENV)/.installed | var
	$(BIN)/python -m newsroom.catalogues compile
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn newsroom.wsgi --bind 127.0.0.1:$(PORT) --workers $(WEB_CONCURRENCY)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# After changing words readers or the desk see: collect them into locale/*/django.po, translate
# the new entries there, and commit the .po files (the .mo files are compiled by run/test/serve).
messages: $(VENV)/.installed-dev
	$(BIN)/python -m newsroom.catalogues update

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
