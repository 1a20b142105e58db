package compare

import (
	"slices"
	"testing"
)

func TestSameEntity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Penelec", "Pennsylvania Electric Co.", true},
		{"Mr. Tamimi", "Bassem Tamimi", true},
		{"ICRC", "International Committee of the Red Cross", true},
		{"Broadcom Ltd", "Broadcom", true},
		{"Qualcomm Inc.", "Qualcomm", true},
		{"Broadcom’s", "Broadcom", true},
		{"Broadcom's", "Qualcomm", false},
		{"Norwalk", "Norfolk", false},
		{"Orléans", "Orleans", true},
		{"Lech Wałęsa", "Walesa", true},
		{"Apple", "Apple Pay", false},
		{"John Kirby", "John Kerry", false},
		{"Bassem Tamimi", "Ahed Tamimi", false},
	} {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := sameEntity(tc.a, tc.b); got != tc.want {
				t.Errorf("sameEntity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if got := sameEntity(tc.b, tc.a); got != tc.want {
				t.Errorf("sameEntity(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

func TestEntityNames(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"title dropped", "Mr. Tamimi said on Monday", []string{"Tamimi"}},
		{"joining words kept inside", "brokered by the International Committee of the Red Cross.", []string{"International Committee of the Red Cross"}},
		{"company suffix dropped", "Pennsylvania Electric Co. sent a bill", []string{"Pennsylvania Electric"}},
		{"sentence opener skipped", "The girls met Vice President Yemi Osinbajo in Abuja", []string{"Vice President Yemi Osinbajo", "Abuja"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := entityNames(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("entityNames(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNameWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Broadcom’s", []string{"broadcom"}},
		{"Tristan Harris's", []string{"tristan", "harris"}},
		{"Pennsylvania Electric Co.", []string{"pennsylvania", "electric"}},
		{"Committee for the Red Cross", []string{"committee", "red", "cross"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := nameWords(tc.name); !slices.Equal(got, tc.want) {
				t.Errorf("nameWords(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

func TestEntityAliases(t *testing.T) {
	wordsOf := map[string][]string{}
	for _, n := range []string{"Pennsylvania Electric", "Penelec", "Uma Thurman", "Uma", "ICRC",
		"International Committee of the Red Cross", "Reuters"} {
		wordsOf[n] = nameWords(n)
	}
	aliases := entityAliases(wordsOf)
	for _, tc := range []struct {
		short string
		want  []string
	}{
		{"penelec", []string{"pennsylvania", "electric"}},
		{"icrc", []string{"international", "committee", "red", "cross"}},
		{"uma", []string{"thurman"}},
		{"reuters", nil},
	} {
		t.Run(tc.short, func(t *testing.T) {
			if got := aliases[tc.short]; !slices.Equal(got, tc.want) {
				t.Errorf("alias of %q = %q, want %q", tc.short, got, tc.want)
			}
		})
	}
}
