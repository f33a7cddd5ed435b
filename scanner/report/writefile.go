package report

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a report to path through a temporary file in the same
// directory and a rename, so readers never see a half-written report and a
// failed write leaves the old file as it was. The new file replaces the old
// one entirely (go-sarif v2's own WriteFile opens without O_TRUNC, so a
// shorter report would keep the old one's tail) and keeps its permissions;
// a new file gets 0644.
//
// A device or a pipe (/dev/null, /dev/stdout, a named pipe a reader waits
// on) is written in place: it cannot be renamed over, and a reader of a
// pipe sees the report as it is written.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	mode := os.FileMode(0o644)
	if st, statErr := os.Stat(path); statErr == nil {
		switch {
		case st.Mode()&(os.ModeDevice|os.ModeCharDevice|os.ModeNamedPipe) != 0:
			return writeInPlace(path, write)
		case !st.Mode().IsRegular():
			return &os.PathError{Op: "write", Path: path, Err: errors.New("not a regular file")}
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
