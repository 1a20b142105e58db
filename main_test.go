package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain runs main instead of the tests when a test re-executes this
// binary as parallax.
func TestMain(m *testing.M) {
	if os.Getenv("PARALLAX_TEST_RUN_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

func TestCLocaleQuiet(t *testing.T) {
	for _, lang := range []string{"C", "C.UTF-8", "POSIX"} {
		t.Run(lang, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "version")
			cmd.Env = append(os.Environ(), "PARALLAX_TEST_RUN_MAIN=1", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=", "LANG="+lang)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("parallax version: %v\n%s", err, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), "parallax ") || stderr.Len() > 0 {
				t.Errorf("stdout %q, stderr %q; want the version and nothing on stderr", stdout.String(), stderr.String())
			}
		})
	}
}

func TestCheckFiles(t *testing.T) {
	sample, err := filepath.Glob("assets/sample/*.txt")
	if err != nil || len(sample) == 0 {
		t.Fatalf("no sample reports: %v", err)
	}
	if err := checkFiles(sample); err != nil {
		t.Errorf("sample reports refused: %v", err)
	}
	err = checkFiles([]string{sample[0], "comapre"})
	if err == nil || !strings.Contains(err.Error(), "comapre: no such command or file") {
		t.Errorf("a mistyped command: %v", err)
	}
}

func TestCheckDisplay(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		name    string
		goos    string
		vars    map[string]string
		wantErr bool
	}{
		{"X11", "linux", map[string]string{"DISPLAY": ":0"}, false},
		{"Wayland", "linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"no display", "linux", nil, true},
		{"Windows needs no variable", "windows", nil, false},
		{"macOS needs no variable", "darwin", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkDisplay(tt.goos, env(tt.vars)); (err != nil) != tt.wantErr {
				t.Errorf("checkDisplay = %v, want error: %v", err, tt.wantErr)
			}
		})
	}
}
