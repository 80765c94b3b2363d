# offsync — `make run` and `make test` work from a fresh clone: they install the C libraries
# that are missing (apt-get, as root), build, and run.

SWIFT    ?= swift
PREFIX   ?= /usr/local
CONFIG   ?= release
WORKSPACE ?= samples
OUT      ?= exports/samples

# Debian package per header the build needs.
NEEDED = csv.h:libcsv-dev zlib.h:zlib1g-dev sqlite3.h:libsqlite3-dev

.PHONY: all run test engines engines-spark test-engines test-tsan soak build deps install dist dist-check samples clean bench-ingest bench fuzz fuzz-replay

all: build

## deps: install the missing C libraries (libcsv, zlib, SQLite) through apt-get when root.
deps:
	@missing=""; \
	for pair in $(NEEDED); do \
	  header=$${pair%%:*}; package=$${pair##*:}; \
	  [ -f /usr/include/$$header ] || [ -f /usr/include/x86_64-linux-gnu/$$header ] || [ -f /usr/include/aarch64-linux-gnu/$$header ] || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null || exit 1; \
	  else \
	    echo "make: offsync needs the Debian packages$$missing; install them with: sudo apt-get install$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product offsync

## run: build, then run the sample workspace into exports/samples.
run: build
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/offsync run $(WORKSPACE) --out $(OUT)

## engines: DuckDB's Python package (DUCKDB, pinned) in a virtual environment of its own
## ($(ENGINES_VENV)), for the tests that run compiled jobs beside offsync's own engine.
DUCKDB       ?= duckdb==2.0.0
ENGINES_VENV ?= .build-engines/venv
ENGINES_PYTHON = $(abspath $(ENGINES_VENV))/bin/python
engines:
	@if ! $(ENGINES_PYTHON) -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$(patsubst duckdb==%,%,$(DUCKDB))')" 2>/dev/null; then \
	  echo "make: installing $(DUCKDB) into $(ENGINES_VENV)"; \
	  python3 -m venv $(ENGINES_VENV) || { echo "make: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }; \
	  $(ENGINES_PYTHON) -m pip install --quiet --disable-pip-version-check $(DUCKDB) || exit 1; \
	fi

## engines-spark: PySpark (SPARK, pinned) beside DuckDB in the same environment, and a Java
## runtime (Debian's openjdk-17-jre-headless, through apt-get as root) when `java` is missing.
SPARK ?= pyspark==4.3.0
engines-spark: engines
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing openjdk-17-jre-headless"; \
	    mkdir -p /usr/share/man/man1; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null || exit 1; \
	  else \
	    echo "make: Spark needs Java 17 or later; install it with: sudo apt-get install openjdk-17-jre-headless" >&2; exit 1; \
	  fi; \
	fi
	@if ! $(ENGINES_PYTHON) -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$(patsubst pyspark==%,%,$(SPARK))')" 2>/dev/null; then \
	  echo "make: installing $(SPARK) into $(ENGINES_VENV)"; \
	  $(ENGINES_PYTHON) -m pip install --quiet --disable-pip-version-check $(SPARK) || exit 1; \
	fi

## test: the whole test suite but Spark's half (what a new user runs), with DuckDB for the
## compiled jobs' differential tests.
test: deps engines
	OFFSYNC_DUCKDB_PYTHON=$(ENGINES_PYTHON) $(SWIFT) test --skip Spark

## test-engines: the Spark half (PySpark and Java installed when missing); CI runs it after `make test`.
test-engines: deps engines-spark
	OFFSYNC_DUCKDB_PYTHON=$(ENGINES_PYTHON) OFFSYNC_SPARK_PYTHON=$(ENGINES_PYTHON) $(SWIFT) test --filter Spark

## test-tsan: the whole suite under ThreadSanitizer, in a build folder of its own (.build-tsan).
## SIGBUS is left to the program: the tests of the mapped-file guard expect it.
test-tsan: deps engines
	OFFSYNC_DUCKDB_PYTHON=$(ENGINES_PYTHON) TSAN_OPTIONS=handle_sigbus=0 $(SWIFT) test --skip Spark --sanitize=thread --scratch-path .build-tsan

## soak: the kill test at 300 moments instead of `make test`'s 16 (SIGKILL during a run; the
## output and state must be whole and from before or after it).
soak: deps
	OFFSYNC_KILLS=300 $(SWIFT) test --filter KillTests

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $$($(SWIFT) build -c $(CONFIG) --show-bin-path)/offsync $(DESTDIR)$(PREFIX)/bin/offsync

## dist: dist/offsync-<version>-linux-<arch>.tar.gz: a binary with the Swift runtime,
## Foundation, libcsv, zlib and SQLite linked in (ldd lists only the C library's parts), the
## README, the docs, the samples and SHA256SUMS (scripts/dist.sh).
dist: deps
	SWIFT=$(SWIFT) scripts/dist.sh

## dist-check: the archive's samples run with an empty environment and the toolchain hidden
## (scripts/dist-check.sh); CI runs it after the tests.
dist-check: dist
	scripts/dist-check.sh

## samples: regenerate the sample dumps and expected.json (deterministic), render the sample
## dataflow documents with offsync itself, and compile the samples' DuckDB and Spark jobs
## (samples/compiled, samples/compiled-spark).
samples: build
	python3 samples/generate.py
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/offsync spec render --in-place samples/dataflows
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/offsync compile samples --engine duckdb --out samples/compiled
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/offsync compile samples --engine spark --out samples/compiled-spark

## bench-ingest: generate large exports in .bench once (deterministic, ~650 MB), then print
## MB/s and peak RSS per reader, each case in its own process. A benchmark, not part of `make test`.
BENCH_DIR ?= .bench
bench-ingest: deps
	$(SWIFT) build -c release --product offsync-bench
	python3 bench/generate.py --out $(BENCH_DIR)
	$$($(SWIFT) build -c release --show-bin-path)/offsync-bench --dir $(BENCH_DIR)

## bench: offsync against a hand-written DuckDB job on one generated workspace shaped like seed 001
## (N contact persons and N users, default 1,000,000: `N=4000000 make bench`; ~430 MB at 1M, written
## once into .bench). Runs `offsync run` twice (no state, then links remembered), the DuckDB job
## (DuckDB from PyPI in .bench/venv) and the job `offsync compile` writes, checks that their counts
## and lines agree, and prints wall time, CPU time, peak RSS, the ratio and offsync's seconds per
## stage. `REPEAT=3 make bench`: three rounds of offsync's runs and the DuckDB job, medians printed.
## A benchmark, not part of `make test`.
BENCH_RECORDS ?= 1000000
N ?= $(BENCH_RECORDS)
REPEAT ?= 1
bench: build
	python3 bench/bench.py --records $(N) --dir $(BENCH_DIR) --repeat $(REPEAT) \
	  --offsync $$($(SWIFT) build -c $(CONFIG) --show-bin-path)/offsync

## fuzz: libFuzzer with AddressSanitizer on each reader in turn (FUZZ_TARGETS), FUZZ_SECONDS
## each, from the committed seeds in Fuzz/corpus/<target>; what it learns goes to
## $(FUZZ_DIR)/corpus/<target>, what it finds to $(FUZZ_DIR)/findings/ (and the run stops).
## Fuzz/dictionaries/<target>.dict gives it the words the readers compare inside the standard
## library, which it cannot see. Leak checks are off (-detect_leaks=0): they halved the speed
## and found nothing; FUZZ_FLAGS=-detect_leaks=1 turns them on. SWIFT_BACKTRACE is off so that
## libFuzzer, not Swift's backtracer, reports a crash and writes its input.
## A finding is fixed, and its input committed to Fuzz/corpus/<target> with a test.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv json document gzip parquet values
FUZZ_DIR     ?= .build-fuzz
FUZZ_FLAGS   ?=
fuzz: deps
	$(SWIFT) build -c release --scratch-path $(FUZZ_DIR) --product offsync-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xlinker --allow-multiple-definition
	@# --allow-multiple-definition: SwiftPM points `main` at the target's own (which starts
	@# libFuzzer's driver); the fuzzer runtime it links brings a `main` of its own too.
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$target $(FUZZ_DIR)/findings || exit 1; \
	  echo "make: fuzzing $$target for $(FUZZ_SECONDS) seconds"; \
	  dict=""; [ -f Fuzz/dictionaries/$$target.dict ] && dict=-dict=Fuzz/dictionaries/$$target.dict; \
	  SWIFT_BACKTRACE=enable=no $(FUZZ_DIR)/release/offsync-fuzz $$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -detect_leaks=0 -print_final_stats=1 $$dict -artifact_prefix=$(FUZZ_DIR)/findings/$$target- $(FUZZ_FLAGS) \
	    $(FUZZ_DIR)/corpus/$$target Fuzz/corpus/$$target || exit 1; \
	done

## fuzz-replay: every committed corpus input once through its target, without the fuzzer
## (what the corpus test in `make test` does, with each reading printed).
fuzz-replay: deps
	$(SWIFT) build --product offsync-fuzz
	@for target in $(FUZZ_TARGETS); do \
	  $$($(SWIFT) build --show-bin-path)/offsync-fuzz $$target Fuzz/corpus/$$target || exit 1; \
	done

clean:
	rm -rf .build exports/samples samples/.offsync
