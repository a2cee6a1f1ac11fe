# PolicyLens: `make demo` sets up a fresh machine, builds, and runs the main job on seeds/;
# `make test` runs the whole test suite. Both install what is missing first.

SWIFT ?= swift
APT_PACKAGES := libblas-dev liblapack-dev libopenblas0-pthread python3-jieba pkg-config
BIN := .build/release/policylens

.PHONY: demo test setup build bench fixtures clean

demo: setup build
	$(BIN) fit seeds --model models/seeds
	$(BIN) articles --model models/seeds --limit 15

test: setup
	$(SWIFT) test --parallel

setup:
	@scripts/setup.sh

build:
	$(SWIFT) build -c release --product policylens

bench: setup
	bench/run-all.sh

fixtures:
	scripts/make_fixtures.sh

clean:
	rm -rf .build
