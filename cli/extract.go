package cli

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/compare/ingest"
)

// extracted is one file as `parallax extract --format json` lists it.
type extracted struct {
	File   string `json:"file"`
	Format string `json:"format"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Author string `json:"author"`
	Date   string `json:"date"`
	URL    string `json:"url"`
	Words  int    `json:"words"`
	Text   string `json:"text"`
}

func runExtract(env *Env, args []string) error {
	fs := newFlags(env, "extract", "[--format text|json] FILE...",
		"Prints what Parallax would import from each file — saved web pages, Word (.docx)\n"+
			"and OpenDocument (.odt) files, e-mails (.eml), PDFs, plain text and Markdown:\n"+
			"the metadata it finds and the article's text.")
	format := fs.String("format", "text", "output `format`: text or json")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown format %q: want text or json", *format)
	}
	if len(files) == 0 {
		fs.Usage()
		return errUsage
	}
	// Read every file first, so that a bad one stops the command with
	// nothing half-printed.
	list := make([]extracted, 0, len(files))
	for _, f := range files {
		data, err := compare.ReadReportFile(f)
		if err != nil {
			return err
		}
		r, err := ingest.Parse(f, data)
		if err != nil {
			return err
		}
		m := r.Meta
		list = append(list, extracted{File: f, Format: string(ingest.Detect(f, data)), Title: m.Title,
			Outlet: m.Outlet, Author: m.Author, Date: m.Date, URL: m.URL,
			Words: compare.WordCount(r.Body), Text: r.Body})
	}
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	if *format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(list); err != nil {
			return err
		}
		return out.Flush()
	}
	for i, e := range list {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "==> %s (%s, %s)\n", e.File, e.Format, compare.Plural(e.Words, "word"))
		for _, field := range [][2]string{{"Title", e.Title}, {"Outlet", e.Outlet}, {"Author", e.Author}, {"Date", e.Date}, {"URL", e.URL}} {
			if field[1] != "" {
				fmt.Fprintf(out, "%s: %s\n", field[0], field[1])
			}
		}
		fmt.Fprintf(out, "\n%s\n", e.Text)
	}
	return out.Flush()
}
