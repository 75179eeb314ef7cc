# The book's commands. `make book` builds the site; `make test` runs every check. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
SITE := _build/html
APT_PACKAGES := chromium fonts-nanum
PORT ?= 8000
LAB_PORT ?= 8888
# The site's public address, when the deploy knows it (make book BASEURL=https://...): og:url, og:image, sitemap.xml.
ifdef BASEURL
export AXBOOK_BASEURL := $(BASEURL)
endif
# One edition only: make book LANG=ko (or LANG=en); both by default. Only from the command line: the shell's own LANG
# is a locale (C.UTF-8), not an edition.
ifeq ($(origin LANG),command line)
export AXBOOK_LANGUAGES := $(LANG)
unexport LANG
endif

.PHONY: help env book pdf execute pages regen test test-shard shard test-fast mutate lint serve lab chapter clean vendor lock apt

help:
	@echo "make book     build the site into $(SITE), both editions (English at the root, Korean under ko/); LANG=en or LANG=ko builds one; BASEURL=https://... gives its public address"
	@echo "make pdf      the PDF edition, printed from the built site by Debian's Chromium, into $(SITE)/book.pdf"
	@echo "make test     run the whole test suite (data, package, notebooks, papermill, build, site in Chromium, lint)"
	@echo "make test-fast  data, package, notebook and papermill tests and lint; no site build, no browser (minutes less)"
	@echo "make test-shard SHARD=copies|site|rest  one third of make test, as one GitHub job runs it"
	@echo "make shard SHARD=...  check that SHARD names one of the three (make test-shard does first)"
	@echo "make execute  execute the notebook pages (PAGE=chapters/... for one) into _build/executed; make book then renders them"
	@echo "make pages    the notebook pages as JSON (CI's matrix: one job per page)"
	@echo "make regen    re-execute every notebook in _toc.yml and rewrite its stored outputs (the regression reference)"
	@echo "make lab      open the chapters in JupyterLab on http://127.0.0.1:$(LAB_PORT) (the book's kernel and package)"
	@echo "make chapter NAME=06-topic TITLE=\"...\" [TITLE_KO=\"...\"] [ARTICLE=id]  scaffold a chapter that builds and passes the tests, in both editions"
	@echo "make translations  update the Korean catalog from the strings the package marks; list what is left to translate"
	@echo "make serve    preview $(SITE) on http://127.0.0.1:$(PORT) (PORT=... to change)"
	@echo "make mutate   mutation testing of axbook (mutmut) against the stated tests; score per module (MODULES=\"checks.params data.tables\" for some)"
	@echo "make lint     ruff on code and notebooks, the workflow against GitHub's schema"
	@echo "make env      create or update $(VENV) from requirements.txt"
	@echo "make apt      install the Debian packages the tests need (chromium, fonts-nanum)"
	@echo "make clean    remove _build"
	@echo "make help     this list"
	@echo "make lock     recompile requirements.txt from requirements.in"
	@echo "make vendor   re-fetch vega and vega-embed (the site) and vega-lite (the benchmark) from the npm registry"

# The environment is rebuilt when the lock file or the package metadata change. Bytecode is compiled at install:
# with PYTHONDONTWRITEBYTECODE set (as on this CI machine) every kernel would otherwise recompile pandas and altair
# from source (import pandas, altair, frictionless: 5.4 s -> 3.2 s).
$(VENV)/.synced: requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(VENV)/bin/uv pip sync -q --compile-bytecode --python $(PY) requirements.txt
	@$(VENV)/bin/uv pip install -q --python $(PY) --no-deps --no-build-isolation -e . 2>/dev/null \
	  || $(VENV)/bin/uv pip install -q --python $(PY) --no-deps -e .
	@touch $@

env: $(VENV)/.synced

# Debian packages: vl-convert's Hangul font (the charts are laid out and rasterised in it), the tests' Chromium.
# Installs them when root, else says how.
apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing. Run: sudo apt-get install -y$$missing" >&2; exit 1; fi; \
	fi

# Validate, build into _build/stage, publish _build/html whole (see axbook/site/build.py). Pages re-execute
# when anything they read changes: the data they load, the package, the lock file (axbook/site/sphinx_ext.py).
book: env apt
	@$(PY) -m axbook.site.build

# The PDF edition: every page printed by Chromium from the built site, joined into $(SITE)/book.pdf (axbook/site/pdf.py).
pdf: book apt
	@$(PY) -m axbook.site.pdf

