package ingest

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns plain text as UTF-8. Text that is not UTF-8 but reads
// as Windows-1252 (which covers the printable ISO-8859-1) is converted;
// anything else is returned as it is, for compare.ParseReport to refuse.
func decodeText(data []byte) []byte {
	if utf8.Valid(data) || !isLegacyText(data) {
		return data
	}
	return decode(charmap.Windows1252, data)
}

// isLegacyText tells whether data could be Windows-1252 text: no control
// characters besides white space and none of the bytes the code page
// leaves undefined.
func isLegacyText(data []byte) bool {
	for _, b := range data {
		switch {
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f',
			b == 0x7f, b == 0x81, b == 0x8d, b == 0x8f, b == 0x90, b == 0x9d:
			return false
		}
	}
	return true
}

// decodeLabel converts data in the character set named label (a MIME or
// HTML label such as "iso-8859-1") to UTF-8. An unknown label leaves valid
// UTF-8 alone and reads anything else as Windows-1252.
func decodeLabel(label string, data []byte) []byte {
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return decodeText(data)
	}
	return decode(enc, data)
}

// decode converts data from enc to UTF-8, replacing what enc cannot map.
func decode(enc encoding.Encoding, data []byte) []byte {
	if enc == encoding.Nop || enc == unicode.UTF8 {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// htmlToUTF8 converts an HTML page to UTF-8 by its byte order mark, its
// declared character set (a <meta> tag in its first kilobyte), or else by
// its contents: UTF-8 stays, anything else is read as Windows-1252, which
// covers the printable ISO-8859-1.
func htmlToUTF8(data []byte) []byte {
	for _, bom := range []struct {
		mark []byte
		enc  encoding.Encoding
	}{
		{[]byte("\xef\xbb\xbf"), nil},
		{[]byte("\xfe\xff"), unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
		{[]byte("\xff\xfe"), unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
	} {
		if bytes.HasPrefix(data, bom.mark) {
			if bom.enc == nil {
				return data[len(bom.mark):]
			}
			return decode(bom.enc, data)
		}
	}
	enc, _, _ := charset.DetermineEncoding(data, "")
	single := isSingleByte(enc)
	if enc == encoding.Nop || enc == unicode.UTF8 || single {
		// Undeclared pages, and pages declared in a one-byte code page
		// whose bytes are mostly UTF-8 (re-saved as UTF-8), are UTF-8.
		if multi, invalid := utf8Counts(data); multi > invalid || invalid == 0 {
			return bytes.ToValidUTF8(data, []byte("�"))
		}
		if !single {
			enc = charmap.Windows1252
		}
	}
	return decode(enc, data)
}

// isSingleByte tells the one-byte-per-character code pages apart: they
// decode each of the 128 upper bytes to one character.
func isSingleByte(enc encoding.Encoding) bool {
	out, err := enc.NewDecoder().Bytes(upperBytes[:])
	return err == nil && utf8.RuneCount(out) == len(upperBytes)
}

// upperBytes are the bytes 0x80 to 0xFF, in order.
var upperBytes = func() (b [128]byte) {
	for i := range b {
		b[i] = byte(0x80 + i)
	}
	return b
}()

// utf8Counts counts the valid multi-byte UTF-8 sequences of data and the
// bytes that are not part of any valid sequence.
func utf8Counts(data []byte) (multi, invalid int) {
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			multi++
		}
		data = data[n:]
	}
	return multi, invalid
}
