package compare_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection keeps the layers apart: compare imports neither
// Fyne nor storage, and storage imports no Fyne.
func TestDependencyDirection(t *testing.T) {
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"github.com/parallax-review/parallax/compare/...", []string{"fyne.io/", "github.com/parallax-review/parallax/storage", "github.com/parallax-review/parallax/app"}},
		{"github.com/parallax-review/parallax/storage/...", []string{"fyne.io/", "github.com/parallax-review/parallax/app"}},
		{"github.com/parallax-review/parallax/cli/...", []string{"fyne.io/", "github.com/parallax-review/parallax/app"}},
	}
	for _, rule := range rules {
		t.Run(rule.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-e", "-f", "{{.ImportPath}}", rule.pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list: %v\n%s", err, out)
			}
			deps := strings.Fields(string(out))
			if len(deps) == 0 {
				t.Fatalf("go list found no packages for %s", rule.pkg)
			}
			for _, dep := range deps {
				for _, f := range rule.forbidden {
					if strings.HasPrefix(dep, f) {
						t.Errorf("%s depends on %s", rule.pkg, dep)
					}
				}
			}
		})
	}
}
