package compare

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxReportSize is the largest report file Parallax reads, in bytes.
const MaxReportSize = 20 << 20

// Reasons a report file is refused.
var (
	ErrEmpty  = errors.New("the file is empty")
	ErrBinary = errors.New("the file is binary, not text")
	// ErrCompressed is wrapped with the kind of compression found.
	ErrCompressed = errors.New("the file is compressed")
	ErrNotUTF8    = errors.New("the file is not valid UTF-8 text")
	ErrTooLarge   = fmt.Errorf("the file is larger than %d MB", MaxReportSize>>20)
)

// LoadReport reads a plain-text or Markdown report from path. The error
// names the file and says why it was refused.
func LoadReport(path string) (*Report, error) {
	data, err := ReadReportFile(path)
	if err != nil {
		return nil, err
	}
	return ParseReport(path, data)
}

// ReadReportFile reads the file at path, refusing a folder and reading no
// more than one byte past MaxReportSize, so that a parser can refuse a
// larger file without it being read whole.
func ReadReportFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not a report", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxReportSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// ParseReport makes a report of a file's contents. name is the file's name
// as the user gave it: it decides the format (".md" is Markdown) and, when
// the text has no header naming its outlet, the outlet.
func ParseReport(name string, data []byte) (*Report, error) {
	if err := checkText(data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text := norm.NFC.String(string(data))
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")

	r := &Report{File: name}
	if isMarkdown(name) {
		var front string
		front, text = splitFrontMatter(text)
		r.Meta = parseFrontMatter(front)
		text = markdownText(text)
	} else {
		var header []string
		header, text = splitHeader(text)
		r.Meta = parseHeader(header)
	}
	r.Body = strings.Trim(text, "\n")
	if strings.TrimSpace(r.Body) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if r.Meta.Outlet == "" {
		r.Meta.Outlet = OutletFromFileName(name)
	}
	return r, nil
}

// checkText refuses data that is empty, too large, binary or not UTF-8.
func checkText(data []byte) error {
	switch {
	case len(data) > MaxReportSize:
		return ErrTooLarge
	case len(bytes.TrimSpace(data)) == 0:
		return ErrEmpty
	case Compression(data) != "":
		return fmt.Errorf("%w (%s): unpack it first", ErrCompressed, Compression(data))
	case bytes.IndexByte(data, 0) >= 0:
		return ErrBinary
	case !utf8.Valid(data):
		return ErrNotUTF8
	}
	// Control characters other than whitespace mark a binary file that
	// happens to avoid NUL bytes.
	ctl := 0
	for _, b := range data[:min(len(data), 8192)] {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	if ctl > 8 {
		return ErrBinary
	}
	return nil
}

// compressionMagic maps the first bytes of compressed data to the name of
// the compression.
var compressionMagic = []struct{ magic, name string }{
	{"\x1f\x8b", "gzip"},
	{"\xfd7zXZ\x00", "xz"},
	{"\x28\xb5\x2f\xfd", "zstd"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip"},
}

// Compression names the compression data is packed with, or returns "".
// A saved page or report that is still packed (page.html.gz) is refused with
// that name rather than as binary data.
func Compression(data []byte) string {
	for _, c := range compressionMagic {
		if bytes.HasPrefix(data, []byte(c.magic)) {
			return c.name
		}
	}
	// bzip2's magic, "BZh", is letters a text may begin with: the block
	// size digit and the magic of the first block or of the stream's end
	// must follow it.
	if len(data) >= 10 && bytes.HasPrefix(data, []byte("BZh")) && '1' <= data[3] && data[3] <= '9' &&
		(bytes.HasPrefix(data[4:], []byte("1AY&SY")) || bytes.HasPrefix(data[4:], []byte("\x17rE8P\x90"))) {
		return "bzip2"
	}
	return ""
}

var headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9 _-]{0,30}):[ \t]*(.*)$`)

// splitHeader separates "Key: value" lines at the top of text, followed by a
// blank line, from the body. Text without such a block is all body.
func splitHeader(text string) (header []string, body string) {
	rest := text
	for {
		line, after, found := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			if len(header) == 0 || !found {
				return nil, text
			}
			return header, after
		}
		if !headerLine.MatchString(line) || !found {
			return nil, text
		}
		header = append(header, line)
		rest = after
	}
}

func parseHeader(lines []string) Meta {
	var m Meta
	for _, line := range lines {
		sub := headerLine.FindStringSubmatch(line)
		m.set(sub[1], sub[2])
	}
	return m
}

// set records one header field under its canonical name.
func (m *Meta) set(key, value string) {
	value = strings.TrimSpace(value)
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "title", "headline":
		m.Title = value
	case "outlet", "source", "publisher", "site", "site_name", "sitename", "publication":
		m.Outlet = value
	case "date", "published", "pubdate", "date published":
		m.Date = value
	case "url", "link", "canonical", "source url":
		m.URL = value
	case "author", "byline", "by", "authors":
		m.Author = value
	default:
		if m.Extra == nil {
			m.Extra = map[string]string{}
		}
		m.Extra[strings.ToLower(strings.TrimSpace(key))] = value
	}
}

func isMarkdown(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown":
		return true
	}
	return false
}

// splitFrontMatter separates a YAML front matter block ("---" lines) from
// the Markdown text.
func splitFrontMatter(text string) (front, body string) {
	if !strings.HasPrefix(text, "---\n") {
		return "", text
	}
	rest := text[4:]
	for off := 0; off < len(rest); {
		line, _, _ := strings.Cut(rest[off:], "\n")
		if strings.TrimRight(line, " \t") == "---" || strings.TrimRight(line, " \t") == "..." {
			end := min(off+len(line)+1, len(rest))
			return rest[:off], rest[end:]
		}
		off += len(line) + 1
	}
	return "", text
}

// parseFrontMatter reads the flat "key: value" pairs of YAML front matter;
// nested structures are ignored.
func parseFrontMatter(front string) Meta {
	var m Meta
	for line := range strings.SplitSeq(front, "\n") {
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if value = strings.TrimSpace(value); !ok || value == "" {
			continue // not a pair, or the head of a nested list or map
		}
		m.set(key, unquoteYAML(value))
	}
	return m
}

func unquoteYAML(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdLinkDef  = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:\s+\S+.*$`)
	mdHeading  = regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$`)
	mdListItem = regexp.MustCompile(`(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]+`)
	mdQuote    = regexp.MustCompile(`(?m)^[ \t]*>[ \t]?`)
	mdRule     = regexp.MustCompile(`(?m)^ {0,3}(?:[-*_][ \t]*){3,}$`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|~~|` + "`" + `)([^*_~` + "`" + `\n]+?)(\*\*|__|\*|_|~~|` + "`" + `)`)
	mdHTMLTag  = regexp.MustCompile(`</?[A-Za-z][^>\n]*>`)
)

