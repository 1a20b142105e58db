package compare

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseReport(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             Meta
		body             string
	}{
		{
			name: "header", file: "01-x.txt",
			data: "Title: Barrier approved\nOutlet: River Courier\nDate: 2026-03-12\nURL: https://example.org/a\nAuthor: Ann Lee\n\n\"We will not,\" she said.\n",
			want: Meta{Title: "Barrier approved", Outlet: "River Courier", Date: "2026-03-12", URL: "https://example.org/a", Author: "Ann Lee"},
			body: "\"We will not,\" she said.",
		},
		{
			name: "no header: outlet from the file name", file: "corpus/03-the-new-york-times.txt",
			data: "Officials said: the plan holds.\nA second paragraph.",
			want: Meta{Outlet: "The New York Times"},
			body: "Officials said: the plan holds.\nA second paragraph.",
		},
		{
			name: "a first line that looks like a header but has no blank line after the block", file: "note.txt",
			data: "Warning: the river is rising\nResidents were told to leave.",
			want: Meta{Outlet: "Note"},
			body: "Warning: the river is rising\nResidents were told to leave.",
		},
		{
			name: "a text that begins with bzip2's letters", file: "note.txt",
			data: "BZh9 was the code painted on the crate, police said.",
			want: Meta{Outlet: "Note"},
			body: "BZh9 was the code painted on the crate, police said.",
		},
		{
			name: "unknown header keys kept", file: "a.txt",
			data: "Outlet: Wire\nSection: Local\n\nBody.",
			want: Meta{Outlet: "Wire", Extra: map[string]string{"section": "Local"}},
			body: "Body.",
		},
		{
			name: "markdown front matter and markup", file: "report.md",
			data: "---\ntitle: \"Barrier approved\"\noutlet: Morning Post\ndate: 2026-03-13\ntags:\n  - local\n---\n# Barrier approved\n\nThe **mayor** said [the plan](https://example.org) is _final_.\n",
			want: Meta{Title: "Barrier approved", Outlet: "Morning Post", Date: "2026-03-13"},
			body: "Barrier approved\n\nThe mayor said the plan is final.",
		},
		{
			name: "CRLF line ends and NFC", file: "win.txt",
			data: "Outlet: W\r\n\r\nCafe\u0301 owners said no.\r\n",
			want: Meta{Outlet: "W"},
			body: "Caf\u00e9 owners said no.",
		},
		{
			name: "byte order mark", file: "bom.txt",
			data: "\ufeffOutlet: B\n\nText.",
			want: Meta{Outlet: "B"},
			body: "Text.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseReport(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if r.Body != tt.body {
				t.Errorf("body %q, want %q", r.Body, tt.body)
			}
			if r.Meta.Title != tt.want.Title || r.Meta.Outlet != tt.want.Outlet || r.Meta.Date != tt.want.Date ||
				r.Meta.URL != tt.want.URL || r.Meta.Author != tt.want.Author || len(r.Meta.Extra) != len(tt.want.Extra) {
				t.Errorf("meta %+v, want %+v", r.Meta, tt.want)
			}
			for k, v := range tt.want.Extra {
				if r.Meta.Extra[k] != v {
					t.Errorf("extra %s = %q, want %q", k, r.Meta.Extra[k], v)
				}
			}
		})
	}
}

func TestParseReportRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"only white space", []byte(" \n\t\n"), ErrEmpty},
		{"header without body", []byte("Title: T\nOutlet: O\n\n"), ErrEmpty},
		{"NUL bytes", []byte("GIF89a\x00\x01\x02"), ErrBinary},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03 text ", 10)), ErrBinary},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcbH\xcd\xc9\xc9\x07\x00"), ErrCompressed},
		{"xz", []byte("\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4F"), ErrCompressed},
		{"bzip2", []byte("BZh91AY&SY\x1a\x9b\x5c\x3b\x00\x00\x00\x81\x00\x02"), ErrCompressed},
		{"empty bzip2", []byte("BZh9\x17rE8P\x90\x00\x00\x00\x00"), ErrCompressed},
		{"Latin-1", []byte("Caf\xe9"), ErrNotUTF8},
		{"too large", make([]byte, MaxReportSize+1), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseReport("bad.txt", tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "bad.txt: ") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestLoadReport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "02-city-wire.txt")
	if err := os.WriteFile(path, []byte("“No family will have to leave,” Marsh said."), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.File != path || r.Meta.Outlet != "City Wire" {
		t.Errorf("file %q outlet %q", r.File, r.Meta.Outlet)
	}
	if _, err := LoadReport(dir); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("loading a folder: %v", err)
	}
	if _, err := LoadReport(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("loading a missing file: %v", err)
	}
}
