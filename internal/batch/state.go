package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
)

// The output directory's state (batch.json, status.json) is data that a
// shard copied from elsewhere, a hand edit or a hostile artifact may have
// written: no name read from it is ever used as a path. A repository's
// files are found by its key, checked to be a name kscan makes, and the
// SARIF log is always repos/<key>/result.sarif.

// keyRE is the shape entryKey gives: a slug of at most 60 characters and
// the first 8 hex digits of the entry's digest. It cannot hold a path
// separator, and the check below refuses "..".
var keyRE = regexp.MustCompile(`^[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,59}-[0-9a-f]{8}$`)

// ValidKey reports whether key is a repository key kscan could have made:
// one directory name, no separators, no "..".
func ValidKey(key string) error {
	if !keyRE.MatchString(key) || strings.Contains(key, "..") {
		return fmt.Errorf("%q is not a repository key (want one name of letters, digits, '.', '_', '@', '-', ending in -<8 hex digits>)", key)
	}
	return nil
}

// repoDir is the directory of a repository's results under out.
func repoDir(out, key string) (string, error) {
	if err := ValidKey(key); err != nil {
		return "", err
	}
	return filepath.Join(out, ReposDir, key), nil
}

// sarifRel is the one name a status's "sarif" may hold: its own log,
// relative to the output directory.
func sarifRel(key string) string { return ReposDir + "/" + key + "/" + SARIFFile }

// resultPath is where a repository's SARIF log is, from its key alone.
func resultPath(out string, st *Status) (string, error) {
	dir, err := repoDir(out, st.Key)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, SARIFFile), nil
}

// knownStates are the states a status may hold.
var knownStates = map[string]bool{
	StateOK: true, StateScanErrors: true, StateEmpty: true, StateCloneFailed: true,
	StateTimedOut: true, StateScanFailed: true, StateInvalid: true,
}

// errNoResult marks a status that stands for no usable result: missing,
// unreadable, not kscan's, or naming a log that is missing, outside the
// output directory or unparsable. A run scans such a repository again.
var errNoResult = errors.New("no usable result")

// loadStatus reads repos/<key>/status.json under out and checks it against
// the key it was looked up by; a status with a result has its SARIF log
// read and parsed, and is returned with it. Any problem is errNoResult
// wrapped with the reason.
func loadStatus(out, key string) (*Status, *sarifLog, error) {
	dir, err := repoDir(out, key)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", errNoResult, err)
	}
	path := filepath.Join(dir, StatusFile)
	data, err := readState(out, path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", errNoResult, err)
	}
	var st Status
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", errNoResult, path, err)
	}
	if err := st.check(key); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", errNoResult, path, err)
	}
	if st.SARIF == "" {
		return &st, nil, nil
	}
	log, err := readResult(out, &st)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", errNoResult, err)
	}
	return &st, log, nil
}

// check holds a status to what kscan writes for key.
func (st *Status) check(key string) error {
	switch {
	case st.Key != key:
		return fmt.Errorf("key %q, want %q", st.Key, key)
	case !knownStates[st.State]:
		return fmt.Errorf("unknown state %q", st.State)
	case st.SARIF != "" && st.SARIF != sarifRel(key):
		return fmt.Errorf("sarif %q: the only log a status may name is %s", st.SARIF, sarifRel(key))
	case st.SARIF == "" && (st.State == StateOK || st.State == StateScanErrors):
		return fmt.Errorf("state %s without a SARIF log", st.State)
	}
	return nil
}

// readState reads a small state file inside out: a regular file, within
// the state cap, not reached through a link that leads outside out.
func readState(out, path string) ([]byte, error) {
	root, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	return safefs.ReadFileIn(root, path, safefs.MaxState)
}

// openResult opens a status's SARIF log: found by its key, a regular file
// inside out, within the result cap.
func openResult(out string, st *Status) (*os.File, error) {
	path, err := resultPath(out, st)
	if err != nil {
		return nil, err
	}
	root, err := filepath.Abs(out) // Within compares resolved absolute paths
	if err != nil {
		return nil, err
	}
	ok, err := safefs.Within(root, path)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: path, Err: safefs.ErrOutsideRoot}
	}
	f, _, err := safefs.Open(path, safefs.MaxResult)
	return f, err
}

// readResult reads and parses a status's SARIF log.
func readResult(out string, st *Status) (*sarifLog, error) {
	f, err := openResult(out, st)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeSARIF(f, f.Name())
}

// writeStatus writes the record through a temporary file and a rename, so
// a reader never sees half a record.
func writeStatus(dir string, st *Status) error {
	if err := ownDir(dir); err != nil {
		return err
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, StatusFile), func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// ownDir makes dir a real directory: whatever else stands at that name (a
// link to elsewhere, a file) is removed first, so writes under it stay in
// the output directory.
func ownDir(dir string) error {
	if fi, err := os.Lstat(dir); err == nil && !fi.IsDir() {
		if err := os.Remove(dir); err != nil {
			return err
		}
	}
	return os.MkdirAll(dir, 0o755)
}
