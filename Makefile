# Two commands for a fresh Debian or Ubuntu machine: `make run` and `make test`.
# Each creates .venv when missing and installs the project into it (again when
# pyproject.toml or setup.py changed).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DATA ?= demo-data

.PHONY: run test test-elsewhere lint screenshots bench clean translations demo-central

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kiosk demo-data --data-dir $(DEMO_DATA)
	$(BIN)/kiosk run --windowed --data-dir $(DEMO_DATA)

# Several kiosks and the front desk (issue 17): a throwaway PostgreSQL (Debian's `postgresql`;
# as root it runs as $KIOSK_TEST_USER, see tests/central/pg.py), two kiosks in windows with
# fictional requests, each with its `kiosk sync`, and `kiosk desk`. PIN 246810 everywhere.
# Closing the desk window ends everything and removes the server and its files.
demo-central: $(STAMP)
	$(BIN)/python -m tests.desk.demo_central

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/kiosk doctor --system
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

# The whole suite again on the other side of the date line and in another language: no test
# may depend on the machine's time zone or locale. CI runs it after `make test`; the locale
# must exist (.ci/run makes it with localedef).
ELSEWHERE := TZ=Pacific/Kiritimati LANG=es_ES.UTF-8 LC_ALL=es_ES.UTF-8
test-elsewhere: $(STAMP)
	$(ELSEWHERE) QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# After changing a tr() text: refresh the Spanish .ts (translators fill it in, by hand or with
# pyside6-linguist), then compile it to the .qm the kiosk loads. Both files are committed;
# tests/unit/test_translations.py fails while either is stale or a translation is missing.
# English has a file too, for the plural forms only ("1 second" / "2 seconds"; -pluralonly).
SOURCES = $$(find kiosk -name '*.py' | sort)
LUPDATE = $(BIN)/pyside6-lupdate -no-obsolete -locations none -source-language en_US
translations: $(STAMP)
	$(LUPDATE) -target-language es_US $(SOURCES) -ts assets/i18n/kiosk_es.ts
	$(LUPDATE) -target-language en_US -pluralonly $(SOURCES) -ts assets/i18n/kiosk_en.ts
	for ts in assets/i18n/kiosk_*.ts; do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

# Renders every screen in both orientations to screenshots/ for a review by eye.
SCREENS := home topic:what-is-axial-back-pain topic:get-help-now spine spine:lumbar callback \
	callback:bottom callback:done idle-warning attract staff
screenshots: $(STAMP)
	mkdir -p screenshots
	for screen in $(SCREENS); do \
	  name=$$(echo $$screen | tr ':' '-'); \
	  for look in "en 100" "es 100" "en 200" "es 200"; do \
	    set -- $$look; \
	    $(BIN)/kiosk screenshot $$screen screenshots/$$name-$$1-$$2-portrait.png --size 1080x1920 --lang $$1 --text-size $$2; \
	    $(BIN)/kiosk screenshot $$screen screenshots/$$name-$$1-$$2-landscape.png --size 1920x1080 --lang $$1 --text-size $$2; \
	  done; \
	done

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/navigation.py
	$(BIN)/python bench/spine.py
	$(BIN)/python bench/storage.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/session.py

clean:
	rm -rf $(VENV) build *.egg-info screenshots .pytest_cache .mypy_cache .ruff_cache
