# Everything a developer runs, from a fresh clone with Python 3.11 only.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Make .venv and install the pinned packages

setup: install ## Install, compile translations, migrate, collect static files, load the demo content
	$(MANAGE) compile_catalogues
	$(MANAGE) migrate --no-input
	$(MANAGE) convert_inline_meetings
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) load_demo_content

run: setup ## Set up, then serve the site with its demo content on http://127.0.0.1:8000/
	$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Install, then run the whole test suite (DATABASE_URL / REDIS_URL switch backends; PYTEST_ARGS='-m "not browser"')
	$(MANAGE) compile_catalogues
	$(BIN)/pytest --durations=25 $(PYTEST_ARGS)

lint: install ## ruff, Django's checks and the migration check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

messages: install ## Extract interface strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext)
	$(MANAGE) makemessages --locale fr --locale en --no-obsolete
	$(MANAGE) compile_catalogues

screenshots: install ## Regenerate the README's pictures in docs/screenshots/ (needs Debian's chromium)
	$(MANAGE) compile_catalogues
	$(BIN)/python docs/screenshots.py

.PHONY: help install setup run test lint messages screenshots

bench: install ## Benchmark at 1× and 10× data: prints a markdown table (see bench/run.py)
	$(MANAGE) compile_catalogues
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(BIN)/python bench/run.py

.PHONY: bench

lighthouse: install ## Lighthouse (mobile) on the demo site served as in production: prints a markdown table (see bench/lighthouse.py)
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)

.PHONY: lighthouse
