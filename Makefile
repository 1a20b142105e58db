# Parallax: `make run` opens the app, `make test` runs every test.
# Both first install the Debian packages the build needs when any is missing.

GO       ?= go
BIN      ?= bin/parallax
export LANG ?= en_US.UTF-8

# Debian packages: the C toolchain and X11/OpenGL headers Fyne's driver
# needs (cgo), and what the tests use (an X server for the window smoke
# test, Python for the scoring script).
BUILD_DEBS := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEBS  := xvfb xauth python3

.PHONY: all build run test deps test-deps bench fuzz score clean

all: build

deps:
	@./scripts/install-debs $(BUILD_DEBS)

test-deps: deps
	@./scripts/install-debs $(TEST_DEBS)

build: deps
	$(GO) build -o $(BIN) .

run: build
	./$(BIN)

test: test-deps
	$(GO) vet ./...
	$(GO) test ./...

# Benchmarks and the corpus score are for measuring, not gates.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./compare/ ./compare/ingest/

score: build
	python3 ../shared/eval/score.py --dir ../shared/corpus --cmd './$(BIN) compare --format json'
	python3 ../shared/eval/score.py --dir ../shared/polnear-dev --cmd './$(BIN) compare --format json'

clean:
	rm -rf bin dist
