# Two commands for users: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr
NGINX  ?= /usr/sbin/nginx
SERVE_PORT ?= 8080
SERVE_ADDRESS ?= 127.0.0.1

.PHONY: eval-fresh eval-fresh2 eval-fresh3 eval-fresh4 eval-fresh5 eval-fresh6 eval-fresh7 eval-fresh8 eval-fresh9 eval-fresh10 eval-fresh11 eval-fresh12 eval-fresh13 eval-fresh14 eval-fresh15 eval-fresh16 eval-fresh17 eval-fresh18 eval-fresh19 eval-fresh20 eval-fresh21 eval-fresh22 eval-fresh23 eval-fresh24 run serve test lint data bench eval eval-own eval-blind chromium firefox nginx clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/streamlit run dashboard.py --server.port $(PORT) --server.headless true

chromium:
	@if [ -x "$(CHROMIUM)" ]; then \
	  echo "chromium: $(CHROMIUM)"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "chromium missing: installing Debian's chromium package"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	    || { echo "apt-get install chromium failed" >&2; exit 1; }; \
	else \
	  echo "Browser tests need Chromium. Run:  sudo apt-get install -y chromium" >&2; exit 1; \
	fi

# Debian's Firefox ESR (128 or later speaks WebDriver BiDi itself: no geckodriver needed),
# for the map file's Firefox tests (tests/browser/test_map_file_firefox.py).
firefox:
	@if [ -x "$(FIREFOX)" ]; then \
	  echo "firefox: $(FIREFOX)"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "firefox missing: installing Debian's firefox-esr package"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr) \
	    || { echo "apt-get install firefox-esr failed" >&2; exit 1; }; \
	else \
	  echo "Browser tests need Firefox. Run:  sudo apt-get install -y firefox-esr" >&2; exit 1; \
	fi

# Debian's nginx, for `make serve` and its test (the proxy runs from our own config; the
# package's own service, if your system starts it, is not used).
nginx:
	@if [ -x "$(NGINX)" ]; then \
	  echo "nginx: $(NGINX)"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "nginx missing: installing Debian's nginx package"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx) \
	    || { echo "apt-get install nginx failed" >&2; exit 1; }; \
	else \
	  echo "Serving behind a proxy needs nginx. Run:  sudo apt-get install -y nginx" >&2; exit 1; \
	fi

# The dashboard behind nginx (gzip, cached bundles, websocket) at http://$(SERVE_ADDRESS):$(SERVE_PORT)
serve: $(VENV)/.installed nginx
	$(PY) -m gazetteer.deploy.serve --port $(SERVE_PORT) --address $(SERVE_ADDRESS) \
	  --streamlit-port $(PORT)

test: $(VENV)/.installed-test chromium firefox nginx
	$(VENV)/bin/ruff check .
	CHROMIUM=$(CHROMIUM) FIREFOX=$(FIREFOX) NGINX=$(NGINX) $(PY) -m pytest -q

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

$(VENV)/.installed-build: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[build]'
	touch $@

# Rebuild committed data: boundaries (from the npm package), places, villages and wards
# (from the mm-geo-coder package, a build-only extra) and the seed extraction.
data: $(VENV)/.installed-build
	$(PY) data/build/build_boundaries.py
	$(PY) data/build/build_places.py
	$(PY) data/build/build_villages.py
	$(PY) -m gazetteer extract seeds --out data/events.csv --force

bench: $(VENV)/.installed-test chromium nginx
	NGINX=$(NGINX) $(PY) tests/bench/run_all.py

# The extractor on real articles, scored against the shared gold set (not part of `make test`).
# REALWORLD: a git-ignored folder of article texts plus its sources.csv (third-party text:
# never committed). GOLD: the development set's gold.csv, forbidden.csv, refplaces.csv and
# score_strict.py.
REALWORLD ?= .cache/realworld
GOLD ?= ../shared/realworld
eval: $(VENV)/.installed
	$(PY) tests/eval/eval_realworld.py --articles $(REALWORLD) --gold $(GOLD)

# One scored run of the extractor: $(call eval_set,ARTICLES DIR,GOLD DIR)
eval_set = $(PY) tests/eval/eval_realworld.py --articles $(1) --gold $(2) --scorer $(SCORER)

# The same on our own held-out set (tests/eval/own_set: gold in our words, texts fetched
# again by its README into a git-ignored OWNSET folder), scored by the shared scorer.
OWNSET ?= .cache/own_set
SCORER ?= $(GOLD)/score_strict.py
eval-own: $(VENV)/.installed
	$(call eval_set,$(OWNSET),tests/eval/own_set)

# The blind set (tests/eval/blind_set): scored only to judge a finished piece of work,
# never read while writing rules.
BLINDSET ?= .cache/blind_set
eval-blind: $(VENV)/.installed
	$(call eval_set,$(BLINDSET),tests/eval/blind_set)

# The fresh set (tests/eval/fresh_set): scored blind once, used for development since.
FRESHSET ?= .cache/fresh_set
eval-fresh: $(VENV)/.installed
	$(call eval_set,$(FRESHSET),tests/eval/fresh_set)

# The second fresh set (tests/eval/fresh2_set): each half scored blind once, used since.
FRESH2SET ?= .cache/fresh2_set
eval-fresh2: $(VENV)/.installed
	$(call eval_set,$(FRESH2SET),tests/eval/fresh2_set)

# The third fresh set (tests/eval/fresh3_set): each half scored blind once, used since.
FRESH3SET ?= .cache/fresh3_set
eval-fresh3: $(VENV)/.installed
	$(call eval_set,$(FRESH3SET),tests/eval/fresh3_set)

