# PolicyLens. On a fresh Debian machine with Swift 6.1+:
#   make demo   installs what is missing, builds in release mode, and runs the main job on seeds/
#   make test   runs the whole test suite (CI runs this through .ci/run)
#   make lint   checks the sources with the toolchain's swift format and .swift-format (fails on any warning)
#   make install puts policylens in $(PREFIX)/bin (default /usr/local/bin; PREFIX=~/.local for no sudo)

SWIFT ?= swift
BIN := .build/release/policylens
PREFIX ?= /usr/local
# make demo writes here (ignored by git), so the committed model and the tree stay as they are.
DEMO := demo

.PHONY: demo install test lint setup peers build model report-check report-screenshot serve-check serve-screenshot bench bench-quick bench-smoke fuzz fuzz-smoke fixtures document-fixtures clean

demo: setup build
	$(BIN) fit seeds --model $(DEMO)/seeds
	$(BIN) similar 2024-21#4 --other-regions -n 5 --model $(DEMO)/seeds
	$(BIN) show 2024-21#4 --no-body --model $(DEMO)/seeds
	$(BIN) themes --model $(DEMO)/seeds
	$(BIN) clusters --auto --articles 3 --model $(DEMO)/seeds
	$(BIN) timeline --by issue --themes --model $(DEMO)/seeds
	$(BIN) report --out $(DEMO)/report.html --model $(DEMO)/seeds
	@echo "Open $(DEMO)/report.html in a browser."

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/policylens
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/policylens. Set POLICYLENS_MODEL=$(CURDIR)/models/seeds to use the seeds model from any folder."

test: setup
	$(SWIFT) test

# --strict turns every warning into an error, so any finding fails the target.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

setup:
	@scripts/setup.sh

# The Python peers and reference libraries (numpy, scikit-learn, gensim, jieba, rjieba), pinned.
peers:
	python3 -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt

build:
	$(SWIFT) build -c release --product policylens

# Refits the committed seeds model (after a change that alters the numbers).
model: build
	$(BIN) fit seeds --model models/seeds --quiet

# Renders the seeds report in headless Chromium and checks it (installs chromium if missing).
report-check: setup
	$(SWIFT) build --product policylens
	.build/debug/policylens report --out .build/report.html
	scripts/check_report.sh .build/report.html .build/report.png --expect-title 长三角加速低空经济产业布局 \
	  --expect-theme 低空经济 --compare-screenshot models/seeds-report.png
	.build/debug/policylens report --region 上海市 --out .build/report-shanghai.html
	scripts/check_report.sh .build/report-shanghai.html .build/report-shanghai.png --expect-focus 上海

# Regenerates the README's screenshot of the seeds report (what report-check compares against).
report-screenshot: setup
	$(SWIFT) build --product policylens
	.build/debug/policylens report --out .build/report.html
	scripts/check_report.sh .build/report.html models/seeds-report.png --expect-title 长三角加速低空经济产业布局

# Serves the seeds model on a free port: its pages checked in headless Chromium, its API fuzzed
# against its OpenAPI document with schemathesis (installs chromium and schemathesis if missing).
serve-check: setup
	$(SWIFT) build --product policylens
	scripts/check_serve.sh

# Regenerates the README's screenshots of the search and theme pages (no fuzzing).
serve-screenshot: setup
	$(SWIFT) build --product policylens
	scripts/check_serve.sh --screenshots models --skip-fuzz

# Runs every benchmark once at a tiny size (a smoke test; no timing thresholds).
bench-smoke: setup
	$(SWIFT) build --product policylens-bench
	.build/debug/policylens-bench ingest --articles 200 --repetitions 1
	.build/debug/policylens-bench segment --megabytes 0.2 --repetitions 1
	.build/debug/policylens-bench lsa --documents 300 --terms 2000 --dimensions 10 --repetitions 1 --warm-up 0
	.build/debug/policylens-bench products --model models/seeds --columns 20 --repetitions 1 --svd
	.build/debug/policylens-bench documents --repetitions 1

# Mutation fuzzing of the newsletter parser and the segmenter, 10 minutes each (release build).
# FUZZ_SECONDS and FUZZ_SEED override the length and the seed.
FUZZ_SECONDS ?= 600
FUZZ_SEED ?= 1
fuzz: setup
	$(SWIFT) build -c release --product policylens-bench
	.build/release/policylens-bench fuzz parser --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)
	.build/release/policylens-bench fuzz segmenter --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

# A few seconds of each (CI runs this through .ci/run).
fuzz-smoke: setup
	$(SWIFT) build --product policylens-bench
	.build/debug/policylens-bench fuzz parser --seconds 3
	.build/debug/policylens-bench fuzz segmenter --seconds 3

bench: setup peers
	bench/run-all.sh

bench-quick: setup peers
	bench/run-all.sh --quick

# Regenerates the reference fixtures from numpy, scikit-learn, scipy and jieba.
fixtures: peers
	python3 scripts/numeric_fixtures.py
	python3 scripts/clustering_fixtures.py
	python3 scripts/jieba_fixture.py

# Renders the seeds to PDF (and Word, web pages) and writes the other document fixtures of
# IngestTests (CJK fonts and the opencc command from Debian, fpdf2 from PyPI).
document-fixtures: setup
	@dpkg -s fonts-noto-cjk opencc >/dev/null 2>&1 || apt-get install -y -qq fonts-noto-cjk opencc >/dev/null
	python3 -m pip install --quiet --disable-pip-version-check -r scripts/document_fixtures-requirements.txt
	python3 scripts/document_fixtures.py

clean:
	rm -rf .build
