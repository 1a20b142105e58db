package compare

import (
	"math"
	"strconv"
	"strings"
)

// The kinds of quantity readQuantities tells apart. Two figures are
// compared only when they measure the same kind of thing.
const (
	QtyCount    = "count"
	QtyMoney    = "money"
	QtyPercent  = "percent"
	QtyLength   = "length"
	QtyMass     = "mass"
	QtyForce    = "force"
	QtyDuration = "duration"
	QtyAge      = "age"
	QtyTime     = "time"
	QtyYear     = "year"
)

// A wtok is one word or mark of a text as the number and date readers see
// it, with its byte offsets in the text.
type wtok struct {
	key        string // lower case, as tokenize keys it
	word       bool
	start, end int
}

// wtoks gives the tokens of text with their offsets.
func wtoks(text string, toks []token) []wtok {
	out := make([]wtok, 0, len(toks))
	off := 0
	for _, t := range toks {
		lead := len(t.text) - len(strings.TrimLeft(t.text, " \t\r\n\u00a0"))
		body := strings.TrimRight(t.text[lead:], " \t\r\n\u00a0")
		if body != "" {
			out = append(out, wtok{key: t.key, word: t.word, start: off + lead, end: off + lead + len(body)})
		}
		off += len(t.text)
	}
	return out
}

// keyAt is the key of toks[i], or "" when i is past either end.
func keyAt(toks []wtok, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].key
}

