package ingest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/parallax-review/parallax/compare"
)

// maxMIMEDepth bounds how deeply multipart bodies may nest.
const maxMIMEDepth = 10

// ErrMalformedMail refuses a message whose MIME structure cannot be read.
var ErrMalformedMail = errors.New("malformed e-mail")

// parseEML reads an e-mail: its subject as the title, its sender as the
// author, its organisation (or the sender's domain) as the outlet, and
// its readable text, taking an HTML-only message through the HTML path.
func parseEML(data []byte) (compare.Meta, string, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return compare.Meta{}, "", fmt.Errorf("%w: %v", ErrMalformedMail, err)
	}
	h := msg.Header
	meta := compare.Meta{Title: decodeHeader(h.Get("Subject")), Outlet: decodeHeader(h.Get("Organization"))}
	if from, err := mail.ParseAddress(decodeHeader(h.Get("From"))); err == nil {
		meta.Author = from.Name
		if meta.Author == "" {
			meta.Author = from.Address
		}
		if _, domain, ok := strings.Cut(from.Address, "@"); ok && meta.Outlet == "" {
			meta.Outlet = domain
		}
	} else {
		meta.Author = decodeHeader(h.Get("From"))
	}
	if d, err := h.Date(); err == nil {
		meta.Date = d.Format("2006-01-02")
	}
	body, err := mailText(textproto.MIMEHeader(h), msg.Body, 0)
	if err != nil {
		return meta, "", err
	}
	return meta, body, nil
}

// decodeHeader decodes RFC 2047 encoded words ("=?utf-8?q?…?="), in any
// character set the HTML standard knows.
func decodeHeader(s string) string {
	d := mime.WordDecoder{CharsetReader: func(label string, r io.Reader) (io.Reader, error) {
		data, err := io.ReadAll(io.LimitReader(r, compare.MaxReportSize))
		if err != nil {
			return nil, err
		}
		return bytes.NewReader(decodeLabel(label, data)), nil
	}}
	if out, err := d.DecodeHeader(s); err == nil {
		return out
	}
	return s
}

// mailText returns the readable text of one MIME part: text/plain as it
// is, text/html through the HTML path, a forwarded message by its own
// text, multipart/alternative by its plainest version and other
// multiparts by all their inline text parts and forwarded messages.
func mailText(h textproto.MIMEHeader, body io.Reader, depth int) (string, error) {
	if depth > maxMIMEDepth {
		return "", fmt.Errorf("%w: parts nest more than %d deep", ErrMalformedMail, maxMIMEDepth)
	}
	ctype := h.Get("Content-Type")
	if ctype == "" {
		ctype = "text/plain"
	}
	mediaType, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return "", fmt.Errorf("%w: Content-Type %q: %v", ErrMalformedMail, ctype, err)
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		return multipartText(mediaType, params, body, depth)
	}
	if mediaType == "message/rfc822" {
		// A forwarded message: its text is the content.
		inner, err := mail.ReadMessage(transferDecoder(h.Get("Content-Transfer-Encoding"), body))
		if err != nil {
			return "", fmt.Errorf("%w: forwarded message: %v", ErrMalformedMail, err)
		}
		return mailText(textproto.MIMEHeader(inner.Header), inner.Body, depth+1)
	}
	if mediaType != "text/plain" && mediaType != "text/html" {
		return "", nil
	}
	data, err := io.ReadAll(transferDecoder(h.Get("Content-Transfer-Encoding"), body))
	if err != nil {
		return "", fmt.Errorf("%w: %s part: %v", ErrMalformedMail, mediaType, err)
	}
	if mediaType == "text/html" {
		return mailHTML(decodeLabel(params["charset"], data)), nil
	}
	if params["charset"] == "" {
		data = decodeText(data)
		if !utf8.Valid(data) {
			return "", fmt.Errorf("%w: a text part without a character set is neither UTF-8 nor Windows-1252 (binary?)", ErrMalformedMail)
		}
		return string(data), nil
	}
	return string(decodeLabel(params["charset"], data)), nil
}

func multipartText(mediaType string, params map[string]string, body io.Reader, depth int) (string, error) {
	boundary := params["boundary"]
	if boundary == "" {
		return "", fmt.Errorf("%w: %s without a boundary", ErrMalformedMail, mediaType)
	}
	mr := multipart.NewReader(body, boundary)
	var texts []string
	var plain, rich string
	for {
		part, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%w: %s: %v", ErrMalformedMail, mediaType, err)
		}
		disp, _, _ := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
		partType := strings.ToLower(part.Header.Get("Content-Type"))
		if disp == "attachment" && !strings.HasPrefix(partType, "message/rfc822") {
			continue
		}
		text, err := mailText(part.Header, part, depth+1)
		if err != nil {
			return "", err
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		switch {
		case mediaType != "multipart/alternative":
			texts = append(texts, text)
		case strings.HasPrefix(partType, "text/html"):
			rich = text
		case plain == "":
			plain = text
		}
	}
	if mediaType == "multipart/alternative" {
		if plain != "" {
			return plain, nil
		}
		return rich, nil
	}
	return strings.Join(texts, "\n"), nil
}

// transferDecoder undoes a part's Content-Transfer-Encoding.
func transferDecoder(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &skipSpace{r: bufio.NewReader(r)})
	}
	return r
}

// skipSpace drops the line breaks and blanks between base64 lines.
type skipSpace struct{ r *bufio.Reader }

func (s *skipSpace) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := s.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if b != '\r' && b != '\n' && b != ' ' && b != '\t' {
			p[n] = b
			n++
		}
	}
	return n, nil
}

// mailHTML takes an HTML mail through the article extractor, and renders
// it plainly when it is too short to read as an article.
func mailHTML(data []byte) string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	_, text := extractArticle(doc)
	plain := plainText(doc)
	if n := compare.WordCount(text); n < minArticleWords && n < compare.WordCount(plain) {
		return plain
	}
	return text
}

// minArticleWords is the length under which the extractor's cut of a
// short HTML mail is not trusted over the whole of it.
const minArticleWords = 50

// looksLikeMail tells whether data starts with an e-mail header block: a
// From field with a Subject or Date and a field only mail carries.
func looksLikeMail(data []byte) bool {
	head := data[:min(len(data), 16<<10)]
	if i := bytes.Index(head, []byte("\n\n")); i >= 0 {
		head = head[:i]
	} else if i := bytes.Index(head, []byte("\r\n\r\n")); i >= 0 {
		head = head[:i]
	}
	fields := map[string]bool{}
	for line := range strings.SplitSeq(string(head), "\n") {
		if line == "" || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		key, _, ok := strings.Cut(line, ":")
		if !ok || strings.ContainsAny(key, " \t") {
			return false
		}
		fields[strings.ToLower(key)] = true
	}
	mailOnly := fields["received"] || fields["message-id"] || fields["mime-version"] ||
		fields["to"] || fields["return-path"] || fields["content-type"]
	return fields["from"] && (fields["subject"] || fields["date"]) && mailOnly
}
