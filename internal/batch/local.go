package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// localVersion names the content of a local directory scanned in place:
// its git commit when it is a clean checkout, else a digest of every file's
// path, size and modification time (the same inputs kscan reads), so an
// edited tree is scanned again and an untouched one is skipped.
func localVersion(ctx context.Context, dir string) (string, error) {
	head, err := git1(ctx, dir, "rev-parse", "--verify", "--quiet", "HEAD")
	if err == nil && head != "" {
		if top, err := git1(ctx, dir, "rev-parse", "--show-toplevel"); err == nil && samePath(top, dir) {
			if st, err := git(ctx, dir, "status", "--porcelain", "--untracked-files=all"); err == nil && st == "" {
				return head, nil
			}
		}
	}
	h := sha256.New()
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable parts are the scan's to report
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", filepath.ToSlash(rel), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return "", err
	}
	return "tree:" + hex.EncodeToString(h.Sum(nil)[:16]), nil
}

func samePath(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