// smallNumbers are the number words below a hundred that are not compounds.
var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// multipliers scale the figure before them: "121 billion", "$5.1m".
var multipliers = map[string]float64{
	"dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}

// fractions are the spelled-out shares, read as percentages.
var fractions = map[string]float64{
	"half": 50, "one-half": 50, "third": 100.0 / 3, "one-third": 100.0 / 3,
	"two-thirds": 200.0 / 3, "quarter": 25, "one-quarter": 25, "three-quarters": 75,
}

// vague is a plural round number that states only a range: "dozens" is
// 24 to 99, "hundreds of thousands" 200 to 999 times a thousand.
type vague struct{ lo, hi, unit float64 }

// vagueAmounts are the plural round numbers.
var vagueAmounts = map[string]vague{
	"dozens": {24, 99, 12}, "scores": {40, 199, 20}, "tens": {20, 99, 10},
	"hundreds": {200, 999, 100}, "thousands": {2000, 99999, 1000},
	"millions": {2e6, 999e6, 1e6}, "billions": {2e9, 999e9, 1e9},
}

// multiAmounts are the adjectives of vague sums of money.
var multiAmounts = map[string]vague{
	"multimillion-dollar": {2e6, 999e6, 1e6}, "multi-million-dollar": {2e6, 999e6, 1e6},
	"multibillion-dollar": {2e9, 999e9, 1e9}, "multi-billion-dollar": {2e9, 999e9, 1e9},
}

// unitWord is a unit as written and what it reads as.
type unitWord struct{ unit, kind string }

// units are the words after a figure that say what it measures.
var units = map[string]unitWord{
	"%": {"%", QtyPercent}, "percent": {"%", QtyPercent}, "pct": {"%", QtyPercent},
	"dollars": {"USD", QtyMoney}, "dollar": {"USD", QtyMoney}, "euros": {"EUR", QtyMoney},
	"euro": {"EUR", QtyMoney}, "cents": {"USD", QtyMoney},
	"feet": {"ft", QtyLength}, "foot": {"ft", QtyLength}, "ft": {"ft", QtyLength},
	"meters": {"m", QtyLength}, "metres": {"m", QtyLength}, "meter": {"m", QtyLength}, "metre": {"m", QtyLength},
	"kilometers": {"km", QtyLength}, "kilometres": {"km", QtyLength}, "km": {"km", QtyLength},
	"miles": {"mi", QtyLength}, "mile": {"mi", QtyLength}, "yards": {"yd", QtyLength},
	"inches": {"in", QtyLength}, "centimeters": {"cm", QtyLength}, "centimetres": {"cm", QtyLength},
	"pounds": {"lb", QtyMass}, "lb": {"lb", QtyMass}, "lbs": {"lb", QtyMass},
	"kilograms": {"kg", QtyMass}, "kilogrammes": {"kg", QtyMass}, "kg": {"kg", QtyMass},
	"tons": {"t", QtyMass}, "tonnes": {"t", QtyMass}, "ton": {"t", QtyMass}, "tonne": {"t", QtyMass},
	"newtons": {"N", QtyForce}, "kilonewtons": {"kN", QtyForce},
	"years": {"year", QtyDuration}, "year": {"year", QtyDuration}, "months": {"month", QtyDuration},
	"month": {"month", QtyDuration}, "weeks": {"week", QtyDuration}, "week": {"week", QtyDuration},
	"days": {"day", QtyDuration}, "day": {"day", QtyDuration}, "hours": {"hour", QtyDuration},
	"hour": {"hour", QtyDuration}, "minutes": {"minute", QtyDuration}, "minute": {"minute", QtyDuration},
	"seconds": {"second", QtyDuration}, "decades": {"decade", QtyDuration}, "decade": {"decade", QtyDuration},
}

// currencies are the signs and codes written before an amount.
var currencies = map[string]string{
	"$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
	"¥": "JPY", "₹": "INR",
}

// limitWords qualify the figure after them: approximately, at least, at most.
var limitWords = map[string]string{
	"about": "about", "around": "about", "approximately": "about", "roughly": "about",
	"some": "about", "estimated": "about", "nearly": "below", "almost": "below",
	"over": "above", "under": "below", "least": "above", "most": "below",
}

// limitPairs are the two-word qualifiers.
var limitPairs = map[[2]string]string{
	{"more", "than"}: "above", {"greater", "than"}: "above", {"higher", "than"}: "above",
	{"less", "than"}: "below", {"fewer", "than"}: "below", {"up", "to"}: "below",
	{"as", "many"}: "below", {"as", "much"}: "below", {"just", "under"}: "below",
	{"just", "over"}: "above", {"well", "over"}: "above",
}

// months maps month names and their abbreviations to 1–12.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// readQuantities reads the figures of text: digits and number words, with
// their currency, multiplier, unit, range and qualifier ("about", "more
// than"). Days of the month are left to readDates; a bare year between 1900
// and 2100 reads as a year.
func readQuantities(text string) []Quantity {
	return readQuantitiesIn(text, wtoks(text, tokenize(text)))
}

// readQuantitiesIn is readQuantities on text already cut into tokens.
func readQuantitiesIn(text string, toks []wtok) []Quantity {
	var out []Quantity
	for i := 0; i < len(toks); {
		q, next, ok := readQuantity(text, toks, i)
		if !ok {
			i++
			continue
		}
		out = append(out, q)
		i = next
	}
	return out
}

// readQuantity reads one figure starting at toks[i] (or at a qualifier or
// currency sign there) and returns it with the index after it.
func readQuantity(text string, toks []wtok, i int) (Quantity, int, bool) {
	start := i
	q := Quantity{}
	// Qualifier.
	if i+1 < len(toks) {
		if l, ok := limitPairs[[2]string{toks[i].key, toks[i+1].key}]; ok {
			q.Limit, q.Approx = l, true
			i += 2
			if l == "above" && i < len(toks) && toks[i].key == "than" {
				i++
			}
		} else if l, ok := limitWords[toks[i].key]; ok && (toks[i].key != "some" || i+1 < len(toks) && isFigureStart(toks[i+1].key)) {
			q.Limit, q.Approx = l, true
			if l == "about" {
				q.Limit = ""
			}
			i++
		}
		if i < len(toks) && (toks[i].key == "an" || toks[i].key == "a") && q.Approx && i+1 < len(toks) && toks[i+1].key == "estimated" {
			i += 2
		}
	}
	if i >= len(toks) {
		return Quantity{}, 0, false
	}
	// Currency sign or code.
	if c, ok := currencies[toks[i].key]; ok && i+1 < len(toks) && startsDigit(toks[i+1].key) {
		q.Unit, q.Kind = c, QtyMoney
		i++
	} else if toks[i].key == "us" && i+2 < len(toks) && toks[i+1].key == "$" {
		q.Unit, q.Kind = "USD", QtyMoney
		i += 2
	}
	first := i
	num, ok := readNumber(toks, i)
	if !ok || allBut(toks, start) {
		return Quantity{}, 0, false
	}
	// A day of the month ("Nov. 2", "2 November") is a date, not a figure.
	if q.Kind == "" && isDayOfMonth(text, toks, first, num.next, num.val) {
		return Quantity{}, 0, false
	}
	q.Value, q.Max, q.step = num.val, num.max, num.step
	q.Approx = q.Approx || num.max > 0 || num.limit != ""
	if num.limit != "" {
		q.Limit = num.limit
	}
	if num.kind != "" && q.Kind == "" {
		q.Kind = num.kind
		switch num.kind {
		case QtyPercent:
			q.Unit = "%"
		case QtyMoney:
			q.Unit = "USD"
		default:
			q.Unit = "h"
		}
	}
	i = num.next
	// A compound: "20-month-old", "70-a-share", "26-24".
	if k := toks[first].key; strings.Contains(k, "-") && startsDigit(k) {
		rest := k[strings.IndexByte(k, '-')+1:]
		switch {
		case isDigits(rest):
			// A range, unless it falls: "26-24" is a score.
			if hi, _ := strconv.ParseFloat(strings.ReplaceAll(rest, ",", ""), 64); hi > q.Value {
				q.Max = hi
			}
		case strings.HasSuffix(rest, "-old"):
			q.Kind, q.Unit = QtyAge, strings.TrimSuffix(strings.TrimSuffix(rest, "-old"), "s")
		case strings.HasSuffix(rest, "share") && q.Kind == QtyMoney:
			q.Of = "share"
		default:
			if u, ok := units[strings.SplitN(rest, "-", 2)[0]]; ok && q.Kind == "" {
				q.Unit, q.Kind = u.unit, u.kind
			}
		}
	}
	// Multiplier: "121 billion", "$121bn".
	if i < len(toks) {
		if m, ok := multipliers[toks[i].key]; ok && (len(toks[i].key) > 2 || q.Kind == QtyMoney) {
			q.Value *= m
			q.step *= m
			if q.Max > 0 {
				q.Max *= m
			}
			i++
		}
	}
	// A range: "50 to 70 percent", "16-18", "between 5 and 6".
	if i+1 < len(toks) && q.Max == 0 && (toks[i].key == "to" || toks[i].key == "-" || toks[i].key == "and" && start > 0 && toks[start-1].key == "between") {
		if hi, ok := readNumber(toks, i+1); ok && hi.val > q.Value {
			n := hi.next
			if n < len(toks) {
				if m, ok := multipliers[toks[n].key]; ok && len(toks[n].key) > 2 {
					hi.val *= m
					hi.step *= m
					q.Value *= m
					q.step *= m
					n++
				}
			}
			q.Max = hi.val
			q.step = min(q.step, hi.step)
			i = n
		}
	}
	// Unit.
	if q.Kind == "" && i < len(toks) {
		k := toks[i].key
		if i+1 < len(toks) && k == "per" && toks[i+1].key == "cent" {
			q.Unit, q.Kind = "%", QtyPercent
			i += 2
		} else if isPM, n, ok := clockSuffix(toks, i); ok {
			q.Kind, q.Unit = QtyTime, "h"
			if isPM {
				q.Value = pm(q.Value)
			}
			i = n
		} else if u, ok := units[k]; ok {
			q.Unit, q.Kind = u.unit, u.kind
			i++
			if u.kind == QtyDuration && i+1 < len(toks) && toks[i].key == "old" {
				q.Kind = QtyAge
				i++
			}
		} else if k == "metric" && i+1 < len(toks) && units[toks[i+1].key].unit == "t" {
			q.Unit, q.Kind = "t", QtyMass
			i += 2
		}
	}
	// A clock time "9:34", "5:30 a.m.".
	if q.Kind == "" && i+1 < len(toks) && toks[i].key == ":" && isDigits(toks[i+1].key) && text[toks[i].start-1] != ' ' {
		mins, _ := strconv.ParseFloat(toks[i+1].key, 64)
		q.Value += mins / 60
		q.step = 1.0 / 60
		q.Kind, q.Unit = QtyTime, "h"
		i += 2
		if isPM, n, ok := clockSuffix(toks, i); ok {
			if isPM {
				q.Value = pm(q.Value)
			}
			i = n
		}
	}
	// A unit after "of": "hundreds of millions of years", "thousands of feet".
	if q.Kind == "" && i+1 < len(toks) && toks[i].key == "of" {
		if u, ok := units[toks[i+1].key]; ok && u.kind != QtyPercent {
			q.Unit, q.Kind = u.unit, u.kind
			i += 2
		}
	}
	// Per share, per cent of what: "$82 per share", "$82 a share".
	if q.Kind == QtyMoney && i+1 < len(toks) && (toks[i].key == "per" || toks[i].key == "a") && (toks[i+1].key == "share" || toks[i+1].key == "barrel" || toks[i+1].key == "hour") {
		q.Of = toks[i+1].key
		i += 2
	}
	if q.Kind == QtyMoney && q.Unit == "" {
		q.Unit = "USD"
	}
	if q.Kind == "" && start > 0 && start == first && isDigits(toks[first].key) && isCapitalised(text[toks[start-1].start:toks[start-1].end]) && !entityStop[toks[start-1].key] && months[toks[start-1].key] == 0 {
		return Quantity{}, 0, false // a number in a name: Falcon 9, Apollo 11
	}
	if q.Kind == "" {
		if isYear(toks[first].key, q.Value) && num.next == first+1 {
			q.Kind, q.Unit, q.step = QtyYear, "year", 1
		} else {
			q.Kind = QtyCount
			q.Of = countedNoun(text, toks, i, q.Value != 1 || q.Max > 0)
			if start > 0 && (toks[start-1].key == "killing" || toks[start-1].key == "killed") || deathWords[q.Of] {
				q.Of = "dead"
			}
		}
	}
	q.Text = strings.TrimSpace(text[toks[start].start:toks[i-1].end])
	return q, i, true
}

// allBut tells whether the figure at toks[i] is the rest of an unstated
// whole ("all but three", "all except two"): it is not a count of the
// things the sentence counts.
func allBut(toks []wtok, i int) bool {
	return i >= 2 && toks[i-2].key == "all" && (toks[i-1].key == "but" || toks[i-1].key == "except")
}

// isFigureStart tells whether a word can begin a figure.
func isFigureStart(k string) bool {
	_, small := smallNumbers[k]
	_, cur := currencies[k]
	return small || cur || startsDigit(k)
}

// collective is a word for some members of a set, of no stated number.
type collective struct {
	lo, hi float64
	limit  string // "above" when there is no upper end
}

// collectives are the words that count without a number, after "a" and
// before "of": "a handful of protesters" are three to six, "a group of
// former employees" more than two.
var collectives = map[string]collective{
	"couple": {2, 3, ""}, "few": {2, 5, ""}, "handful": {3, 6, ""}, "group": {3, 0, "above"},
}

// figureAt tells whether a figure begins at toks[i], after at most a
// qualifier: a collective before one ("a group of 10 protesters", "a
// group of more than 10") leaves the counting to it.
func figureAt(toks []wtok, i int) bool {
	if keyAt(toks, i) == "at" {
		i++ // "at least", "at most"
	}
	if _, ok := limitPairs[[2]string{keyAt(toks, i), keyAt(toks, i+1)}]; ok {
		i += 2
	} else if _, ok := limitWords[keyAt(toks, i)]; ok {
		i++
	}
	return isFigureStart(keyAt(toks, i))
}

// number is a number as readNumber reads it.
type number struct {
	limit          string // "above" when only the lower end is known
	val, max, step float64
	kind           string // QtyTime for "6.10am", QtyPercent for "half", else ""
	next           int    // the index after it
}

// readNumber reads a number at toks[i]: digits ("1,000", "4.3", "121bn"),
// number words ("twenty-one", "a dozen", "two hundred"), fractions and
// vague plurals ("hundreds of thousands"). It returns the value, the size of
// its last significant digit, and the index after it.
func readNumber(toks []wtok, i int) (number, bool) {
	k := toks[i].key
	if !toks[i].word {
		return number{}, false
	}
	if startsDigit(k) {
		num := k
		if j := strings.IndexByte(num, '-'); j > 0 {
			num = num[:j]
		}
		// A suffix: "121bn", "5.1m", "6.10am".
		end := len(num)
		for end > 0 && !isDigits(num[end-1:end]) {
			end--
		}
		digits, suffix := strings.ReplaceAll(num[:end], ",", ""), num[end:]
		v, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			return number{}, false
		}
		step, kind := digitStep(digits), ""
		switch {
		case suffix == "":
		case multipliers[suffix] > 0:
			v *= multipliers[suffix]
			step *= multipliers[suffix]
		case suffix == "am" || suffix == "pm":
			// "6.10am": hours and minutes.
			h := math.Floor(v)
			v, step, kind = h+(v-h)*100/60, 1, QtyTime
			if strings.Contains(digits, ".") {
				step = 1.0 / 60
			}
			if suffix == "pm" {
				v = pm(v)
			}
		case suffix == "s" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
			return number{}, false // the 1990s, the 21st: not a figure
		default:
			return number{}, false
		}
		return number{val: v, step: step, kind: kind, next: i + 1}, true
	}
	if f, ok := fractions[k]; ok {
		return number{val: f, step: 1, kind: QtyPercent, next: i + 1}, true
	}
	if r, ok := multiAmounts[k]; ok {
		return number{val: r.lo, max: r.hi, step: r.unit, kind: QtyMoney, next: i + 1}, true
	}
	if r, ok := vagueAmounts[k]; ok {
		// "hundreds of thousands": the outer plural scales the inner one.
		if i+2 < len(toks) && toks[i+1].key == "of" {
			if inner, ok := vagueAmounts[toks[i+2].key]; ok {
				return number{val: r.lo * inner.unit, max: r.hi * inner.unit, step: r.unit * inner.unit, next: i + 3}, true
			}
		}
		return number{val: r.lo, max: r.hi, step: r.unit, next: i + 1}, true
	}
	// Counts of no stated size: "several", "a handful of", "a group of".
	if k == "several" {
		return number{val: 3, max: 9, step: 1, next: i + 1}, true
	}
	if (k == "a" || k == "an") && i+2 < len(toks) && toks[i+2].key == "of" && !figureAt(toks, i+3) {
		if r, ok := collectives[toks[i+1].key]; ok {
			return number{val: r.lo, max: r.hi, step: 1, limit: r.limit, next: i + 3}, true
		}
	}
	// Number words: "twenty-one", "a dozen", "two hundred thousand".
	total, cur, j := 0.0, 0.0, i
	seen := false
	for j < len(toks) {
		w := toks[j].key
		if n, ok := wordNumber(w); ok {
			cur += n
			seen = true
			j++
			continue
		}
		if (w == "a" || w == "an") && !seen && j+1 < len(toks) && (toks[j+1].key == "dozen" || toks[j+1].key == "hundred" || toks[j+1].key == "thousand" || toks[j+1].key == "million" || toks[j+1].key == "billion") {
			cur = 1
			seen = true
			j++
			continue
		}
		if w == "dozen" && seen {
			cur *= 12
			j++
			continue
		}
		if w == "hundred" && seen {
			cur *= 100
			j++
			continue
		}
		if (w == "thousand" || w == "million" || w == "billion" || w == "trillion") && seen {
			total += cur * multipliers[w]
			cur = 0
			j++
			continue
		}
		if w == "and" && seen && j+1 < len(toks) {
			if _, ok := wordNumber(toks[j+1].key); ok {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return number{}, false
	}
	v := total + cur
	if k == "one" && j == i+1 {
		return number{}, false // "one" alone is mostly a pronoun: "one of them"
	}
	return number{val: v, step: digitStep(strconv.FormatFloat(v, 'f', -1, 64)), next: j}, true
}

// wordNumber reads one number word, hyphenated compounds included.
func wordNumber(w string) (float64, bool) {
	if n, ok := smallNumbers[w]; ok {
		return n, true
	}
	if tens, ones, found := strings.Cut(w, "-"); found {
		t, ok1 := smallNumbers[tens]
		o, ok2 := smallNumbers[ones]
		if ok1 && ok2 && t >= 20 && o < 10 {
			return t + o, true
		}
	}
	return 0, false
}

// digitStep is the size of the last significant digit of a number written
// in digits: 1 for "229", 10 for "230", 0.1 for "5.1".
func digitStep(digits string) float64 {
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return math.Pow(10, -float64(len(digits)-i-1))
	}
	z := len(digits) - len(strings.TrimRight(digits, "0"))
	if z == len(digits) {
		return 1
	}
	return math.Pow(10, float64(z))
}

// deathWords are the counted nouns of a death toll.
var deathWords = setOf("dead", "death", "fatality", "killed", "victim")

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return s[0] >= '0' && s[0] <= '9'
}

