package ingest

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

// sharedDir returns the folder name of the shared test data beside the
// repository (../shared from the repository root), skipping the test when
// it is absent.
func sharedDir(tb testing.TB, name string) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", name)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("%s is absent: %v", path, err)
	}
	return path
}

// benchPage is one page of the article-extraction benchmark.
type benchPage struct {
	id, url, truth string
	html           []byte
}

// loadBench reads the benchmark's pages and ground truth, in id order.
func loadBench(tb testing.TB) []benchPage {
	tb.Helper()
	dir := sharedDir(tb, "html-bench")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatalf("ground-truth.json: %v", err)
	}
	var pages []benchPage
	for id, t := range truth {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("%s: %v", id, err)
		}
		data, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", id, err)
		}
		pages = append(pages, benchPage{id: id, url: t.URL, truth: t.ArticleBody, html: data})
	}
	slices.SortFunc(pages, func(a, b benchPage) int { return strings.Compare(a.id, b.id) })
	return pages
}

// benchTokens splits text as the benchmark's metric does: runs of letters,
// digits and underscores (Python's \w), case kept.
func benchTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '_'
	})
}

// benchShingles counts the word 4-grams of s; a text of fewer than four
// words is one shingle of all of them, none when it has no word.
func benchShingles(s string) map[string]int {
	toks := benchTokens(s)
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-3); i++ {
		if sh := toks[i:min(i+4, len(toks))]; len(sh) > 0 {
			out[strings.Join(sh, "\x00")]++
		}
	}
	return out
}

// shingleScore gives one page's true positive, false positive and false
// negative shingle counts, normalised to sum to 1 as the metric does.
func shingleScore(truth, pred string) (tp, fp, fn float64) {
	t, p := benchShingles(truth), benchShingles(pred)
	for k, n := range p {
		tp += float64(min(n, t[k]))
		fp += float64(max(0, n-t[k]))
	}
	for k, n := range t {
		fn += float64(max(0, n-p[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

// benchMetrics averages per-page precision (over pages that predicted
// something) and recall (over pages that have truth), and gives F1 as
// their harmonic mean, as the benchmark's evaluate.py does.
func benchMetrics(scores [][3]float64) (precision, recall, f1 float64) {
	var np, nr int
	for _, s := range scores {
		tp, fp, fn := s[0], s[1], s[2]
		if tp+fp > 0 {
			np++
			if fp == 0 && fn == 0 {
				precision++
			} else {
				precision += tp / (tp + fp)
			}
		}
		if tp+fn > 0 {
			nr++
			if fp == 0 && fn == 0 {
				recall++
			} else {
				recall += tp / (tp + fn)
			}
		}
	}
	precision /= float64(max(np, 1))
	recall /= float64(max(nr, 1))
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

func TestBenchMetric(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		tp, fp, fn        float64
	}{
		{"exact", "one two three four five", "one two three four five", 1, 0, 0},
		{"nothing predicted", "one two three four five", "", 0, 0, 1},
		{"half extra", "a b c d", "a b c d e", 1.0 / 2, 1.0 / 2, 0},
		{"punctuation and case", "Hello, world: it's me.", "Hello world it s me", 1, 0, 0},
		{"short texts are one shingle", "a b", "a b", 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp, fp, fn := shingleScore(tt.truth, tt.pred)
			if tp != tt.tp || fp != tt.fp || fn != tt.fn {
				t.Errorf("shingleScore = %.3f, %.3f, %.3f; want %.3f, %.3f, %.3f", tp, fp, fn, tt.tp, tt.fp, tt.fn)
			}
		})
	}
	p, r, f := benchMetrics([][3]float64{{1, 0, 0}, {0, 0, 1}})
	if p != 1 || r != 0.5 || f < 0.666 || f > 0.667 {
		t.Errorf("benchMetrics = %.3f, %.3f, %.3f; want 1, 0.5, 0.667", p, r, f)
	}
}

// TestHTMLBench measures article extraction on the shared benchmark of 181
// real pages: F1 of word 4-gram shingles must reach 0.95. It also reports
// the share of pages whose title agrees with the headline words of their
// address.
func TestHTMLBench(t *testing.T) {
	pages := loadBench(t)
	scores := make([][3]float64, len(pages))
	titled, checked := 0, 0
	start := time.Now()
	for i, pg := range pages {
		meta, body, err := parseHTML(pg.html)
		if err != nil {
			t.Logf("%s: %v", pg.id, err)
		}
		tp, fp, fn := shingleScore(pg.truth, body)
		scores[i] = [3]float64{tp, fp, fn}
		if slug := slugWords(pg.url); len(slug) >= 3 {
			checked++
			if titleMatchesSlug(meta.Title, slug) {
				titled++
			}
		}
	}
	elapsed := time.Since(start)
	p, r, f1 := benchMetrics(scores)
	t.Logf("%d pages: precision %.3f, recall %.3f, F1 %.3f; %.1f pages/s", len(pages), p, r, f1, float64(len(pages))/elapsed.Seconds())
	t.Logf("titles agreeing with the address's headline words: %d of %d pages with such an address (%.1f%%)",
		titled, checked, 100*float64(titled)/float64(max(checked, 1)))
	if f1 < 0.95 {
		t.Errorf("F1 = %.3f, want at least 0.95", f1)
	}
}

// slugWords returns the lower-cased words of the longest path segment of
// an address, which on news sites is usually the headline ("/2019/
// google-stadia-launch-review" gives google, stadia, launch, review).
func slugWords(url string) []string {
	best := ""
	for _, seg := range strings.Split(url, "/") {
		seg, _, _ = strings.Cut(seg, "?")
		seg = strings.TrimSuffix(strings.TrimSuffix(seg, ".html"), ".htm")
		if strings.Count(seg, "-")+strings.Count(seg, "_") > strings.Count(best, "-")+strings.Count(best, "_") {
			best = seg
		}
	}
	var words []string
	for _, w := range benchTokens(strings.ToLower(best)) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 && w != "_" {
			words = append(words, strings.Trim(w, "_"))
		}
	}
	return words
}

// titleMatchesSlug tells whether most of the headline words of an address
// appear in the title.
func titleMatchesSlug(title string, slug []string) bool {
	in := map[string]bool{}
	for _, w := range benchTokens(strings.ToLower(title)) {
		in[w] = true
	}
	hit := 0
	for _, w := range slug {
		if in[w] {
			hit++
		}
	}
	return float64(hit) >= 0.6*float64(len(slug))
}

// BenchmarkHTMLBench imports every page of the shared benchmark per
// iteration; pages/s is the throughput.
func BenchmarkHTMLBench(b *testing.B) {
	pages := loadBench(b)
	var size int64
	for _, pg := range pages {
		size += int64(len(pg.html))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			parseHTML(pg.html)
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
