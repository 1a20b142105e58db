package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallax-review/parallax/compare"
)

// Limits that keep a hostile archive (a zip bomb) from exhausting memory:
// the entries an archive may list, and the bytes read from its members in
// all, whatever their headers claim.
const (
	maxZipEntries  = 10000
	maxZipExpanded = 4 * compare.MaxReportSize
)

// ErrZipBomb refuses an archive that lists too many entries or expands
// past maxZipExpanded.
var ErrZipBomb = fmt.Errorf("the archive expands to more than %d MB or lists more than %d entries (a zip bomb?)",
	maxZipExpanded>>20, maxZipEntries)

// zipFormat tells DOCX from ODT by the archive's members; ext decides an
// archive that shows neither.
func zipFormat(data []byte, ext string) Format {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err == nil {
		for _, f := range zr.File[:min(len(zr.File), maxZipEntries)] {
			switch f.Name {
			case "word/document.xml":
				return DOCX
			case "mimetype", "content.xml":
				return ODT
			}
		}
	}
	switch ext {
	case ".odt":
		return ODT
	case ".docx":
		return DOCX
	}
	return Format("zip archive")
}

// archive reads members of a zip file within the limits.
type archive struct {
	files map[string]*zip.File
	left  int64 // bytes that may still be read
}

func openArchive(data []byte) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read archive: %w", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, ErrZipBomb
	}
	a := &archive{files: map[string]*zip.File{}, left: maxZipExpanded}
	for _, f := range zr.File {
		a.files[f.Name] = f
	}
	return a, nil
}

// errMissing reports an archive member that is not there.
var errMissing = errors.New("missing")

// read returns the member called name, refusing it when its declared or
// actual size would pass what is left of the limit.
func (a *archive) read(name string) ([]byte, error) {
	f, ok := a.files[name]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, errMissing)
	}
	if f.UncompressedSize64 > uint64(a.left) {
		return nil, ErrZipBomb
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, a.left+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > a.left {
		return nil, ErrZipBomb
	}
	a.left -= int64(len(data))
	return data, nil
}

// optional reads a member that may be absent: absent gives nil.
func (a *archive) optional(name string) ([]byte, error) {
	data, err := a.read(name)
	if errors.Is(err, errMissing) {
		return nil, nil
	}
	return data, err
}

// parseDOCX reads a Word document's text and core properties.
func parseDOCX(data []byte) (compare.Meta, string, error) {
	return parseOffice(data, "a Word document", "word/document.xml", docxText, "docProps/core.xml", "docProps/app.xml")
}

// parseODT reads an OpenDocument text's text and metadata.
func parseODT(data []byte) (compare.Meta, string, error) {
	return parseOffice(data, "an OpenDocument text", "content.xml", odtText, "meta.xml")
}

// parseOffice reads a zipped office document of the given kind: its text,
// rendered by render from the member main, and its metadata from the
// property members props.
func parseOffice(data []byte, kind, main string, render func([]byte) (string, error), props ...string) (compare.Meta, string, error) {
	a, err := openArchive(data)
	if err != nil {
		return compare.Meta{}, "", err
	}
	content, err := a.read(main)
	if err != nil {
		return compare.Meta{}, "", fmt.Errorf("not %s: %w", kind, err)
	}
	body, err := render(content)
	if err != nil {
		return compare.Meta{}, "", fmt.Errorf("%s: %w", main, err)
	}
	var meta compare.Meta
	for _, p := range props {
		if err := readProperties(a, p, &meta); err != nil {
			return compare.Meta{}, "", err
		}
	}
	return meta, body, nil
}

// docxText renders WordprocessingML as text: one paragraph a line, tabs
// and breaks kept, deleted revisions and field codes left out.
func docxText(data []byte) (string, error) {
	var b strings.Builder
	err := walkXML(data, func(tok xml.Token, inside func(local string) bool) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if t.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inside("t") && !inside("delText") && !inside("instrText") {
				b.Write(t)
			}
		}
	})
	return b.String(), err
}

// odtText renders OpenDocument text as text: paragraphs and headings a
// line each, spaces, tabs and line breaks kept, annotations and change
// records left out.
func odtText(data []byte) (string, error) {
	var b strings.Builder
	err := walkXML(data, func(tok xml.Token, inside func(local string) bool) {
		if !inside("body") || inside("annotation") || inside("tracked-changes") {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "s":
				n := 1
				for _, at := range t.Attr {
					if at.Name.Local == "c" {
						if c, err := strconv.Atoi(at.Value); err == nil && c > 0 {
							n = min(c, 100)
						}
					}
				}
				b.WriteString(strings.Repeat(" ", n))
			case "tab":
				b.WriteByte('\t')
			case "line-break":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if t.Name.Local == "p" || t.Name.Local == "h" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inside("p") || inside("h") {
				b.Write(t)
			}
		}
	})
	return b.String(), err
}

// walkXML calls visit with each token of an XML document and a function
// telling whether the token lies inside an element of a given local name
// (start and end tags count as inside their own element).
func walkXML(data []byte, visit func(tok xml.Token, inside func(local string) bool)) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	open := map[string]int{}
	depth := 0
	inside := func(local string) bool { return open[local] > 0 }
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth > 0 {
				return fmt.Errorf("XML ends inside %d open elements (truncated?)", depth)
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open[t.Name.Local]++
			depth++
			visit(t, inside)
		case xml.EndElement:
			visit(t, inside)
			open[t.Name.Local]--
			depth--
		default:
			visit(t, inside)
		}
	}
}

// readProperties fills what meta lacks from a document-properties member
// (DOCX docProps/core.xml and docProps/app.xml, ODT meta.xml); an absent
// member adds nothing.
func readProperties(a *archive, name string, meta *compare.Meta) error {
	data, err := a.optional(name)
	if err != nil || data == nil {
		return err
	}
	fields := map[string]*string{
		"title":   &meta.Title,
		"creator": &meta.Author, "initial-creator": &meta.Author,
		"created": &meta.Date, "creation-date": &meta.Date,
		"Company": &meta.Outlet,
	}
	var field *string
	err = walkXML(data, func(tok xml.Token, _ func(string) bool) {
		switch t := tok.(type) {
		case xml.StartElement:
			field = fields[t.Name.Local]
		case xml.EndElement:
			field = nil
		case xml.CharData:
			if field != nil && *field == "" {
				*field = strings.TrimSpace(string(t))
			}
		}
	})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	meta.Date = dateOnly(meta.Date)
	return nil
}

// dateOnly keeps the day of an ISO 8601 timestamp ("2024-05-01T10:00:00Z"
// gives "2024-05-01").
func dateOnly(s string) string {
	if len(s) > 10 && s[4] == '-' && s[7] == '-' && s[10] == 'T' {
		return s[:10]
	}
	return s
}