# The fourth fresh set (tests/eval/fresh4_set): each half scored blind once, used since.
FRESH4SET ?= .cache/fresh4_set
eval-fresh4: $(VENV)/.installed
	$(call eval_set,$(FRESH4SET),tests/eval/fresh4_set)

# The fifth fresh set (tests/eval/fresh5_set): each half scored blind once, used since.
FRESH5SET ?= .cache/fresh5_set
eval-fresh5: $(VENV)/.installed
	$(call eval_set,$(FRESH5SET),tests/eval/fresh5_set)

# The sixth fresh set (tests/eval/fresh6_set): each half scored blind once, used since.
FRESH6SET ?= .cache/fresh6_set
eval-fresh6: $(VENV)/.installed
	$(call eval_set,$(FRESH6SET),tests/eval/fresh6_set)

# The seventh fresh set (tests/eval/fresh7_set): each half scored blind once, used since.
FRESH7SET ?= .cache/fresh7_set
eval-fresh7: $(VENV)/.installed
	$(call eval_set,$(FRESH7SET),tests/eval/fresh7_set)

# The eighth fresh set (tests/eval/fresh8_set): each half scored blind once, used since.
FRESH8SET ?= .cache/fresh8_set
eval-fresh8: $(VENV)/.installed
	$(call eval_set,$(FRESH8SET),tests/eval/fresh8_set)

# The ninth fresh set (tests/eval/fresh9_set): each half scored blind once, used since.
FRESH9SET ?= .cache/fresh9_set
eval-fresh9: $(VENV)/.installed
	$(call eval_set,$(FRESH9SET),tests/eval/fresh9_set)

# The tenth fresh set (tests/eval/fresh10_set): each half scored blind once, used since.
FRESH10SET ?= .cache/fresh10_set
eval-fresh10: $(VENV)/.installed
	$(call eval_set,$(FRESH10SET),tests/eval/fresh10_set)

# The eleventh fresh set (tests/eval/fresh11_set): each half scored blind once, used since.
FRESH11SET ?= .cache/fresh11_set
eval-fresh11: $(VENV)/.installed
	$(call eval_set,$(FRESH11SET),tests/eval/fresh11_set)

# The twelfth fresh set (tests/eval/fresh12_set): each half scored blind once, used since.
FRESH12SET ?= .cache/fresh12_set
eval-fresh12: $(VENV)/.installed
	$(call eval_set,$(FRESH12SET),tests/eval/fresh12_set)

# The thirteenth fresh set (tests/eval/fresh13_set): each half scored blind once, used since.
FRESH13SET ?= .cache/fresh13_set
eval-fresh13: $(VENV)/.installed
	$(call eval_set,$(FRESH13SET),tests/eval/fresh13_set)

# The fourteenth fresh set (tests/eval/fresh14_set): each half scored blind once, used since.
FRESH14SET ?= .cache/fresh14_set
eval-fresh14: $(VENV)/.installed
	$(call eval_set,$(FRESH14SET),tests/eval/fresh14_set)

# The fifteenth fresh set (tests/eval/fresh15_set): each half scored blind once, used since.
FRESH15SET ?= .cache/fresh15_set
eval-fresh15: $(VENV)/.installed
	$(call eval_set,$(FRESH15SET),tests/eval/fresh15_set)

# The sixteenth fresh set (tests/eval/fresh16_set): each half scored blind once, used since.
FRESH16SET ?= .cache/fresh16_set
eval-fresh16: $(VENV)/.installed
	$(call eval_set,$(FRESH16SET),tests/eval/fresh16_set)

# The seventeenth fresh set (tests/eval/fresh17_set): each half scored blind once, used since.
FRESH17SET ?= .cache/fresh17_set
eval-fresh17: $(VENV)/.installed
	$(call eval_set,$(FRESH17SET),tests/eval/fresh17_set)

# The eighteenth fresh set (tests/eval/fresh18_set): each half scored blind once, used since.
FRESH18SET ?= .cache/fresh18_set
eval-fresh18: $(VENV)/.installed
	$(call eval_set,$(FRESH18SET),tests/eval/fresh18_set)

# The nineteenth fresh set (tests/eval/fresh19_set): each half scored blind once, used since.
FRESH19SET ?= .cache/fresh19_set
eval-fresh19: $(VENV)/.installed
	$(call eval_set,$(FRESH19SET),tests/eval/fresh19_set)

# The twentieth fresh set (tests/eval/fresh20_set): each half scored blind once, used since.
FRESH20SET ?= .cache/fresh20_set
eval-fresh20: $(VENV)/.installed
	$(call eval_set,$(FRESH20SET),tests/eval/fresh20_set)

# The twenty-first fresh set (tests/eval/fresh21_set): each half scored blind once, used since.
FRESH21SET ?= .cache/fresh21_set
eval-fresh21: $(VENV)/.installed
	$(call eval_set,$(FRESH21SET),tests/eval/fresh21_set)

# The twenty-second fresh set (tests/eval/fresh22_set): each half scored blind once, used since.
FRESH22SET ?= .cache/fresh22_set
eval-fresh22: $(VENV)/.installed
	$(call eval_set,$(FRESH22SET),tests/eval/fresh22_set)

# The twenty-third fresh set (tests/eval/fresh23_set): each half scored blind once, used since.
FRESH23SET ?= .cache/fresh23_set
eval-fresh23: $(VENV)/.installed
	$(call eval_set,$(FRESH23SET),tests/eval/fresh23_set)

# The twenty-fourth fresh set (tests/eval/fresh24_set): each half scored blind once, used since.
FRESH24SET ?= .cache/fresh24_set
eval-fresh24: $(VENV)/.installed
	$(call eval_set,$(FRESH24SET),tests/eval/fresh24_set)

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts
