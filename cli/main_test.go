package cli

import (
	"os"
	"testing"
)

// runAsCLI, set in the environment, makes the test binary act as the
// parallax command, so tests can run it as a child process (the scorer does).
const runAsCLI = "PARALLAX_TEST_RUN_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(runAsCLI) == "1" {
		os.Exit(Run(&Env{Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:]))
	}
	os.Exit(m.Run())
}
