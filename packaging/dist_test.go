package packaging

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The artefact checks run only when asked, after a build:
//
//	go test ./packaging -run Dist -args -dist dist -os linux,windows -version 0.1.0 -build 7
var (
	distDir     = flag.String("dist", "", "check the installers in this `directory` (relative to the repository root)")
	distOS      = flag.String("os", "linux", "comma-separated `platforms` whose installers -dist must hold: linux, windows")
	distVersion = flag.String("version", "", "the `version` the installers must carry (default: scripts/version's)")
	distBuild   = flag.String("build", "", "the build `number` the Windows version resource must carry (default: not checked)")
)

// dist returns the artefacts' directory and version, skipping the test when
// no -dist was given or when platform is not among -os.
func dist(t *testing.T, platform string) (dir, version string) {
	t.Helper()
	if *distDir == "" {
		t.Skip("no -dist directory given: `make check-dist` checks the installers after a build")
	}
	if !slices.Contains(strings.Split(*distOS, ","), platform) {
		t.Skipf("%s is not in -os %s", platform, *distOS)
	}
	version = *distVersion
	if version == "" {
		version = strings.TrimSpace(run(t, filepath.Join(root, "scripts/version")))
	}
	return filepath.Join(root, *distDir), version
}

// run runs a command and returns its standard output, failing the test
// with its standard error when it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// mustExist fails the test at once when path is not a file.
func mustExist(t *testing.T, path string) {
	t.Helper()
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("missing artefact %s (%v)", path, err)
	}
	t.Logf("%s", path)
}

// controlFields parses the fields of `dpkg-deb -f` output.
func controlFields(out string) map[string]string {
	fields := map[string]string{}
	last := ""
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, ": "); ok && !strings.HasPrefix(line, " ") {
			last = k
			fields[k] = v
		} else if last != "" && strings.HasPrefix(line, " ") {
			fields[last] += "\n" + line
		}
	}
	return fields
}

func TestDistDeb(t *testing.T) {
	dir, version := dist(t, "linux")
	deb := filepath.Join(dir, "parallax_"+version+"_amd64.deb")
	mustExist(t, deb)
	t.Log(run(t, "dpkg-deb", "-I", deb))

	fields := controlFields(run(t, "dpkg-deb", "-f", deb))
	for k, want := range map[string]string{"Package": "parallax", "Version": version, "Architecture": "amd64"} {
		if fields[k] != want {
			t.Errorf("%s: %q, want %q", k, fields[k], want)
		}
	}
	depends := strings.Split(fields["Depends"], ", ")
	for _, lib := range runtimeDeps {
		if !slices.Contains(depends, lib) {
			t.Errorf("Depends %q lacks %s", fields["Depends"], lib)
		}
	}

	list := run(t, "dpkg-deb", "-c", deb)
	t.Log(list)
	want := []string{"./usr/bin/parallax", "./usr/share/applications/" + appID + ".desktop", "./usr/share/icons/hicolor/scalable/apps/" + appID + ".svg"}
	for _, s := range append(slices.Clone(iconSizes), 512) {
		want = append(want, fmt.Sprintf("./usr/share/icons/hicolor/%dx%d/apps/%s.png", s, s, appID))
	}
	for _, path := range want {
		if !regexp.MustCompile(`(?m)^\S+ root/root +\d+ \S+ \S+ ` + regexp.QuoteMeta(path) + `$`).MatchString(list) {
			t.Errorf("the .deb does not install %s owned by root", path)
		}
	}
	if !regexp.MustCompile(`(?m)^-rwxr-xr-x .* \./usr/bin/parallax$`).MatchString(list) {
		t.Error("./usr/bin/parallax is not mode 0755")
	}

	// Install into a throwaway root and run what was installed.
	inst := t.TempDir()
	run(t, "dpkg", "-x", deb, inst)
	bin := filepath.Join(inst, "usr/bin/parallax")
	out := run(t, bin, "version")
	t.Logf("installed parallax version: %s", out)
	if prefix := "parallax " + version + " (linux/amd64, "; !strings.HasPrefix(out, prefix) {
		t.Errorf("parallax version printed %q, want it to start with %q", out, prefix)
	}
	checkDesktopEntry(t, inst)
	checkLibraries(t, bin, depends)

	// The installed app opens its window under Xvfb, fills the sample
	// case's matrix and quits cleanly: a release build differs from the
	// one `make test` smoke-tests (build tags, stripped symbols).
	t.Log(run(t, filepath.Join(root, "scripts/smoke-gui"), bin))
}

// checkDesktopEntry checks that the installed desktop entry starts the
// installed binary and names an installed icon.
func checkDesktopEntry(t *testing.T, inst string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(inst, "usr/share/applications", appID+".desktop"))
	if err != nil {
		t.Fatal(err)
	}
	entry := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			entry[k] = v
		}
	}
	for k, want := range map[string]string{"Type": "Application", "Name": "Parallax", "Exec": "parallax", "Icon": appID} {
		if entry[k] != want {
			t.Errorf("desktop entry %s=%q, want %q", k, entry[k], want)
		}
	}
	if _, err := os.Stat(filepath.Join(inst, "usr/share/icons/hicolor/512x512/apps", entry["Icon"]+".png")); err != nil {
		t.Errorf("desktop entry icon %q: %v", entry["Icon"], err)
	}
}

// checkLibraries checks that every shared library the binary needs, other
// than the C library's own, comes from a package the .deb depends on.
func checkLibraries(t *testing.T, bin string, depends []string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("needed libraries: %v", libs)
	for _, lib := range libs {
		// dpkg -S prints "package:arch: /path" for each installed match.
		owner, _, _ := strings.Cut(run(t, "dpkg", "-S", "*/x86_64-linux-gnu/"+lib), ":")
		if owner == "libc6" {
			continue // essential: every Debian system has it
		}
		if !slices.Contains(depends, owner) {
			t.Errorf("the binary needs %s from %s, which Depends lacks", lib, owner)
		}
	}
}

func TestDistArchive(t *testing.T) {
	dir, version := dist(t, "linux")
	archive := filepath.Join(dir, "parallax-"+version+"-linux-amd64.tar.xz")
	mustExist(t, archive)
	list := run(t, "tar", "-tJf", archive)
	t.Log(list)
	for _, pattern := range []string{`parallax/Makefile`, `parallax/usr/(local/)?bin/parallax`,
		`parallax/usr/(local/)?share/applications/` + regexp.QuoteMeta(appID) + `\.desktop`,
		`parallax/usr/(local/)?share/pixmaps/` + regexp.QuoteMeta(appID) + `\.png`} {
		if !regexp.MustCompile(`(?m)^` + pattern + `$`).MatchString(list) {
			t.Errorf("the archive has no %s", pattern)
		}
	}

	// The archive and the .deb carry the same build.
	x := t.TempDir()
	run(t, "tar", "-xJf", archive, "-C", x)
	fromDeb := t.TempDir()
	run(t, "dpkg", "-x", filepath.Join(dir, "parallax_"+version+"_amd64.deb"), fromDeb)
	bins, _ := filepath.Glob(filepath.Join(x, "parallax/usr/*/parallax"))
	more, _ := filepath.Glob(filepath.Join(x, "parallax/usr/*/*/parallax"))
	bins = append(bins, more...)
	if len(bins) != 1 {
		t.Fatalf("the archive holds %d parallax binaries, want 1", len(bins))
	}
	if sum(t, bins[0]) != sum(t, filepath.Join(fromDeb, "usr/bin/parallax")) {
		t.Error("the archive's binary differs from the .deb's")
	}
}

// sum returns the SHA-256 of the file at path.
func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