// markdownText turns Markdown into the plain text it shows, so that markup
// is neither analysed nor counted as words.
func markdownText(s string) string {
	s = mdLinkDef.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdRule.ReplaceAllString(s, "")
	s = mdHeading.ReplaceAllString(s, "$1")
	s = mdListItem.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdHTMLTag.ReplaceAllString(s, "")
	for {
		t := mdEmphasis.ReplaceAllStringFunc(s, func(m string) string {
			sub := mdEmphasis.FindStringSubmatch(m)
			if sub[1] != sub[3] || isWordy(sub[1], sub[2]) {
				return m
			}
			return sub[2]
		})
		if t == s {
			return s
		}
		s = t
	}
}

// isWordy tells snake_case identifiers and the like, whose underscores are
// not emphasis, from emphasised text.
func isWordy(mark, inner string) bool {
	return mark == "_" && strings.IndexFunc(inner, unicode.IsSpace) < 0 && strings.Contains(inner, "_")
}

var leadingNumber = regexp.MustCompile(`^\d+[-_ .]+`)

// OutletFromFileName guesses an outlet's name from a report's file name:
// "03-the-new-york-times.txt" gives "The New York Times".
func OutletFromFileName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = leadingNumber.ReplaceAllString(base, "")
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	if len(words) == 0 {
		return filepath.Base(name)
	}
	return strings.Join(words, " ")
}