func isYear(k string, v float64) bool {
	return len(k) == 4 && v >= 1900 && v <= 2100 && v == math.Floor(v)
}

// isDayOfMonth tells whether the number at toks[first:next] is the day of a
// date: right after a month name or right before one.
func isDayOfMonth(text string, toks []wtok, first, next int, v float64) bool {
	if v < 1 || v > 31 || v != math.Floor(v) || !isDigits(toks[first].key) {
		return false
	}
	j := first - 1
	if j >= 0 && toks[j].key == "." {
		j--
	}
	if j >= 0 {
		if _, ok := months[toks[j].key]; ok {
			return true
		}
	}
	if next < len(toks) {
		k := toks[next].key
		if k == "of" && next+1 < len(toks) {
			next++
			k = toks[next].key
		}
		if _, ok := months[k]; ok {
			// "2 may" is a verb unless capitalised.
			return k != "may" && k != "march" || text[toks[next].start] < 'a'
		}
	}
	return false
}

// clockSuffix reads "am", "pm", "a.m." or "p.m." at toks[i].
func clockSuffix(toks []wtok, i int) (isPM bool, next int, ok bool) {
	if i >= len(toks) {
		return false, 0, false
	}
	k := toks[i].key
	if k == "am" || k == "pm" {
		return k == "pm", i + 1, true
	}
	if (k == "a" || k == "p") && i+2 < len(toks) && toks[i+1].key == "." && toks[i+2].key == "m" {
		next = i + 3
		if next < len(toks) && toks[next].key == "." {
			next++
		}
		return k == "p", next, true
	}
	return false, 0, false
}

