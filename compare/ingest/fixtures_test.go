package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// The fixtures below are made here, by the tests, with text written for
// them: a small press release by a fictional harbour authority.

const (
	fixtureTitle  = "Harbour bridge to reopen on Monday"
	fixtureAuthor = "Dana Reyes"
	fixtureOutlet = "Port Authority of Easthaven"
	fixtureDate   = "2024-03-05"
	fixtureLead   = `The harbour bridge will reopen to traffic on Monday, the port authority said.`
	fixtureQuote  = `"We expect 12,000 vehicles a day," said Dana Reyes, the authority's director.`
)

// zipFile is one member of an archive fixture.
type zipFile struct{ name, body string }

// makeZip builds a zip archive of files, stored or deflated.
func makeZip(tb testing.TB, files ...zipFile) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		method := zip.Deflate
		if f.name == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// makeDOCX builds a Word document with two paragraphs (the second split
// into runs and holding a tab), a deleted revision, a field code, and
// core and app properties.
func makeDOCX(tb testing.TB) []byte {
	tb.Helper()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + w + `><w:body>
<w:p><w:r><w:t>` + fixtureLead + `</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">&quot;We expect 12,000 </w:t></w:r><w:r><w:t>vehicles a day,&quot; said Dana Reyes,</w:t></w:r><w:r><w:delText>deleted words</w:delText></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve"> the authority&apos;s director.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Lane</w:t></w:r><w:r><w:tab/><w:t>open</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`
	core := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>` + fixtureTitle + `</dc:title><dc:creator>` + fixtureAuthor + `</dc:creator>
<dcterms:created>` + fixtureDate + `T09:30:00Z</dcterms:created><dcterms:modified>2024-04-01T10:00:00Z</dcterms:modified>
</cp:coreProperties>`
	app := `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>` + fixtureOutlet + `</Company></Properties>`
	return makeZip(tb,
		zipFile{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		zipFile{"word/document.xml", doc},
		zipFile{"docProps/core.xml", core},
		zipFile{"docProps/app.xml", app})
}

// makeODT builds an OpenDocument text with a heading, a paragraph using
// <text:s>, a line break, an annotation and metadata.
func makeODT(tb testing.TB) []byte {
	tb.Helper()
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ` + ns + `><office:automatic-styles><text:p>style junk</text:p></office:automatic-styles><office:body><office:text>
<text:h text:outline-level="1">Bridge news</text:h>
<text:p>` + fixtureLead + `<office:annotation><text:p>reviewer note</text:p></office:annotation></text:p>
<text:p>&quot;We expect 12,000<text:s/>vehicles a day,&quot; said Dana Reyes,<text:line-break/>the authority&apos;s director.</text:p>
</office:text></office:body></office:document-content>`
	meta := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ` + ns + `><office:meta><meta:initial-creator>` + fixtureAuthor + `</meta:initial-creator><dc:title>` + fixtureTitle + `</dc:title><meta:creation-date>` + fixtureDate + `T09:30:00</meta:creation-date><dc:date>2024-04-01T10:00:00</dc:date></office:meta></office:document-meta>`
	return makeZip(tb,
		zipFile{"mimetype", "application/vnd.oasis.opendocument.text"},
		zipFile{"content.xml", content},
		zipFile{"meta.xml", meta})
}

// makePDF builds a one-page PDF whose text is drawn line by line, with an
// information dictionary. Offsets in the cross-reference table are
// computed, so the file is well formed.
func makePDF(tb testing.TB, lines ...string) []byte {
	tb.Helper()
	var content strings.Builder
	content.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for _, l := range lines {
		l = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l)
		fmt.Fprintf(&content, "(%s) Tj T*\n", l)
	}
	content.WriteString("ET")
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len()+1, content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Title (" + fixtureTitle + ") /Author (" + fixtureAuthor + ") /CreationDate (D:20240305093000Z) >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// Mail fixtures: a plain message in quoted-printable, an HTML-only one in
// base64, a multipart/alternative one, one in ISO-8859-1 with an encoded
// subject, and malformed ones.
const (
	mailHead = "From: Dana Reyes <press@easthaven-port.example>\r\nTo: desk@example.org\r\nDate: Tue, 05 Mar 2024 09:30:00 +0100\r\nSubject: " + fixtureTitle + "\r\nMessage-ID: <1@easthaven-port.example>\r\nMIME-Version: 1.0\r\n"

	mailQP = mailHead + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"The harbour bridge will reopen to traffic on Monday, the port authority sai=\r\nd.\r\n" +
		"=E2=80=9CWe expect 12,000 vehicles a day,=E2=80=9D said Dana Reyes.\r\n"

	mailAlternative = mailHead + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
		"preamble\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + fixtureLead + "\r\n" +
		"--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version</p>\r\n--b1--\r\n"

	// Its HTML version first, its type in capitals as some mailers write it.
	mailAlternativeHTMLFirst = mailHead + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
		"--b1\r\nContent-Type: Text/HTML; charset=utf-8\r\n\r\n<p>HTML version</p>\r\n" +
		"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + fixtureLead + "\r\n--b1--\r\n"

	mailLatin1 = "From: =?iso-8859-1?q?Jos=E9_Pe=F1a?= <jose@example.org>\r\nTo: desk@example.org\r\nSubject: =?iso-8859-1?q?Caf=E9_reopens?=\r\nOrganization: Easthaven Daily\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nThe caf\xe9 on the quay reopens on Monday.\r\n"

	mailForwarded = "From: Desk <desk@example.org>\r\nTo: editor@example.org\r\nSubject: Fwd: release\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=f\r\n\r\n" +
		"--f\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n" +
		"--f\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=release.eml\r\n\r\n" + mailQP + "\r\n--f--\r\n"

	mailNoBoundary = mailHead + "Content-Type: multipart/mixed\r\n\r\nbody\r\n"
	mailBadBase64  = mailHead + "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64***\r\n"
	mailBadType    = mailHead + "Content-Type: text/plain; charset\r\n\r\nbody\r\n"
	mailUnclosed   = mailHead + "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nsome text that never ends"
)

// mailHTMLOnly is an HTML-only message, base64-encoded, with its
// attachment skipped.
func mailHTMLOnly() string {
	html := `<html><head><style>p{color:red}</style><script>document.write("injected")</script></head><body><p>` + fixtureLead + `</p><p>` + fixtureQuote + `</p></body></html>`
	var b strings.Builder
	b.WriteString(mailHead + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n")
	b.WriteString("--outer\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	enc := base64Lines(html)
	b.WriteString(enc)
	b.WriteString("\r\n--outer\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=notes.txt\r\n\r\nattached notes\r\n--outer--\r\n")
	return b.String()
}

// base64Lines encodes s in base64 lines of 76 characters, as mail does.
func base64Lines(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc)
	return b.String()
}
