package clocale

import (
	"maps"
	"testing"
)

func TestFix(t *testing.T) {
	tests := []struct {
		name      string
		env, want map[string]string
	}{
		// The locale variables stay: the C library reads its character
		// set from them.
		{"C", map[string]string{"LANG": "C"}, map[string]string{"LANG": "C", "LANGUAGE": "en"}},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}},
		{"POSIX in LC_ALL", map[string]string{"LC_ALL": "POSIX", "LANG": "de_DE.UTF-8"}, map[string]string{"LC_ALL": "POSIX", "LANG": "de_DE.UTF-8", "LANGUAGE": "en"}},
		{"a language is kept", map[string]string{"LANG": "fr_FR.UTF-8"}, map[string]string{"LANG": "fr_FR.UTF-8"}},
		{"LC_MESSAGES decides before LANG", map[string]string{"LC_MESSAGES": "es_ES.UTF-8", "LANG": "C"}, map[string]string{"LC_MESSAGES": "es_ES.UTF-8", "LANG": "C"}},
		{"LANGUAGE set is kept", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}, map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}},
		{"nothing set", map[string]string{}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := maps.Clone(tt.env)
			fix(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if !maps.Equal(env, tt.want) {
				t.Errorf("environment %v, want %v", env, tt.want)
			}
		})
	}
}
