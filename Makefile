# Parallax: `make run` opens the app, `make test` runs every test, `make dist`
# and `make dist-windows` build the installers into dist/. Each first installs
# the Debian packages it needs when any is missing.

GO       ?= go
BIN      ?= bin/parallax
export LANG ?= en_US.UTF-8

# Debian packages: the C toolchain and X11/OpenGL headers Fyne's driver
# needs (cgo), and what the tests use (an X server and ImageMagick for the
# window smoke test, Python for the scoring script).
BUILD_DEBS := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEBS  := xvfb xauth imagemagick python3
# Installers: xz for the archive, dpkg and the smoke test's packages for the
# checks (the packaged app must open its window too); the mingw-w64 C
# cross-compiler and msitools (wixl builds the .msi) for Windows; librsvg and
# ImageMagick to render the icon from its SVG.
DIST_DEBS    := xz-utils dpkg $(TEST_DEBS)
WINDOWS_DEBS := gcc-mingw-w64-x86-64 wixl msitools
ICON_DEBS    := librsvg2-bin imagemagick

# The release version (the tag on HEAD, else FyneApp.toml's) and build number.
VERSION      ?= $(shell ./scripts/version)
BUILD_NUMBER ?= $(shell git rev-list --count HEAD 2>/dev/null || echo 1)
STAMP        := -X github.com/parallax-review/parallax/cli.version=$(VERSION)
# The installers' checks (packaging/*_test.go); DIST_OS says which to check.
DIST_OS      ?= linux
CHECK_DIST   := CGO_ENABLED=0 $(GO) test ./packaging -run Dist -count=1 -v -args -dist dist -version $(VERSION) -build $(BUILD_NUMBER)

.PHONY: all build run test smoke screenshot deps test-deps bench fuzz score clean \
        dist dist-windows dist-macos check-dist ci-dist dist-deps windows-deps icon

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
	$(MAKE) smoke

# The real binary under Xvfb: opens the sample case, paints a window that
# is not blank, quits cleanly on SIGTERM.
smoke: build test-deps
	./scripts/smoke-gui $(BIN)

# The README's screenshot, taken the same way.
screenshot: build test-deps
	SHOT=docs/screenshot.png ./scripts/smoke-gui $(BIN)

# Linux release: the fyne archive and the .deb, from one release build.
dist: deps dist-deps
	VERSION=$(VERSION) BUILD=$(BUILD_NUMBER) GO=$(GO) ./scripts/dist linux
	$(CHECK_DIST) -os linux

# Windows release: the .exe (cross-built with mingw-w64) and the .msi. A cold
# cross-build takes minutes, so neither `make test` nor CI runs it.
dist-windows: deps dist-deps windows-deps
	VERSION=$(VERSION) BUILD=$(BUILD_NUMBER) GO=$(GO) ./scripts/dist windows
	$(CHECK_DIST) -os windows

# macOS: Parallax.app, zipped. Run on a Mac with Xcode's command line tools.
dist-macos:
	VERSION=$(VERSION) BUILD=$(BUILD_NUMBER) GO=$(GO) ./scripts/dist macos

# Check the installers already in dist/: make check-dist DIST_OS=linux,windows
check-dist: dist-deps
	$(CHECK_DIST) -os $(DIST_OS)

# CI's light installer check: package the build the tests already made (its
# cgo parts are cached; only the link runs again) instead of a release build,
# and compress the archive lightly (xz's default level takes half a minute).
ci-dist: deps dist-deps
	$(GO) build -ldflags "-s -w $(STAMP)" -o $(BIN) .
	XZ_OPT=-0 VERSION=$(VERSION) BUILD=$(BUILD_NUMBER) GO=$(GO) ./scripts/dist linux $(BIN)
	$(CHECK_DIST) -os linux

dist-deps:
	@./scripts/install-debs $(DIST_DEBS)

windows-deps:
	@./scripts/install-debs $(WINDOWS_DEBS)

# Render the icon's PNGs and .ico after editing assets/icon/parallax.svg.
icon:
	@./scripts/install-debs $(ICON_DEBS)
	./scripts/render-icon

# Benchmarks and the corpus score are for measuring, not gates.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./compare/ ./compare/ingest/ ./storage/

# Fuzz every parser for FUZZTIME each (go test -fuzz takes one target at a
# time); an input that breaks one is written to its testdata/fuzz.
FUZZTIME ?= 30s
fuzz:
	@for pkg in ./compare/ ./compare/ingest/ ./storage/; do \
	  for target in $$(CGO_ENABLED=0 $(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$target"; \
	    CGO_ENABLED=0 $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

score: build
	python3 ../shared/eval/score.py --dir ../shared/corpus --cmd './$(BIN) compare --format json'
	python3 ../shared/eval/score.py --dir ../shared/polnear-dev --cmd './$(BIN) compare --format json'

clean:
	rm -rf bin dist
