# The README's two commands — `make run` and `make test` — plus `make bench`.
# Both install missing Debian packages first (when run as root), so a fresh
# Debian 12 machine with the Swift toolchain needs nothing else.

SWIFT ?= swift
APT_PACKAGES := libncursesw5-dev libsqlite3-dev libcurl4-openssl-dev libmicrohttpd-dev \
	libsodium-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev gettext pkg-config tmux
RUN_HOME ?= .run/home
# Release programs carry the Swift runtime and Foundation inside them: a field laptop needs
# only Debian's C libraries, and the client starts with ~6 MB less resident memory because
# the dynamic loader no longer relocates libFoundation's pages (docs/PERFORMANCE.md).
RELEASE := $(SWIFT) build -c release --static-swift-stdlib

.PHONY: all deps build release test run bench bench-deps soak clean

all: build

# Installs whatever of APT_PACKAGES is missing; tells a non-root user the command instead.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else \
			echo "Missing Debian packages:$$missing"; \
			echo "Install them with: sudo apt-get install$$missing"; exit 1; \
		fi; \
	fi

build: deps
	$(SWIFT) build

# One build of every product: building them one --product at a time recompiles the shared
# modules for each, and again on the next run.
release: deps
	$(RELEASE)

# Builds everything (executables too: the command-line tests run the real rrc) and runs every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Starts a local rrcd with the demo content on a free loopback port, logs a demo account in,
# and opens the interface synced with it (demo/run.sh); the server stops when it exits.
# Without a terminal it prints the library instead. Q quits, ? shows the keys.
run: release
	@sh demo/run.sh

# The first-screen comparison needs newsboat (Debian) and pyte (PyPI) for its pseudo-terminal.
bench-deps: deps
	@command -v newsboat >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q newsboat >/dev/null; } || echo "install newsboat for the first-screen comparison"
	@python3 -c "import pyte" 2>/dev/null || python3 -m pip install -q pyte || echo "install pyte (pip) for the first-screen measurement"

bench: bench-deps
	$(RELEASE)
	@mkdir -p .bench
	.build/release/rrc-bench --out .bench/client.md
	.build/release/rrc-bench server-load --devices 200 --pace 5 --seconds 20 --out .bench/load-200-paced.md
	.build/release/rrc-bench server-load --devices 1000 --pace 5 --seconds 20 --out .bench/load-1000-paced.md
	.build/release/rrc-bench server-load --devices 200 --seconds 20 --out .bench/load-200-closed.md
	python3 Sources/rrc-bench/Tools/update_performance.py docs/PERFORMANCE.md .bench/client.md \
		.bench/load-200-paced.md .bench/load-1000-paced.md .bench/load-200-closed.md

# The reliability suites for a long time (many seeds, more rounds, more kills, more fuzzing);
# `make test` runs a bounded version of each. A failing seed replays with RRC_SEED=N.
soak: deps
	$(SWIFT) build --build-tests
	rm -f .soak-report.txt
	RRC_SOAK=1 RRC_RELIABILITY_REPORT=$(CURDIR)/.soak-report.txt $(SWIFT) test --skip-build --filter ReliabilityTests || true
	@echo; echo "Soak report:"; cat .soak-report.txt
	@! grep -q "[1-9][0-9]* failed" .soak-report.txt

clean:
	rm -rf .build .run
