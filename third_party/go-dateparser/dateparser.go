// Package dateparser stands in for github.com/markusmobius/go-dateparser,
// which go-htmldate imports for its extensive date search alone. Parallax
// reads the dates of HTML reports with trafilatura's fast search, which
// never calls it, while the real package builds the data of its two
// hundred languages when a program starts: some 150 ms and 80 MB on
// every run of parallax, and a WebAssembly runtime in the binary. This
// package gives the names go-htmldate uses; Parse finds no date.
package dateparser

import (
	"errors"
	"time"
)

// ParserType is a way of reading a date.
type ParserType int

// The ways of reading a date go-htmldate asks for.
const (
	CustomFormat ParserType = iota
	AbsoluteTime
)

// PreferredDateSource says where an incomplete date is completed from.
type PreferredDateSource int

// Past completes an incomplete date in the past.
const Past PreferredDateSource = 1

// Configuration is the configuration go-htmldate passes to Parse.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Date is a date Parse read.
type Date struct {
	Time time.Time
}

// Parser reads dates.
type Parser struct {
	ParserTypes []ParserType
}

// ErrNotBuilt is the error of every Parse.
var ErrNotBuilt = errors.New("dateparser: the extensive date search is not built into parallax")

// Parse finds no date: see the package comment.
func (p *Parser) Parse(cfg *Configuration, s string) (Date, error) {
	return Date{}, ErrNotBuilt
}
