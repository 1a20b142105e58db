package compare

import (
	"fmt"
	"math/rand/v2"

	"path/filepath"
	"strings"
	"testing"
)

// corpusReports loads every report of the evaluation corpus beside the
// repository, a cluster a slice, or skips.
func corpusReports(tb testing.TB) [][]*Report {
	tb.Helper()
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "cluster-*"))
	if len(dirs) == 0 {
		tb.Skip("../shared/corpus is absent")
	}
	var clusters [][]*Report
	for _, dir := range dirs {
		clusters = append(clusters, loadReports(tb, filepath.Join(dir, "[0-9]*.txt")))
	}
	return clusters
}

// loadReports loads the report files that match pattern, in name order.
func loadReports(tb testing.TB, pattern string) []*Report {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		tb.Fatal(err)
	}
	var reports []*Report
	for _, f := range files {
		r, err := LoadReport(f)
		if err != nil {
			tb.Fatal(err)
		}
		reports = append(reports, r)
	}
	return reports
}

func corpusWords(clusters [][]*Report) int {
	n := 0
	for _, c := range clusters {
		for _, r := range c {
			n += WordCount(r.Body)
		}
	}
	return n
}

// BenchmarkCorpus analyses every cluster of the corpus; run with -cpu 1 for
// the words per second of one core.
func BenchmarkCorpus(b *testing.B) {
	clusters := corpusReports(b)
	words := corpusWords(clusters)
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range clusters {
			Analyze(c, DefaultOptions())
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkStory analyses one generated 10-report story.
func BenchmarkStory(b *testing.B) {
	benchGenerated(b, 10, 800)
}

// BenchmarkScale analyses generated cases of growing size, to show how the
// cost grows with the number of reports.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{50, 100, 200, 500} {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) { benchGenerated(b, n, 1000) })
	}
}

func benchGenerated(b *testing.B, reports, words int) {
	rs := generateCase(reports, words, 1)
	total := corpusWords([][]*Report{rs})
	b.ReportAllocs()
	for b.Loop() {
		Analyze(rs, DefaultOptions())
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// generateCase makes a case of n reports of about words words each on one
// invented event: every report retells some of a shared pool of statements
// and quotes, trimmed or with a figure changed now and then, between
// sentences of its own.
func generateCase(n, words int, seed uint64) []*Report {
	rng := rand.New(rand.NewPCG(seed, seed))
	zipf := rand.NewZipf(rng, 1.1, 2, 4999)
	vocab := make([]string, 5000)
	syll := []string{"ka", "lo", "mi", "ren", "ta", "vos", "el", "un", "dra", "pe", "sto", "ni", "gar", "hu", "bel"}
	for i := range vocab {
		var sb strings.Builder
		for k := 0; k < 1+i%3+int(rng.IntN(2)); k++ {
			sb.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab[i] = sb.String()
	}
	sentence := func() string {
		k := 10 + rng.IntN(16)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		ws[rng.IntN(k)] = fmt.Sprint(rng.IntN(900) + 10)
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ")
	}
	speakers := []string{"Elena Marsh", "Tom Reyes", "Ana Petrova", "John Okafor", "Mei Lin"}
	pool := make([]string, 60)
	for i := range pool {
		if i%3 == 0 {
			pool[i] = fmt.Sprintf("“%s, %s,” %s said.", sentence(), strings.ToLower(sentence()), speakers[i%len(speakers)])
		} else {
			pool[i] = sentence() + "."
		}
	}
	out := make([]*Report, n)
	for r := range out {
		var body strings.Builder
		for WordCount(body.String()) < words {
			s := sentence() + "."
			if rng.IntN(10) < 6 {
				s = pool[rng.IntN(len(pool))]
				if rng.IntN(5) == 0 {
					s = strings.Replace(s, "1", "7", 1)
				}
			}
			body.WriteString(s)
			body.WriteString("\n")
		}
		out[r] = &Report{File: fmt.Sprintf("report-%03d.txt", r), Meta: Meta{Outlet: fmt.Sprintf("Outlet %d", r)}, Body: body.String()}
	}
	return out
}

// TestAnalyzeDeterministic checks that the same input gives the same
// result, whatever the order goroutines finish in.
func TestAnalyzeDeterministic(t *testing.T) {
	first := generateCase(12, 400, 7)
	var want strings.Builder
	if err := Analyze(first, DefaultOptions()).WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		var got strings.Builder
		if err := Analyze(generateCase(12, 400, 7), Options{DiffTimeout: DefaultOptions().DiffTimeout, Workers: i + 1}).WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("run with %d workers differs from the first run", i+1)
		}
	}
}
