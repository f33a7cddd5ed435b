# kscan: make build | test | lint | bench | fuzz-smoke | docs
GO      ?= go
BIN     ?= bin/kscan
CORPUS  ?= $(HOME)/.cache/kscan/bench-corpus
JARS    ?= $(HOME)/.cache/kscan/bench-jars
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all build test lint bench bench-go fuzz-smoke docs clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/kscan

# Every test, after the checks that keep the tree clean; the scope
# classifier's indexes read files on several goroutines, so its tests also
# run under the race detector.
test: lint
	$(GO) test ./...
	$(GO) test -race ./scanner/scope/

lint:
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@$(GO) run ./cmd/kscan rules --markdown | cmp -s - docs/rules.md || \
	  { echo "docs/rules.md is stale: run 'make docs'"; exit 1; }

docs:
	$(GO) run ./cmd/kscan rules --markdown > docs/rules.md

# kscan against its floors on the same inputs, whole processes: the Java
# tree ($(CORPUS): Debian source packages fetched once, or a generated 60 MB
# tree when offline) against a tree-sitter parse of every file, and the jars
# of $(JARS) (Debian packages' jars fetched once) against a minimal class
# reader; then full scan against parse-only in process, and the Go
# benchmarks.
bench:
	$(GO) build -o bin/kscan ./cmd/kscan
	$(GO) build -o bin/kscan-bench ./cmd/kscan-bench
	$(GO) build -o bin/kscan-floor ./cmd/kscan-floor
	scripts/bench.sh bin "$(CORPUS)" "$(JARS)" "$(JOBS)"
	$(GO) test -run '^$$' -bench . -benchmem ./scanner/ ./scanner/javasrc/ ./scanner/classfile/ ./scanner/bytecode/ ./scanner/archive/ ./adapters/ ./rules/ ./scanner/scope/
	$(GO) test -run '^$$' -bench BenchmarkBatch -benchtime 1x ./cmd/kscan/

# Each fuzz target for a short fixed time: parsers of untrusted bytes.
# Minimizing a new input may take 60 s by default, during which no input
# is run: with a budget of seconds the run would do little else, and a
# failure found near the end would be lost with the time.
# A target that fails with "context deadline exceeded" alone, writing no
# input under testdata/fuzz, met Go 1.26's fuzz coordinator racing its own
# deadline (go.dev/issue/75804), not a failing input; a count of inputs
# (FUZZTIME=20000x) has no deadline to race.
FUZZTIME ?= 10s
FUZZMIN ?= 2s
FUZZ = $(GO) test -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) -fuzz
fuzz-smoke:
	$(FUZZ) '^FuzzParse$$' ./scanner/classfile/
	$(FUZZ) '^FuzzDecode$$' ./scanner/classfile/
	$(FUZZ) '^FuzzWalk$$' ./scanner/archive/
	$(FUZZ) '^FuzzWalkBytes$$' ./scanner/archive/
	$(FUZZ) '^FuzzInflater$$' ./scanner/archive/
	$(FUZZ) '^FuzzRawTwins$$' ./scanner/archive/
	$(FUZZ) '^FuzzParsePOM$$' ./scanner/deps/
	$(FUZZ) '^FuzzParseManifest$$' ./scanner/deps/
	$(FUZZ) '^FuzzParseDependencyList$$' ./scanner/deps/
	$(FUZZ) '^FuzzParseVersionCatalog$$' ./scanner/deps/
	$(FUZZ) '^FuzzParseUnion$$' ./adapters/
	$(FUZZ) '^FuzzParseVersion$$' ./adapters/
	$(FUZZ) '^FuzzLoad$$' ./adapters/
	$(FUZZ) '^FuzzExtract$$' ./scanner/javasrc/
	$(FUZZ) '^FuzzExtractShapes$$' ./scanner/javasrc/
	$(FUZZ) '^FuzzExtract$$' ./scanner/bytecode/
	$(FUZZ) '^FuzzSigType$$' ./scanner/bytecode/
	$(FUZZ) '^FuzzParams$$' ./scanner/bytecode/
	$(FUZZ) '^FuzzClassReader$$' ./cmd/kscan-floor/
	$(FUZZ) '^FuzzParseList$$' ./internal/batch/
	$(FUZZ) '^FuzzParseDiff$$' ./scanner/gate/
	$(FUZZ) '^FuzzParseBaseline$$' ./scanner/gate/
	$(FUZZ) '^FuzzParseClassHead$$' ./scanner/scope/
	$(FUZZ) '^FuzzParseJavaHead$$' ./scanner/scope/
	$(FUZZ) '^FuzzReadPOMBuild$$' ./scanner/scope/
	$(FUZZ) '^FuzzFixes$$' ./rules/
	$(FUZZ) '^FuzzRuns$$' ./rules/
	$(FUZZ) '^FuzzPlainStaticBlocks$$' ./rules/
	$(FUZZ) '^FuzzMutableStaticWritten$$' ./rules/
	$(FUZZ) '^FuzzLazyForms$$' ./rules/
	$(FUZZ) '^FuzzCreatedNames$$' ./scanner/

clean:
	rm -rf bin
