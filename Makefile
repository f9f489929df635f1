# The README's two commands are `make run` and `make test`; the rest are parts.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv may be missing, or hidden by a pyenv shim for another Python: then a
# private copy goes in .uv/ (uv cannot download interpreters on our machines).
UV := $(shell uv --version >/dev/null 2>&1 && echo uv || echo .uv/bin/uv)
export UV_PYTHON_DOWNLOADS := never
MANAGE := $(UV) run --locked python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run test test-postgres lint format migrations-check deploy-check ci

help:
	@echo "make run    set up and start the site with demo content (SQLite)"
	@echo "make test   run the whole test suite"

.uv/bin/uv:
	python3 -m venv .uv
	.uv/bin/pip install --quiet uv

install: $(if $(filter .uv/bin/uv,$(UV)),.uv/bin/uv)
	$(UV) sync --locked --quiet

.env:
	cp .env.example .env

# The site, one background-job worker and the periodic-job scheduler
# (docs/operations.md#background-jobs); Ctrl-C stops all three. With
# TASKS_BACKEND=rq in .env: make run WORKER="rqworker --job-class django_tasks_rq.Job --with-scheduler"
WORKER ?= db_worker
run: install .env
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	trap 'kill $$(jobs -p) 2>/dev/null; wait' EXIT; \
	$(MANAGE) $(WORKER) & \
	$(MANAGE) run_periodic & \
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(UV) run --locked pytest $(PYTEST_ARGS)

lint: install
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .

format: install
	$(UV) run --locked ruff format .
	$(UV) run --locked ruff check --fix .

migrations-check: install
	DEBUG=true $(MANAGE) makemigrations --check --dry-run

deploy-check: install
	DEBUG=false SECRET_KEY=$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=www.example.fr \
		$(MANAGE) check --deploy --fail-level WARNING

ci:
	bash .ci/run

# Benchmarks (docs/benchmarks.md). Loopback only, bounded runs.
PEERS ?= $(firstword $(wildcard ../shared/peers /work/shared/peers))
BENCH_N ?= 1000

.PHONY: bench bench-ours bench-seed
bench-seed: install  ## seed N bench articles: make bench-seed N=100000
	$(UV) run --locked python -m bench.seed $(or $(N),$(BENCH_N))

.PHONY: bench-admin
bench-admin: install  ## the article admin as a superuser: DATABASE_URL=postgres://…/newsday_bench_100000 make bench-admin
	$(UV) run --locked python -m bench.admin

bench-ours: install  ## our pages only (no peers); quick: DURATION=2s WARMUP=1s NEWSDAY_N_SCALE=0
	bash bench/load.sh

bench: install  ## our pages beside nginx, the Django floor and Wagtail, then the table in docs/benchmarks.md
	@test -n "$(PEERS)" || { echo "shared/peers not found: set PEERS=/path/to/shared/peers"; exit 1; }
	OUT=/var/tmp/bench-run/results/$$(date -u +%Y%m%dT%H%M%SZ); \
	EXTRA_TARGETS=$(CURDIR)/bench/ours.sh OUT=$$OUT SCALE=$${SCALE:-0} bash $(PEERS)/run.sh && \
	$(UV) run --locked python bench/report.py $$OUT --readme docs/benchmarks.md
