package batch

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
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

// Collect reads the results of the batch runs in dirs (shards of one list)
// for merging: each run's repositories, by its manifest. A repository in
// two runs is taken from the later run (by finish time, then directory
// order). A run with a repository that has no status was stopped early:
// that is an error naming the run, so a merge is never silently partial.
func Collect(dirs []string) ([]Status, map[string]string, error) {
	byKey := map[string]Status{}
	from := map[string]string{} // key -> directory holding its result
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: not a batch output directory (no %s): %v", dir, ManifestFile, err)
		}
		var m Manifest
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", filepath.Join(dir, ManifestFile), err)
		}
		missing := 0
		for _, k := range m.Keys {
			st, ok := readStatus(filepath.Join(dir, ReposDir, k))
			if !ok {
				missing++
				continue
			}
			if prev, dup := byKey[k]; dup && prev.Finished > st.Finished {
				continue
			}
			byKey[k], from[k] = *st, dir
		}
		if missing > 0 {
			return nil, nil, fmt.Errorf("%s: %d of %d repositories have no result (the run was stopped?): run its batch again to finish it", dir, missing, len(m.Keys))
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

// CopyResult copies one repository's result directory from a run into out.
func CopyResult(fromDir, out, key string) error {
	src := filepath.Join(fromDir, ReposDir, key)
	dst := filepath.Join(out, ReposDir, key)
	if same(src, dst) {
		return nil
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	// SARIF first, status last, as a run writes them.
	for _, name := range []string{SARIFFile, StatusFile} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if os.IsNotExist(err) && name == SARIFFile {
			os.Remove(filepath.Join(dst, name))
			continue
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