# The build split in two, as CI runs it on several machines: execute pages (all, or PAGE=chapters/02-power-equipment)
# into _build/executed/, then `make book` renders each page from its copy while the copy's inputs are unchanged.
execute: env
	@$(PY) -m axbook.site.execute $(PAGE)

# The notebook pages as JSON, for CI's matrix (one job per page).
pages: env
	@$(PY) -m axbook.site.execute --matrix

regen: env
	@$(PY) -m axbook.data.validate
	$(PY) -m axbook.authoring.regen

# Tests run in parallel across the cores, one at a time as workers free up; the files whose tests share a copy of
# the repository run whole on one worker, in order (tests/conftest.py).
# Notebooks are executed once: `make execute` (in parallel), then the book renders from those copies and the
# regression tests compare them (tests/book/test_notebooks.py); papermill runs its own variants.
test: env apt execute book pdf
	$(PY) -m pytest -n auto --dist load
	@$(MAKE) --no-print-directory lint

# The suite in three parts, as GitHub runs it on three machines (one job each, .github/workflows/book.yml): the
# scenarios on copies of the repository, the built site (both editions, in Chromium), and the rest (data, package,
# notebooks, papermill) with lint. `make test-shard SHARD=site` reproduces one here; together they are `make test`.
SHARD ?= rest
SHARD_copies := -m repository_copy
SHARD_site := -m 'not repository_copy' tests/site
SHARD_rest := -m 'not repository_copy' --ignore=tests/site
test-shard: shard env apt execute book pdf
	$(PY) -m pytest -n auto --dist load $(SHARD_$(SHARD))
	@if [ "$(SHARD)" = rest ]; then $(MAKE) --no-print-directory lint; fi

shard:
	@test -n "$(SHARD_$(SHARD))" || { echo "SHARD=$(SHARD): one of copies, site, rest" >&2; exit 2; }

# Everything that needs neither a built site nor a browser: what to run while writing.
test-fast: env
	$(PY) -m pytest -n auto --dist load -m 'not repository_copy' --ignore=tests/site/test_browser.py
	@$(MAKE) --no-print-directory lint

lint: env
	$(VENV)/bin/ruff check axbook tests benchmarks tools chapters intro.ipynb data-and-sources.ipynb
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

serve: env
	@test -d $(SITE) || { echo "no site yet: run make book" >&2; exit 1; }
	$(PY) -m http.server --bind 127.0.0.1 --directory $(SITE) $(PORT)

# Mutation testing (not part of make test: it takes tens of minutes). Mutants are made in ./mutants, a copy,
# and judged by the tests that state rules (pyproject.toml [tool.mutmut]), not by the notebook regression.
mutate: env
	rm -rf mutants && mkdir -p _build
	$(VENV)/bin/mutmut run --max-children $$(nproc) $(foreach m,$(MODULES),"axbook.$(m).*") > _build/mutmut.log 2>&1 \
	  || { tail -c 2000 _build/mutmut.log; exit 1; }
	$(PY) tools/mutation_score.py

# The editor: JupyterLab from the locked environment, so chapters run on the book's kernel and package.
lab: env
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) --ServerApp.root_dir=$(CURDIR) \
	  --ServerApp.preferred_dir=$(CURDIR)/chapters $$([ "$$(id -u)" = 0 ] && echo --allow-root) $(LAB_ARGS)

chapter: env
	@test -n "$(NAME)" -a -n "$(TITLE)" || { echo 'usage: make chapter NAME=06-topic TITLE="The title" [TITLE_KO="한국어 제목"] [ARTICLE=article-id]' >&2; exit 2; }
	@TITLE_KO="$(TITLE_KO)" $(PY) -m axbook.authoring.scaffold "$(NAME)" "$(TITLE)" $(ARTICLE)
	@echo "next: commit, then make test passes as it stands; write the chapter (make lab), make regen, make test (CONTRIBUTING.md)"

# The catalogs of the editions brought up to date with the strings the package marks, and what is left to translate.
translations: env
	@$(PY) -m axbook.authoring.translations

clean:
	rm -rf _build

lock: env
	$(VENV)/bin/uv pip compile requirements.in --python-version 3.11 --generate-hashes -o requirements.txt

vendor:
	tools/vendor-frontend.sh $$($(PY) -c 'import altair; print(altair.SCHEMA_VERSION.lstrip("v"))')
