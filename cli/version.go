package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// version is Parallax's release version. Release builds stamp it at link
// time with the version in FyneApp.toml or the release tag:
//
//	go build -ldflags "-X github.com/parallax-review/parallax/cli.version=0.1.0"
var version string

// Version returns Parallax's version: the stamped one; else the module
// version Go recorded (as `go install …@v0.1.0` does); else "devel", with
// the commit when Go recorded one.
func Version() string {
	bi, _ := debug.ReadBuildInfo()
	return resolveVersion(version, bi)
}

// resolveVersion picks the version to report from the stamped one and the
// build information (nil when the binary carries none).
func resolveVersion(stamped string, bi *debug.BuildInfo) string {
	if stamped != "" {
		return strings.TrimPrefix(stamped, "v")
	}
	if bi == nil {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return strings.TrimPrefix(v, "v")
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "-dirty"
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel+" + rev + dirty
}

func runVersion(env *Env, args []string) error {
	fs := newFlags(env, "version", "", "Prints Parallax's version, the platform it was built for and the Go release that built it.")
	operands, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(operands) > 0 {
		fs.Usage()
		return errUsage
	}
	_, err = fmt.Fprintf(env.Stdout, "parallax %s (%s/%s, %s)\n", Version(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	return err
}
