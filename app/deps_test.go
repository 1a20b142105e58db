package app

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoWindowDriver keeps app buildable without cgo: only main links
// Fyne's window driver (fyne.io/fyne/v2/app and the GLFW and OpenGL
// bindings), and app does not reach into the command line.
func TestNoWindowDriver(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list found %d dependencies", len(deps))
	}
	forbidden := []string{"fyne.io/fyne/v2/app", "fyne.io/fyne/v2/internal/driver/glfw", "github.com/go-gl/", "github.com/parallax-review/parallax/cli"}
	for _, dep := range deps {
		for _, f := range forbidden {
			if dep == f || strings.HasPrefix(dep, f) && strings.HasSuffix(f, "/") {
				t.Errorf("app depends on %s", dep)
			}
		}
	}
}
