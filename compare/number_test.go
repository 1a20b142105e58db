package compare

import (
	"math"
	"strings"
	"testing"
)

func TestReadQuantities(t *testing.T) {
	type want struct {
		text, kind, unit, of, limit string
		value, max                  float64
		approx                      bool
	}
	for _, tc := range []struct {
		name string
		in   string
		want []want
	}{
		{"digits", "killing 7 people", []want{{text: "7", kind: QtyCount, of: "dead", value: 7}}},
		{"word", "killing seven people", []want{{text: "seven", kind: QtyCount, of: "dead", value: 7}}},
		{"hyphenated word", "Twenty-one schoolgirls were freed", []want{{text: "Twenty-one", kind: QtyCount, of: "schoolgirl", value: 21}}},
		{"dozen", "a dozen protesters", []want{{text: "a dozen", kind: QtyCount, of: "protester", value: 12}}},
		{"counted noun after a name", "21 Chibok schoolgirls", []want{{text: "21", kind: QtyCount, of: "schoolgirl", value: 21}}},
		{"thousands separator", "140,660 pounds of cargo", []want{{text: "140,660 pounds", kind: QtyMass, unit: "lb", value: 140660}}},
		{"billion abbreviated", "a $121bn offer", []want{{text: "$121bn", kind: QtyMoney, unit: "USD", value: 121e9}}},
		{"billion spelled", "a $121 billion offer", []want{{text: "$121 billion", kind: QtyMoney, unit: "USD", value: 121e9}}},
		{"per share", "$82 per share", []want{{text: "$82 per share", kind: QtyMoney, unit: "USD", of: "share", value: 82}}},
		{"a share compound", "the $70-a-share offer", []want{{text: "$70-a-share", kind: QtyMoney, unit: "USD", of: "share", value: 70}}},
		{"pounds sterling", "a £5m fine", []want{{text: "£5m", kind: QtyMoney, unit: "GBP", value: 5e6}}},
		{"percent word", "fell 4.3 percent", []want{{text: "4.3 percent", kind: QtyPercent, unit: "%", value: 4.3}}},
		{"percent sign", "a 50% premium", []want{{text: "50%", kind: QtyPercent, unit: "%", value: 50}}},
		{"per cent", "up 3 per cent", []want{{text: "3 per cent", kind: QtyPercent, unit: "%", value: 3}}},
		{"range", "a 50 to 70 percent chance", []want{{text: "50 to 70 percent", kind: QtyPercent, unit: "%", value: 50, max: 70}}},
		{"fraction range", "one-half to two-thirds", []want{{text: "one-half to two-thirds", kind: QtyPercent, unit: "%", value: 50, max: 200.0 / 3}}},
		{"all but", "all but three were carrying babies", nil},
		{"all except", "all except two of the 21 girls", []want{{text: "21", kind: QtyCount, of: "girl", value: 21}}},
		{"more than", "more than 200 girls", []want{{text: "more than 200", kind: QtyCount, of: "girl", limit: "above", value: 200, approx: true}}},
		{"about", "about $121 billion", []want{{text: "about $121 billion", kind: QtyMoney, unit: "USD", value: 121e9, approx: true}}},
		{"nearly with metric tons", "nearly 64 metric tons", []want{{text: "nearly 64 metric tons", kind: QtyMass, unit: "t", limit: "below", value: 64, approx: true}}},
		{"vague plural", "hundreds of thousands of people", []want{{text: "hundreds of thousands", kind: QtyCount, of: "people", value: 2e5, max: 999e3, approx: true}}},
		{"height", "standing 230 feet (70 meters) tall", []want{
			{text: "230 feet", kind: QtyLength, unit: "ft", value: 230},
			{text: "70 meters", kind: QtyLength, unit: "m", value: 70}}},
		{"million pounds of thrust", "5.1 million pounds of thrust", []want{{text: "5.1 million pounds", kind: QtyMass, unit: "lb", value: 5.1e6}}},
		{"age", "a 20-month-old boy", []want{{text: "20-month-old", kind: QtyAge, unit: "month", value: 20}}},
		{"clock", "at 9:34 a.m. New York", []want{{text: "9:34 a.m.", kind: QtyTime, unit: "h", value: 9 + 34.0/60}}},
		{"clock dotted", "around 6.10am", []want{{text: "around 6.10am", kind: QtyTime, unit: "h", value: 6 + 10.0/60, approx: true}}},
		{"year", "moved from California in 2015", []want{{text: "2015", kind: QtyYear, unit: "year", value: 2015}}},
		{"day of month is a date", "on Nov. 2, 2017", []want{{text: "2017", kind: QtyYear, unit: "year", value: 2017}}},
		{"duration", "three months after", []want{{text: "three months", kind: QtyDuration, unit: "month", value: 3}}},
		{"vague sum", "a multimillion-dollar television budget", []want{{text: "multimillion-dollar", kind: QtyMoney, unit: "USD", value: 2e6, max: 999e6, approx: true}}},
		{"a score is no range", "won 26-24", []want{{text: "26-24", kind: QtyCount, value: 26}}},
		{"count of a verb is of nothing", "as thousands suggest", []want{{text: "thousands", kind: QtyCount, value: 2000, max: 99999, approx: true}}},
		{"count of what crowds do is of people", "as thousands celebrate", []want{{text: "thousands", kind: QtyCount, of: "people", value: 2000, max: 99999, approx: true}}},
		{"unit after of", "hundreds of millions of years", []want{{text: "hundreds of millions of years", kind: QtyDuration, unit: "year", value: 2e8, max: 999e6, approx: true}}},
		{"a group is more than two", "a group of former employees", []want{{text: "a group of", kind: QtyCount, of: "employee", limit: "above", value: 3, approx: true}}},
		{"a handful", "a handful of protesters", []want{{text: "a handful of", kind: QtyCount, of: "protester", value: 3, max: 6, approx: true}}},
		{"several", "several lawmakers", []want{{text: "several", kind: QtyCount, of: "lawmaker", value: 3, max: 9, approx: true}}},
		{"several dozen", "several dozen lawmakers", []want{{text: "several dozen", kind: QtyCount, of: "lawmaker", value: 36, max: 108, approx: true}}},
		{"a group of a stated number", "a group of about 10 protesters", []want{{text: "about 10", kind: QtyCount, of: "protester", value: 10, approx: true}}},
		{"a group of more than a stated number", "a group of at least 10 protesters", []want{{text: "least 10", kind: QtyCount, of: "protester", limit: "above", value: 10, approx: true}}},
		{"a handful and a figure after it", "a handful of protesters, 10 of them students", []want{{text: "a handful of", kind: QtyCount, of: "protester", value: 3, max: 6, approx: true}, {text: "10", kind: QtyCount, of: "student", value: 10}}},
		{"counted noun after a list of names", "two former Apple, Facebook and Google engineers", []want{{text: "two", kind: QtyCount, of: "engineer", value: 2}}},
		{"number in a name", "derived from the Falcon 9 rocket", nil},
		{"year after a sentence opener", "In 2015 it moved", []want{{text: "2015", kind: QtyYear, unit: "year", value: 2015}}},
		{"one is a pronoun", "one of them", nil},
		{"ordinal", "the 21st century", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readQuantities(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("readQuantities(%q) = %+v, want %d figures", tc.in, got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || g.Kind != w.kind || g.Unit != w.unit || g.Of != w.of || g.Limit != w.limit ||
					!near(g.Value, w.value) || !near(g.Max, w.max) || g.Approx != w.approx {
					t.Errorf("figure %d of %q = %+v, want %+v", i, tc.in, g, w)
				}
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func FuzzReadQuantities(f *testing.F) {
	for _, s := range []string{"killing 7 people", "$121bn", "about 5:30 a.m.", "50 to 70 percent",
		"one-half to two-thirds", "hundreds of thousands of", "$70-a-share", "nearly 64 metric tons",
		"at 9:", "between 5 and", "2 May", "a.m.", "$", "more than"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range readQuantities(s) {
			if !strings.Contains(s, q.Text) || q.Text == "" {
				t.Errorf("figure %q is not a part of %q", q.Text, s)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Max != 0 && q.Max < q.Value {
				t.Errorf("figure %q reads as %v to %v", q.Text, q.Value, q.Max)
			}
		}
	})
}
