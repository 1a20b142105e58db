// Package ingest turns the files editors actually have — saved web pages,
// Word and OpenDocument files, e-mails, PDFs, plain text and Markdown — into
// reports for comparison, keeping only the article and its metadata.
//
// It reads bytes and never fetches anything: no script runs, no link is
// followed. Plain text and Markdown go through compare.ParseReport; every
// other format yields the same kind of report, its body one paragraph a
// line.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/parallax-review/parallax/compare"
)

// Format is a kind of file Parallax imports.
type Format string

// The formats Parse recognises.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	DOCX     Format = "docx"
	ODT      Format = "odt"
	EML      Format = "eml"
	PDF      Format = "pdf"
)

// Reasons a file is refused, besides those of compare.ParseReport.
var (
	ErrNoArticle   = errors.New("no article text found")
	ErrUnsupported = errors.New("unsupported file type")
)

// Load reads the file at path and imports it with Parse. The error names
// the file and says why it was refused.
func Load(path string) (*compare.Report, error) {
	data, err := compare.ReadReportFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse imports a file's contents as a report. name is the file's name as
// the user gave it: with the contents it decides the format, and it names
// the outlet when the file says nothing of it.
func Parse(name string, data []byte) (*compare.Report, error) {
	if len(data) > compare.MaxReportSize {
		return nil, fmt.Errorf("%s: %w", name, compare.ErrTooLarge)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", name, compare.ErrEmpty)
	}
	var (
		meta compare.Meta
		body string
		err  error
	)
	switch format := Detect(name, data); format {
	case Text, Markdown:
		r, err := compare.ParseReport(name, decodeText(data))
		if err != nil {
			return nil, err
		}
		cleanMeta(&r.Meta)
		return r, nil
	case HTML:
		meta, body, err = parseHTML(data)
	case DOCX:
		meta, body, err = parseDOCX(data)
	case ODT:
		meta, body, err = parseODT(data)
	case EML:
		meta, body, err = parseEML(data)
	case PDF:
		meta, body, err = parsePDF(data)
	default:
		err = fmt.Errorf("%w (%s)", ErrUnsupported, format)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return newReport(name, meta, body)
}

// newReport assembles a report from an importer's output, normalised as
// compare.ParseReport normalises text.
func newReport(name string, meta compare.Meta, body string) (*compare.Report, error) {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	body = strings.Trim(norm.NFC.String(strings.ToValidUTF8(body, "\uFFFD")), "\n")
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrNoArticle)
	}
	if meta.Outlet == "" {
		meta.Outlet = compare.OutletFromFileName(name)
	}
	cleanMeta(&meta)
	return &compare.Report{File: name, Meta: meta, Body: body}, nil
}

// cleanMeta makes each metadata field one line of NFC-normalised UTF-8:
// raw bytes in a mail header or a file's name are read as Windows-1252
// where they can be, and replaced where they cannot.
func cleanMeta(m *compare.Meta) {
	for _, f := range []*string{&m.Title, &m.Outlet, &m.Author, &m.Date, &m.URL} {
		s := strings.ToValidUTF8(string(decodeText([]byte(*f))), "\uFFFD")
		*f = oneLine(norm.NFC.String(s))
	}
}

// oneLine folds s's runs of white space, line breaks included, into
// single spaces and trims its ends.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Detect tells a file's format by its contents, then by its name's
// extension. Binary or compressed data of no known format is Text, which
// compare.ParseReport refuses as binary or compressed.
func Detect(name string, data []byte) Format {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case compare.Compression(data) != "":
		return Text
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return zipFormat(data, ext)
	case ext == ".eml" || looksLikeMail(data):
		return EML
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksLikeHTML(data):
		return HTML
	case ext == ".md" || ext == ".markdown" || ext == ".mdown":
		return Markdown
	}
	return Text
}

// looksLikeHTML tells whether data starts, after white space, a byte order
// mark and comments, with a doctype or an <html>, <head> or <body> tag.
func looksLikeHTML(data []byte) bool {
	s := bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\xef\xbb\xbf"))
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		if !bytes.HasPrefix(s, []byte("<!--")) {
			break
		}
		end := bytes.Index(s, []byte("-->"))
		if end < 0 {
			return false
		}
		s = s[end+3:]
	}
	if bytes.HasPrefix(s, []byte("<?xml")) {
		if end := bytes.Index(s, []byte("?>")); end >= 0 {
			s = bytes.TrimLeft(s[end+2:], " \t\r\n\f")
		}
	}
	head := strings.ToLower(string(s[:min(len(s), 16)]))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return false
}
