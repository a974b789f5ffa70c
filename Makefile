# The README's two commands: `make demo` and `make test`. Everything they need, they install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint browser messages bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/sampark demo

# Debian's Chromium for the real-browser tests (Playwright drives it; it never downloads a browser), and a
# Devanagari font so Hindi pages lay out as on a phone instead of as boxes.
browser:
	@(command -v chromium >/dev/null && fc-list :lang=hi | grep -q .) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-lohit-deva >/dev/null)

test: install browser
	$(BIN)/ruff check .
	SAMPARK_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -n 2 -p no:cacheprovider

# Recompile Hindi translations after editing sampark/locale/hi/LC_MESSAGES/django.po (needs gettext).
messages: install
	cd sampark && SAMPARK_DATA_DIR=$$(mktemp -d) ../$(BIN)/sampark makemessages -l hi --no-obsolete && SAMPARK_DATA_DIR=$$(mktemp -d) ../$(BIN)/sampark compilemessages -l hi

bench: install
	bash bench/run.sh
