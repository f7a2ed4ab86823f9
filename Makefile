# dsaudit: the two set-up commands are `make run` and `make test`.
# Each installs missing Debian packages (apt-get, as root), builds, and runs.

BUILD        ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS         ?= $(shell nproc)
# CI fuzzes with a fixed seed and run count, so a run is repeatable and cannot
# fail by chance; a longer exploration is `make fuzz-smoke FUZZ_RUNS=-1 FUZZ_SECONDS=600`.
FUZZ_SECONDS ?= 25
FUZZ_RUNS    ?= 100000
CMAKE_FLAGS  ?=

.PHONY: all deps build run test unit-test sanitize-test fuzz-smoke bench parity parity-ruff docs clean format

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Audits the bundled example project: the report on the terminal and in
# report.html. Exit status 1 means "found problems", the point of the example.
run: build
	@./$(BUILD)/dsaudit audit examples/churn-model; status=$$?; test $$status -le 1
	@./$(BUILD)/dsaudit audit --format html -o report.html examples/churn-model; status=$$?; \
	  test $$status -le 1 && echo "dsaudit: wrote report.html"

unit-test: build
	@scripts/install-deps.sh --test
	ctest --test-dir $(BUILD) --output-on-failure

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer, built
# with clang so the fuzz targets (libFuzzer) come from the same build.
$(SANITIZE_BUILD)/build.ninja: CMakeLists.txt | deps
	CC=clang CXX=clang++ cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DDSAUDIT_SANITIZE=ON -DDSAUDIT_LIBFUZZER=ON -DDSAUDIT_BENCHMARKS=OFF $(CMAKE_FLAGS)

sanitize-test: deps $(SANITIZE_BUILD)/build.ninja
	@scripts/install-deps.sh --test
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	ctest --test-dir $(SANITIZE_BUILD) --output-on-failure

# Runs every fuzz target briefly, seeded with its committed corpus and with the
# test data of its front end (kept once, in tests/data, not copied into fuzz/).
fuzz-smoke: sanitize-test
	@for fuzzer in $(SANITIZE_BUILD)/*_fuzzer; do \
	  [ -x "$$fuzzer" ] || continue; \
	  name=$$(basename $$fuzzer); target=$${name%_fuzzer}; corpus=fuzz/corpus/$$target; \
	  case $$target in parser|tokenizer) seeds=tests/data/python;; notebook) seeds=tests/data/notebooks;; \
	    *) seeds="";; esac; \
	  work=$$(mktemp -d); cp -r $$corpus/. $$work/ 2>/dev/null || true; \
	  for dir in $$seeds; do cp $$dir/*.py $$dir/*.ipynb $$work/ 2>/dev/null || true; done; \
	  echo "fuzzing $$name: $(FUZZ_RUNS) runs, at most $(FUZZ_SECONDS)s"; \
	  $$fuzzer -seed=1 -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 \
	    -print_final_stats=0 $$work >/tmp/$$name.log 2>&1 \
	    || { tail -40 /tmp/$$name.log; rm -rf $$work; exit 1; }; \
	  rm -rf $$work; \
	done

test: unit-test fuzz-smoke

bench: build
	@scripts/install-deps.sh --bench
	@scripts/bench.sh $(BUILD)

# Compares `dsaudit debug ast` with CPython's ast.dump on real code.
parity: build
	@python3 tools/parity.py --dsaudit $(BUILD)/dsaudit

# Compares `dsaudit check` with ruff (wasm build from npm, cached after the
# first run) on the stdlib and Debian's numpy, pandas and sklearn, per code.
parity-ruff: build
	@python3 tools/parity_ruff.py --dsaudit $(BUILD)/dsaudit

# docs/rules/: one page per rule, generated from each check's own source.
docs: build
	@rm -rf docs/rules && ./$(BUILD)/dsaudit rules --write-docs docs/rules

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'bench/*.cpp' 'fuzz/*.cpp')

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
