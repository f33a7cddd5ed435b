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
	$(GO) test -run '^$$' -bench . -benchmem ./scanner/ ./scanner/javasrc/ ./scanner/classfile/ ./scanner/bytecode/ ./scanner/archive/ ./adapters/
	$(GO) test -run '^$$' -bench BenchmarkBatch -benchtime 1x ./cmd/kscan/

# Each fuzz target for a short fixed time: parsers of untrusted bytes.
# Minimizing a new input may take 60 s by default, during which no input
# is run: with a budget of seconds the run would do little else, and a
# failure found near the end would be lost with the time.
FUZZTIME ?= 10s
FUZZMIN ?= 2s
fuzz-smoke:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/classfile/
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/classfile/
	$(GO) test -run '^$$' -fuzz '^FuzzWalk$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/archive/
	$(GO) test -run '^$$' -fuzz '^FuzzWalkBytes$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/archive/
	$(GO) test -run '^$$' -fuzz '^FuzzInflater$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/archive/
	$(GO) test -run '^$$' -fuzz '^FuzzParsePOM$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseManifest$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseDependencyList$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseVersionCatalog$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseUnion$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./adapters/
	$(GO) test -run '^$$' -fuzz '^FuzzParseVersion$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./adapters/
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./adapters/
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/javasrc/
	$(GO) test -run '^$$' -fuzz '^FuzzExtractShapes$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/javasrc/
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/bytecode/
	$(GO) test -run '^$$' -fuzz '^FuzzSigType$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/bytecode/
	$(GO) test -run '^$$' -fuzz '^FuzzParams$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/bytecode/
	$(GO) test -run '^$$' -fuzz '^FuzzClassReader$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./cmd/kscan-floor/
	$(GO) test -run '^$$' -fuzz '^FuzzParseList$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/batch/
	$(GO) test -run '^$$' -fuzz '^FuzzParseDiff$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/gate/
	$(GO) test -run '^$$' -fuzz '^FuzzParseBaseline$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/gate/
	$(GO) test -run '^$$' -fuzz '^FuzzParseClassHead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/scope/
	$(GO) test -run '^$$' -fuzz '^FuzzParseJavaHead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/scope/
	$(GO) test -run '^$$' -fuzz '^FuzzReadPOMBuild$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/scope/
	$(GO) test -run '^$$' -fuzz '^FuzzFixes$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./rules/
	$(GO) test -run '^$$' -fuzz '^FuzzRuns$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./rules/
	$(GO) test -run '^$$' -fuzz '^FuzzCreatedNames$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./scanner/

clean:
	rm -rf bin
