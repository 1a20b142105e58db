package packaging

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Resource types of a Windows executable.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// msiUpgradeCode is windows/parallax.wxs's UpgradeCode: it must never change,
// or a new version would install beside the old one instead of replacing it.
const msiUpgradeCode = "{82CC29BC-E5BC-4808-8161-6BC2D760658C}"

// resources indexes the resource section (.rsrc) of a PE file: the data of
// each resource by type, in directory order.
type resources map[uint32][][]byte

// readResources walks the three levels (type, name, language) of the
// resource directory of f.
func readResources(f *pe.File) (resources, error) {
	sec := f.Section(".rsrc")
	if sec == nil {
		return nil, fmt.Errorf("no .rsrc section")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("read .rsrc: %w", err)
	}
	u32 := func(off uint32) (uint32, error) {
		if int(off)+4 > len(data) {
			return 0, fmt.Errorf("offset %#x outside .rsrc (%d bytes)", off, len(data))
		}
		return binary.LittleEndian.Uint32(data[off:]), nil
	}
	// entries returns the (id, offset) pairs of the directory at off.
	entries := func(off uint32) ([][2]uint32, error) {
		if int(off)+16 > len(data) {
			return nil, fmt.Errorf("directory at %#x outside .rsrc", off)
		}
		n := uint32(binary.LittleEndian.Uint16(data[off+12:])) + uint32(binary.LittleEndian.Uint16(data[off+14:]))
		var es [][2]uint32
		for i := range n {
			id, err := u32(off + 16 + 8*i)
			if err != nil {
				return nil, err
			}
			to, err := u32(off + 20 + 8*i)
			if err != nil {
				return nil, err
			}
			es = append(es, [2]uint32{id, to})
		}
		return es, nil
	}
	const subdir = 0x80000000
	res := resources{}
	types, err := entries(0)
	if err != nil {
		return nil, err
	}
	for _, typ := range types {
		if typ[1]&subdir == 0 {
			return nil, fmt.Errorf("type %d is not a directory", typ[0])
		}
		names, err := entries(typ[1] &^ subdir)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			langs, err := entries(name[1] &^ subdir)
			if err != nil {
				return nil, err
			}
			for _, lang := range langs {
				// A data entry: the data's RVA and size.
				rva, err := u32(lang[1])
				if err != nil {
					return nil, err
				}
				size, err := u32(lang[1] + 4)
				if err != nil {
					return nil, err
				}
				start := rva - sec.VirtualAddress
				if uint64(start)+uint64(size) > uint64(len(data)) {
					return nil, fmt.Errorf("resource of type %d outside .rsrc", typ[0])
				}
				res[typ[0]] = append(res[typ[0]], data[start:start+size])
			}
		}
	}
	return res, nil
}

// fileVersion returns the file version (a.b.c.d) of a VS_VERSIONINFO
// resource, read from its VS_FIXEDFILEINFO.
func fileVersion(info []byte) (string, error) {
	sig := binary.LittleEndian.AppendUint32(nil, 0xFEEF04BD)
	i := bytes.Index(info, sig)
	if i < 0 || i+16 > len(info) {
		return "", fmt.Errorf("no VS_FIXEDFILEINFO")
	}
	ms := binary.LittleEndian.Uint32(info[i+8:])
	ls := binary.LittleEndian.Uint32(info[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff), nil
}

func TestDistWindowsExe(t *testing.T) {
	dir, version := dist(t, "windows")
	exe := filepath.Join(dir, "parallax-"+version+"-windows-amd64.exe")
	mustExist(t, exe)
	f, err := pe.Open(exe)
	if err != nil {
		t.Fatalf("%s is not a PE file: %v", exe, err)
	}
	defer f.Close()

	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want amd64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("optional header %T: not PE32+", f.OptionalHeader)
	}
	if opt.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want the Windows GUI (%d): a console would open with the app", opt.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}

	res, err := readResources(f)
	if err != nil {
		t.Fatalf("resources: %v", err)
	}
	for typ, name := range map[uint32]string{rtIcon: "icon", rtGroupIcon: "icon group", rtVersion: "version", rtManifest: "manifest"} {
		if len(res[typ]) == 0 {
			t.Errorf("no %s resource", name)
		}
	}
	// Each icon group (the app's, and Windows' default application icon)
	// lists its images; together they are the file's icon images.
	listed := 0
	for i, group := range res[rtGroupIcon] {
		sizes, err := iconDirSizes(group, groupEntryLen)
		if err != nil {
			t.Errorf("icon group %d: %v", i, err)
		}
		t.Logf("icon group %d: sizes %v", i, sizes)
		listed += len(sizes)
	}
	if listed != len(res[rtIcon]) {
		t.Errorf("the icon groups list %d images, the file holds %d", listed, len(res[rtIcon]))
	}
	if len(res[rtVersion]) > 0 {
		got, err := fileVersion(res[rtVersion][0])
		if err != nil {
			t.Fatalf("version resource: %v", err)
		}
		t.Logf("file version: %s", got)
		want := numericVersion(version) + "."
		if *distBuild != "" {
			want += *distBuild
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("file version %s, want %s…", got, want)
		}
	}
}

// numericVersion drops a pre-release or build suffix: 0.2.0-rc1 → 0.2.0.
func numericVersion(v string) string {
	v, _, _ = strings.Cut(v, "-")
	v, _, _ = strings.Cut(v, "+")
	return v
}

func TestDistWindowsMsi(t *testing.T) {
	dir, version := dist(t, "windows")
	msi := filepath.Join(dir, "parallax-"+version+"-windows-amd64.msi")
	exe := filepath.Join(dir, "parallax-"+version+"-windows-amd64.exe")
	mustExist(t, msi)
	t.Log(run(t, "msiinfo", "suminfo", msi))

	props := map[string]string{}
	for _, line := range strings.Split(run(t, "msiinfo", "export", msi, "Property"), "\n") {
		if k, v, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t"); ok {
			props[k] = v
		}
	}
	for k, want := range map[string]string{"ProductName": "Parallax", "ProductVersion": numericVersion(version),
		"UpgradeCode": msiUpgradeCode, "ARPPRODUCTICON": "parallax.ico", "ALLUSERS": "1"} {
		if !strings.EqualFold(props[k], want) {
			t.Errorf("property %s = %q, want %q", k, props[k], want)
		}
	}
	if sum := run(t, "msiinfo", "suminfo", msi); !strings.Contains(sum, "Template: x64;") {
		t.Errorf("the installer is not for x64:\n%s", sum)
	}
	if sc := run(t, "msiinfo", "export", msi, "Shortcut"); !strings.Contains(sc, "[INSTALLDIR]Parallax.exe") {
		t.Errorf("no Start menu shortcut to Parallax.exe:\n%s", sc)
	}

	// The installer carries the very executable built beside it.
	x := t.TempDir()
	run(t, "msiextract", "-C", x, msi)
	got := filepath.Join(x, "Parallax", "Parallax.exe")
	if _, err := os.Stat(got); err != nil {
		t.Fatalf("the installer holds no Parallax\\Parallax.exe: %v", err)
	}
	if sum(t, got) != sum(t, exe) {
		t.Errorf("the installer's Parallax.exe differs from %s", exe)
	}
}
