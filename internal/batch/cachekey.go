package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
)

// A repository's place in the cache and whether its earlier result can be
// reused are decided here, from the entry and from what the batch runs:
//
//   - the clone directory is <cache>/<key>, the key being the one that
//     names its results (Entry.Key: the repository, ref and role);
//   - a result is reused when its commit and its reuse key are the same;
//     the reuse key (Options.RulesVersion) digests everything besides the
//     commit that decides the result: the rules' metadata, the build of
//     kscan and the options and files passed to each scan.

// DefaultCache is where clones are kept when no --cache is given: the user
// cache directory's kscan/repos.
func DefaultCache() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (%v): give --cache DIR", err)
	}
	return filepath.Join(dir, "kscan", "repos"), nil
}

// CacheDir is the clone cache to use: dir made absolute, or DefaultCache
// when dir is "". Absolute, because scans run in other directories.
func CacheDir(dir string) (string, error) {
	if dir == "" {
		var err error
		if dir, err = DefaultCache(); err != nil {
			return "", err
		}
	}
	return filepath.Abs(dir)
}

// CloneDir is where the entry's clone is kept in cache.
func CloneDir(cache string, e *Entry) string { return filepath.Join(cache, e.Key) }

// ReuseKey digests what, besides the commit, decides a repository's
// result: the rules' metadata, the kscan build at self (a development
// build by its executable's bytes, a clean VCS build by its revision), and
// the arguments passed to every scan with the contents of the files that
// --config and --adapters name. A result made under another key is made
// again.
func ReuseKey(self string, scanArgs []string) (string, error) {
	bi, _ := debug.ReadBuildInfo()
	return reuseKey(ruleMeta(rules.All()), buildRevision(bi), self, scanArgs)
}

// ruleMeta is the part of each rule that shows in its results.
func ruleMeta(all []*rules.Rule) []any {
	meta := []any{}
	for _, r := range all {
		meta = append(meta, []any{r.ID, r.Title, r.Default, r.Severity, r.Help})
	}
	return meta
}

// buildRevision is the VCS revision of a clean build, "" for a build from
// a modified tree or without VCS information.
func buildRevision(bi *debug.BuildInfo) string {
	if bi == nil {
		return ""
	}
	rev, modified := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified {
		return ""
	}
	return rev
}

func reuseKey(meta []any, revision, self string, scanArgs []string) (string, error) {
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(meta); err != nil {
		return "", err
	}
	if revision != "" {
		fmt.Fprintf(h, "build\x00%s\n", revision)
	} else if err := hashFile(h, self); err != nil {
		return "", fmt.Errorf("reading kscan's own executable: %w", err)
	}
	for i, a := range scanArgs {
		fmt.Fprintf(h, "arg\x00%s\n", a)
		if i == 0 {
			continue
		}
		var max int64
		switch scanArgs[i-1] {
		case "--config":
			max = safefs.MaxConfig
		case "--adapters":
			max = safefs.MaxTable
		default:
			continue
		}
		data, err := safefs.ReadFile(a, max)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "file\x00%d\n", len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// hashFile feeds a whole file to h, streamed: an executable is tens of MB.
func hashFile(h hash.Hash, path string) error {
	f, _, err := safefs.Open(path, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}
