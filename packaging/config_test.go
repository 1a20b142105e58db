// Package packaging holds the installers' configuration (nfpm.yaml for the
// .deb, windows/parallax.wxs for the .msi) and the tests that check it and
// the artefacts `make dist` and `make dist-windows` build.
package packaging

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// root is the repository root, relative to this package's directory.
const root = ".."

// appID names the desktop entry and the icons on Linux.
const appID = "io.parallax.review"

// iconSizes are the sizes of the PNG icons beside the 512×512 parallax.png.
var iconSizes = []int{16, 24, 32, 48, 64, 128, 256}

// runtimeDeps are the libraries Fyne's OpenGL/GLFW driver needs at run time:
// the .deb must depend on each.
var runtimeDeps = []string{"libgl1", "libx11-6", "libxcursor1", "libxrandr2", "libxinerama1", "libxi6", "libxxf86vm1"}

// pngSize returns the width and height of the PNG file at path.
func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return cfg.Width, cfg.Height
}

func TestIconPNGs(t *testing.T) {
	files := map[string]int{"parallax.png": 512}
	for _, s := range iconSizes {
		files[fmt.Sprintf("parallax-%d.png", s)] = s
	}
	for name, size := range files {
		t.Run(name, func(t *testing.T) {
			w, h := pngSize(t, filepath.Join(root, "assets/icon", name))
			if w != size || h != size {
				t.Errorf("%s is %d×%d, want %d×%d", name, w, h, size, size)
			}
		})
	}
}

func TestIconSVG(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "assets/icon/parallax.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`<svg[^>]+viewBox="0 0 512 512"`).Match(data) {
		t.Error(`parallax.svg has no square viewBox="0 0 512 512"`)
	}
}

// Icon directories: an .ico file's header and an RT_GROUP_ICON resource
// share their layout but for the length of an entry.
const (
	icoEntryLen   = 16
	groupEntryLen = 14
)

// iconDirSizes returns the sizes of the square images an icon directory
// lists, each entry entryLen bytes long.
func iconDirSizes(data []byte, entryLen int) ([]int, error) {
	if len(data) < 6 || binary.LittleEndian.Uint16(data[0:]) != 0 || binary.LittleEndian.Uint16(data[2:]) != 1 {
		return nil, fmt.Errorf("not an icon directory")
	}
	n := int(binary.LittleEndian.Uint16(data[4:]))
	if len(data) < 6+entryLen*n {
		return nil, fmt.Errorf("directory of %d images is cut short", n)
	}
	var sizes []int
	for i := range n {
		e := data[6+entryLen*i:]
		w, h := int(e[0]), int(e[1])
		if w == 0 { // 0 stands for 256
			w = 256
		}
		if h == 0 {
			h = 256
		}
		if w != h {
			return nil, fmt.Errorf("image %d is %d×%d, not square", i, w, h)
		}
		sizes = append(sizes, w)
	}
	return sizes, nil
}

func TestIconICO(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "assets/icon/parallax.ico"))
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := iconDirSizes(data, icoEntryLen)
	if err != nil {
		t.Fatalf("parallax.ico: %v", err)
	}
	slices.Sort(sizes)
	if !slices.Equal(sizes, iconSizes) {
		t.Errorf("parallax.ico holds sizes %v, want %v", sizes, iconSizes)
	}
}

// fyneApp reads the key = value lines of FyneApp.toml's [Details] table.
func fyneApp(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	details := map[string]string{}
	table := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			table = strings.Trim(line, "[]")
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && table == "Details" {
			details[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return details
}

func TestFyneAppTOML(t *testing.T) {
	d := fyneApp(t)
	for key, want := range map[string]string{"ID": appID, "Name": "Parallax", "Icon": "assets/icon/parallax.png"} {
		if d[key] != want {
			t.Errorf("Details.%s = %q, want %q", key, d[key], want)
		}
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(d["Version"]) {
		t.Errorf("Details.Version = %q, want MAJOR.MINOR.PATCH", d["Version"])
	}
	if b, err := strconv.Atoi(d["Build"]); err != nil || b < 1 {
		t.Errorf("Details.Build = %q, want a number from 1", d["Build"])
	}
}

// nfpmContent is one src → dst entry of nfpm.yaml's contents.
type nfpmContent struct{ src, dst string }

// readNfpm reads nfpm.yaml's depends list and contents entries. It knows
// only the plain block style the file is written in.
func readNfpm(t *testing.T) (depends []string, contents []nfpmContent) {
	t.Helper()
	data, err := os.ReadFile("nfpm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && line[0] != ' ' && line[0] != '#' {
			section, _, _ = strings.Cut(line, ":")
		}
		item := strings.TrimSpace(line)
		switch {
		case section == "depends" && strings.HasPrefix(item, "- "):
			depends = append(depends, strings.TrimPrefix(item, "- "))
		case section == "contents" && strings.HasPrefix(item, "- src: "):
			contents = append(contents, nfpmContent{src: strings.TrimPrefix(item, "- src: ")})
		case section == "contents" && strings.HasPrefix(item, "dst: ") && len(contents) > 0:
			contents[len(contents)-1].dst = strings.TrimPrefix(item, "dst: ")
		}
	}
	return depends, contents
}

func TestNfpmConfig(t *testing.T) {
	depends, contents := readNfpm(t)
	for _, lib := range runtimeDeps {
		if !slices.Contains(depends, lib) {
			t.Errorf("nfpm.yaml does not depend on %s", lib)
		}
	}
	hicolor := regexp.MustCompile(`^/usr/share/icons/hicolor/(\d+)x(\d+)/apps/` + regexp.QuoteMeta(appID) + `\.png$`)
	var iconDirs []int
	for _, c := range contents {
		if c.dst == "" {
			t.Errorf("%s has no dst", c.src)
			continue
		}
		if strings.HasPrefix(c.src, "dist/") {
			continue // staged by scripts/dist from the fyne archive
		}
		if _, err := os.Stat(filepath.Join(root, c.src)); err != nil {
			t.Errorf("src of %s: %v", c.dst, err)
			continue
		}
		if m := hicolor.FindStringSubmatch(c.dst); m != nil {
			size, _ := strconv.Atoi(m[1])
			iconDirs = append(iconDirs, size)
			if w, h := pngSize(t, filepath.Join(root, c.src)); w != size || h != size || m[1] != m[2] {
				t.Errorf("%s (%d×%d) installed as %s", c.src, w, h, c.dst)
			}
		}
	}
	slices.Sort(iconDirs)
	if want := append(slices.Clone(iconSizes), 512); !slices.Equal(iconDirs, want) {
		t.Errorf("the .deb installs PNG icons of sizes %v, want %v", iconDirs, want)
	}
	for _, dst := range []string{"/usr/bin/parallax", "/usr/share/applications/" + appID + ".desktop", "/usr/share/icons/hicolor/scalable/apps/" + appID + ".svg"} {
		if !slices.ContainsFunc(contents, func(c nfpmContent) bool { return c.dst == dst }) {
			t.Errorf("the .deb does not install %s", dst)
		}
	}
}
