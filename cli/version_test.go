package cli

import (
	"bytes"
	"regexp"
	"runtime/debug"
	"testing"
)

func TestResolveVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		name    string
		stamped string
		bi      *debug.BuildInfo
		want    string
	}{
		{"stamped", "0.1.0", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.9"}}, "0.1.0"},
		{"stamped from a tag", "v0.2.0", nil, "0.2.0"},
		{"module version", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.3.1"}}, "0.3.1"},
		{"no build info", "", nil, "devel"},
		{"devel without vcs", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"devel with commit", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "devel+0123456789ab"},
		{"devel with changes", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "devel+0123456789ab-dirty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := resolveVersion(c.stamped, c.bi); got != c.want {
				t.Errorf("resolveVersion(%q, …) = %q, want %q", c.stamped, got, c.want)
			}
		})
	}
}

func TestVersionCommand(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		stdout   *regexp.Regexp
		stderrIn string
	}{
		{"prints the version", []string{"version"}, 0, regexp.MustCompile(`^parallax \S+ \(\w+/\w+, go[^)]+\)\n$`), ""},
		{"rejects operands", []string{"version", "extra"}, 2, regexp.MustCompile(`^$`), "Usage: parallax version"},
		{"help", []string{"version", "-h"}, 2, regexp.MustCompile(`^$`), "Prints Parallax's version"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(&Env{Stdout: &stdout, Stderr: &stderr}, c.args)
			if code != c.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, c.code, stderr.String())
			}
			if !c.stdout.MatchString(stdout.String()) {
				t.Errorf("stdout %q does not match %s", stdout.String(), c.stdout)
			}
			if !bytes.Contains(stderr.Bytes(), []byte(c.stderrIn)) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), c.stderrIn)
			}
		})
	}
}

func TestVersionStamp(t *testing.T) {
	old := version
	t.Cleanup(func() { version = old })
	version = "9.8.7"
	var stdout bytes.Buffer
	if code := Run(&Env{Stdout: &stdout, Stderr: &bytes.Buffer{}}, []string{"version"}); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	if want := "parallax 9.8.7 ("; !bytes.HasPrefix(stdout.Bytes(), []byte(want)) {
		t.Errorf("stdout %q, want it to start with %q", stdout.String(), want)
	}
}
