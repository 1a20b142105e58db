// Package assets holds what the Parallax binary carries with it: its icon
// and the sample case a new user can open at once.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"path"

	"fyne.io/fyne/v2"

	"github.com/parallax-review/parallax/compare"
)

//go:embed sample/*.txt
var sample embed.FS

//go:embed icon/parallax.png
var icon []byte

// Icon is the app's icon, for its windows.
var Icon = fyne.NewStaticResource("parallax.png", icon)

// SampleTitle is the title of the sample case.
const SampleTitle = "Sample: Eastside flood barrier"

// SampleReference is the file of the sample case that is its reference:
// the transcript the reports are compared against.
const SampleReference = "00-transcript.txt"

// SampleReports parses the sample case's reports, in file order, with the
// transcript marked as the reference.
func SampleReports() ([]*compare.Report, error) {
	names, err := fs.Glob(sample, "sample/*.txt")
	if err != nil {
		return nil, fmt.Errorf("list sample reports: %w", err)
	}
	reports := make([]*compare.Report, 0, len(names))
	for _, name := range names {
		data, err := sample.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read sample report %s: %w", name, err)
		}
		r, err := compare.ParseReport(path.Base(name), data)
		if err != nil {
			return nil, fmt.Errorf("parse sample report: %w", err)
		}
		r.Reference = path.Base(name) == SampleReference
		reports = append(reports, r)
	}
	return reports, nil
}
