# minutebook: `make report` builds the minutes, `make test` checks everything.
# The first run of either sets up .venv and a Chromium (scripts/setup.sh).

VENV ?= .venv
BIN := $(VENV)/bin
SETUP := $(VENV)/.setup-done
# minutebook's bytecode, up to date: an editable install writes none, and where
# PYTHONDONTWRITEBYTECODE is set no command or kernel would either, each compiling the
# modules it imports anew (a fifth of a second of a cold build). Takes 0.04 s when current;
# a lib/ that cannot be written to is left as it is.
BYTECODE := -@$(BIN)/python -m compileall -q lib

.PHONY: report test test-template lint format schema bench lab screenshots setup setup-pdf lock clean

report: $(SETUP)
	$(BYTECODE)
	@$(BIN)/minutebook build $(if $(TIMEOUT),--timeout $(TIMEOUT))
	@echo
	@echo "Open the archive: file://$(CURDIR)/reports/index.html"
	@echo "or the minutes (and kallelser of meetings still to come):"
	@for d in reports/*/*/; do \
	    if [ -f $$d/minutes.html ]; then echo "  file://$(CURDIR)/$${d}minutes.html"; \
	    elif [ -f $$d/agenda.html ]; then echo "  file://$(CURDIR)/$${d}agenda.html"; fi; done
	@if [ -f reports/_anslagstavla/index.html ]; then \
	    echo "the notice board: file://$(CURDIR)/reports/_anslagstavla/index.html"; fi

test: $(SETUP) lint
	$(BYTECODE)
	$(BIN)/pytest

# One series' template: it passes ruff and builds its latest meeting, and tests named for it
# (tests/template/test_<series>.py) pass. Without SERIES: every template.
test-template: $(SETUP)
	$(BIN)/pytest tests/template -k "$(if $(SERIES),$(subst -,_,$(SERIES)) or $(SERIES),template)"

lint: $(SETUP)
	$(BIN)/ruff check lib tests bench scripts notebooks
	$(BIN)/ruff format --check lib tests bench scripts notebooks
	$(BIN)/mypy

format: $(SETUP)
	$(BIN)/ruff format lib tests bench scripts notebooks
	$(BIN)/ruff check --fix lib tests bench scripts notebooks

schema: $(SETUP)
	$(BIN)/minutebook schema > meeting.schema.json

bench: $(SETUP)
	$(BYTECODE)
	$(BIN)/python bench/run.py

screenshots: report
	@command -v pdftoppm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq poppler-utils >/dev/null; } || true
	$(BIN)/python scripts/screenshots.py

lab: $(SETUP)
	$(BIN)/jupyter lab --notebook-dir=. \
	    --ContentsManager.pre_save_hook=minutebook.secretary.saving.without_outputs \
	    $$([ "$$(id -u)" = 0 ] && echo --allow-root)

setup: $(SETUP)

# The exact versions setup installs, for every platform and Python minutebook runs on: redo
# after changing dependencies in pyproject.toml (it keeps every pin it can), or with
# UPGRADE=1 to move every package to its newest release that pyproject.toml allows.
lock: $(SETUP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --generate-hashes \
	    --quiet --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) \
	    --output-file requirements.lock
	scripts/setup.sh

setup-pdf:
	scripts/setup.sh

$(SETUP): pyproject.toml requirements.lock scripts/setup.sh
	scripts/setup.sh
	@touch $@

clean:
	rm -rf reports/*/ $(VENV)
