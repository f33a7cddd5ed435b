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
FUZZTIME ?= 10s
fuzz-smoke:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./scanner/classfile/
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./scanner/classfile/
	$(GO) test -run '^$$' -fuzz '^FuzzWalk$$' -fuzztime $(FUZZTIME) ./scanner/archive/
	$(GO) test -run '^$$' -fuzz '^FuzzWalkBytes$$' -fuzztime $(FUZZTIME) ./scanner/archive/
	$(GO) test -run '^$$' -fuzz '^FuzzInflater$$' -fuzztime $(FUZZTIME) ./scanner/archive/
	$(GO) test -run '^$$' -fuzz '^FuzzParsePOM$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseManifest$$' -fuzztime $(FUZZTIME) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseDependencyList$$' -fuzztime $(FUZZTIME) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseVersionCatalog$$' -fuzztime $(FUZZTIME) ./scanner/deps/
	$(GO) test -run '^$$' -fuzz '^FuzzParseUnion$$' -fuzztime $(FUZZTIME) ./adapters/
	$(GO) test -run '^$$' -fuzz '^FuzzParseVersion$$' -fuzztime $(FUZZTIME) ./adapters/
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./adapters/
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) ./scanner/javasrc/
	$(GO) test -run '^$$' -fuzz '^FuzzExtractShapes$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./scanner/javasrc/
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) ./scanner/bytecode/
	$(GO) test -run '^$$' -fuzz '^FuzzSigType$$' -fuzztime $(FUZZTIME) ./scanner/bytecode/
	$(GO) test -run '^$$' -fuzz '^FuzzParams$$' -fuzztime $(FUZZTIME) ./scanner/bytecode/
	$(GO) test -run '^$$' -fuzz '^FuzzClassReader$$' -fuzztime $(FUZZTIME) ./cmd/kscan-floor/
	$(GO) test -run '^$$' -fuzz '^FuzzParseList$$' -fuzztime $(FUZZTIME) ./internal/batch/
	$(GO) test -run '^$$' -fuzz '^FuzzParseDiff$$' -fuzztime $(FUZZTIME) ./scanner/gate/
	$(GO) test -run '^$$' -fuzz '^FuzzParseBaseline$$' -fuzztime $(FUZZTIME) ./scanner/gate/
	$(GO) test -run '^$$' -fuzz '^FuzzParseClassHead$$' -fuzztime $(FUZZTIME) ./scanner/scope/
	$(GO) test -run '^$$' -fuzz '^FuzzParseJavaHead$$' -fuzztime $(FUZZTIME) ./scanner/scope/
	$(GO) test -run '^$$' -fuzz '^FuzzReadPOMBuild$$' -fuzztime $(FUZZTIME) ./scanner/scope/
	$(GO) test -run '^$$' -fuzz '^FuzzFixes$$' -fuzztime $(FUZZTIME) ./rules/
	$(GO) test -run '^$$' -fuzz '^FuzzRuns$$' -fuzztime $(FUZZTIME) ./rules/
	$(GO) test -run '^$$' -fuzz '^FuzzCreatedNames$$' -fuzztime $(FUZZTIME) ./scanner/

clean:
	rm -rf bin
