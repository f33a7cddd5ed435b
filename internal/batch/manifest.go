package batch

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/kscan/kscan/internal/safefs"
)

// ManifestFile lists what a batch run covered, for kscan merge.
const ManifestFile = "batch.json"

// Manifest records a run: its list, shard and the repositories it holds
// (results of older lists may lie beside them in repos/ and are not part
// of it).
type Manifest struct {
	List  string   `json:"list"`
	Shard string   `json:"shard,omitempty"`
	Keys  []string `json:"repositories"`

	Out *Outcome `json:"-"`
}

// WriteManifest writes out/batch.json.
func WriteManifest(out string, m *Manifest) error {
	if m.Out != nil {
		m.Keys = m.Keys[:0]
		for _, e := range m.Out.Entries {
			m.Keys = append(m.Keys, e.Key)
		}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(out, ManifestFile), func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// readManifest reads dir/batch.json and checks every key in it.
func readManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestFile)
	data, err := safefs.ReadFile(path, safefs.MaxState)
	if err != nil {
		return nil, fmt.Errorf("%s: not a batch output directory, or its run did not finish (no readable %s: %v)", dir, ManifestFile, err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	seen := map[string]bool{}
	for _, k := range m.Keys {
		if err := ValidKey(k); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		if seen[k] {
			return nil, fmt.Errorf("%s: repository %q listed twice", path, k)
		}
		seen[k] = true
	}
	return &m, nil
}

// Collect reads the results of the batch runs in dirs (shards of one list)
// for merging: each run's repositories, by its manifest. A repository in
// two runs is taken from the later run (by finish time, then directory
// order). A run with a repository that has no usable result (no status, or
// one whose SARIF log is missing, outside the run's directory or
// unparsable) was stopped early or damaged: that is an error naming the
// run, so a merge is never silently partial. A manifest naming a key that
// is not one kscan makes (a path, "..") is an error naming the file.
func Collect(dirs []string) ([]Status, map[string]string, error) {
	byKey := map[string]Status{}
	from := map[string]string{} // key -> directory holding its result
	for _, dir := range dirs {
		m, err := readManifest(dir)
		if err != nil {
			return nil, nil, err
		}
		var missing []string
		for _, k := range m.Keys {
			st, _, err := loadStatus(dir, k)
			if err != nil {
				missing = append(missing, err.Error())
				continue
			}
			if prev, dup := byKey[k]; dup && prev.Finished > st.Finished {
				continue
			}
			byKey[k], from[k] = *st, dir
		}
		if len(missing) > 0 {
			return nil, nil, fmt.Errorf("%s: %d of %d repositories have no result (the run was stopped?): run its batch again to finish it; first: %s",
				dir, len(missing), len(m.Keys), missing[0])
		}
	}
	var out []Status
	for _, st := range byKey {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	sortStatuses(out)
	return out, from, nil
}

// Merge joins the batch runs in dirs into out: every repository's result
// is copied to out/repos/, then the reports and the manifest are written
// over all of them (see Finish). out may be one of dirs.
func Merge(dirs []string, out, failOn string) (*Summary, error) {
	statuses, from, err := Collect(dirs)
	if err != nil {
		return nil, err
	}
	if err := Prepare(out); err != nil {
		return nil, err
	}
	m := &Manifest{List: "merged"}
	for i := range statuses {
		st := &statuses[i]
		if err := CopyResult(from[st.Key], out, st); err != nil {
			return nil, err
		}
		m.Keys = append(m.Keys, st.Key)
	}
	return Finish(out, statuses, failOn, m)
}

// CopyResult copies one repository's result from a run into out: its
// SARIF log (streamed) and then its status, as checked by Collect.
func CopyResult(fromDir, out string, st *Status) error {
	src, err := repoDir(fromDir, st.Key)
	if err != nil {
		return err
	}
	dst, err := repoDir(out, st.Key)
	if err != nil {
		return err
	}
	if same(src, dst) {
		return nil
	}
	if err := ownDir(filepath.Join(out, ReposDir)); err != nil {
		return err
	}
	if err := ownDir(dst); err != nil {
		return err
	}
	// SARIF first, status last, as a run writes them.
	if st.SARIF == "" {
		if err := os.Remove(filepath.Join(dst, SARIFFile)); err != nil && !os.IsNotExist(err) {
			return err
		}
	} else {
		f, err := openResult(fromDir, st)
		if err != nil {
			return err
		}
		err = writeFile(filepath.Join(dst, SARIFFile), func(w io.Writer) error {
			_, err := io.Copy(w, io.LimitReader(f, safefs.MaxResult))
			return err
		})
		f.Close()
		if err != nil {
			return err
		}
	}
	return writeStatus(dst, st)
}

func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
