// Parallax is a desktop app for comparing how several reports of one event
// render the same quotes and claims. Run with a command name it works on
// the command line instead (`parallax compare a.txt b.txt`).
package main

import (
	// Its init, which runs before main and so before Fyne first asks for
	// the user's language, has the C locale read as English.
	_ "github.com/parallax-review/parallax/internal/clocale"

	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"github.com/go-gl/glfw/v3.3/glfw"

	"github.com/parallax-review/parallax/app"
	"github.com/parallax-review/parallax/assets"
	"github.com/parallax-review/parallax/cli"
	"github.com/parallax-review/parallax/storage"
)

func main() {
	start := time.Now()
	env := &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Color: isTerminal(os.Stdout)}
	if len(os.Args) > 1 && cli.Is(os.Args[1]) {
		os.Exit(cli.Run(env, os.Args[1:]))
	}
	os.Exit(runApp(os.Args[1:], start))
}

// runApp opens the app's window with the GUI flags in args and returns the
// exit code when the window closes.
func runApp(args []string, start time.Time) int {
	fs := flag.NewFlagSet("parallax", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: parallax [OPTIONS] [REPORT FILES]\n\nOpens the app: with report files, on a new case of them.\nRun 'parallax help' for the commands.\n\nOptions:\n")
		fs.PrintDefaults()
	}
	sample := fs.Bool("sample", false, "open the sample case")
	quitAfter := fs.Duration("quit-after", 0, "quit after this long (for smoke tests), e.g. 5s")
	timing := fs.Bool("timing", false, "print the time to the first frame and to a filled matrix")
	dbPath := fs.String("db", "", "the database of cases and verdicts (default: parallax.db in the user's configuration directory)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := checkFiles(fs.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "parallax: %v\nRun 'parallax help' for the commands.\n", err)
		return 2
	}
	if err := checkDisplay(runtime.GOOS, os.Getenv); err != nil {
		fmt.Fprintf(os.Stderr, "parallax: %v\nThe commands work without one: run 'parallax help'.\n", err)
		return 1
	}

	a := fyneapp.NewWithID("io.parallax.review")
	a.SetIcon(assets.Icon)
	store, dbErr := openStore(*dbPath)
	ui := app.New(a, store)
	if *timing {
		var once sync.Once
		ui.SetFirstPaint(func() {
			once.Do(func() {
				fmt.Fprintf(os.Stderr, "parallax: first frame after %d ms\n", time.Since(start).Milliseconds())
			})
		})
		ui.OnFilled = func(groups int) {
			fmt.Fprintf(os.Stderr, "parallax: matrix filled (%d groups) after %d ms\n", groups, time.Since(start).Milliseconds())
		}
	}
	quit := func() { fyne.Do(ui.Quit) }
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-signals
		quit()
	}()
	if *quitAfter > 0 {
		time.AfterFunc(*quitAfter, quit)
	}
	ui.Start(*sample, fs.Args())
	if dbErr != nil {
		ui.ShowStoreError(dbErr)
	}
	w := ui.Window()
	w.Show()
	if area, ok := screenArea(w); ok {
		ui.FitScreen(area)
	}
	a.Run()
	return 0
}

// screenArea returns the usable area of the primary screen (without task
// bars), in the units of w, which is shown. macOS keeps windows on the
// screen itself.
func screenArea(w fyne.Window) (fyne.Size, bool) {
	if runtime.GOOS == "darwin" {
		return fyne.Size{}, false
	}
	m := glfw.GetPrimaryMonitor()
	scale := w.Canvas().Scale()
	if m == nil || scale <= 0 {
		return fyne.Size{}, false
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(width)/scale, float32(height)/scale), true
}

// checkFiles makes sure every operand names a file, so that a mistyped
// command ("parallax comapre") is not taken for a report to open.
func checkFiles(operands []string) error {
	for _, f := range operands {
		if _, err := os.Stat(f); err != nil {
			return fmt.Errorf("%s: no such command or file", f)
		}
	}
	return nil
}

// checkDisplay tells why the window cannot open on this system, if it
// cannot: on Linux and the BSDs it needs an X11 or Wayland display.
func checkDisplay(goos string, getenv func(string) string) error {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd":
		if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
			return errors.New("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set)")
		}
	}
	return nil
}

// openStore opens the database at path, or the default one. When it cannot
// be opened, the session works in memory and the error says why.
func openStore(path string) (app.Store, error) {
	if path == "" {
		var err error
		if path, err = storage.DefaultPath(); err != nil {
			return app.NewMemoryStore(), err
		}
	}
	db, err := storage.Open(path)
	if err != nil {
		return app.NewMemoryStore(), err
	}
	return app.NewDBStore(db), nil
}

// isTerminal tells whether f is a character device, such as a terminal,
// rather than a file or a pipe.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