func pm(h float64) float64 {
	if h < 12 {
		return h + 12
	}
	return h
}

// countWords are words after a figure that are not what it counts.
var countSkip = setOf("of", "the", "more", "other", "additional", "new", "former", "young", "old",
	"extra", "its", "their", "his", "her", "our", "those", "these", "them")

// countedNoun returns what a bare count counts: the first lower-case word
// within three words after it that is not an article or adjective of
// quantity, singular and lower-cased ("21 Chibok schoolgirls" →
// "schoolgirl"); "people" for a count above one that a verb of what crowds
// do follows ("thousands celebrate"); "" when that word is a function
// word, or, for a count above one, not a plural ("three times" counts
// times, "two rose" nothing).
func countedNoun(text string, toks []wtok, i int, many bool) string {
	names := false // within names before the noun, which may be listed
	for j, n := i, 0; j < len(toks) && n < 4; j++ {
		t := toks[j]
		if names && (t.key == "," || t.key == "and") {
			continue // "former Apple, Facebook and Google employees"
		}
		if !t.word {
			return ""
		}
		if orig := text[t.start:t.end]; orig != t.key {
			names = true
			continue // a proper name before the noun: "21 Chibok schoolgirls"
		}
		n++
		if countSkip[t.key] {
			continue
		}
		if many && j == i && peopleVerbs[t.key] {
			return "people" // "thousands celebrate", "hundreds marched"
		}
		if claimStopWords[t.key] || many && t.key != "people" && singular(t.key) == t.key {
			return ""
		}
		return singular(t.key)
	}
	return ""
}

// peopleVerbs are the verbs that, right after a bare count, say that it
// counts people: "as thousands celebrate", "hundreds marched".
var peopleVerbs = setOf("celebrate", "celebrated", "gather", "gathered", "march", "marched",
	"protest", "protested", "rally", "rallied", "attend", "attended", "flee", "fled", "cheer",
	"cheered", "mourn", "mourned", "vote", "voted", "queue", "queued", "flock", "flocked",
	"demonstrate", "demonstrated", "turned", "lined", "packed", "crowded", "watched")

// singular strips a regular plural ending.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
