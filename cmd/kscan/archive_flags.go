package main

import (
	"github.com/spf13/pflag"

	"github.com/kscan/kscan/scanner/archive"
)

// archiveFlags are the caps on walking jars, wars and ears: safe defaults,
// so a zip bomb or a deeply nested archive costs a notification, not the scan.
type archiveFlags struct {
	depth, entries int
	entrySize, tot string
}

func addArchiveFlags(f *pflag.FlagSet, a *archiveFlags) {
	f.IntVar(&a.depth, "max-archive-depth", archive.DefaultMaxDepth, "deepest nested archive walked (a jar in a jar is depth 1)")
	f.IntVar(&a.entries, "max-archive-entries", archive.DefaultMaxEntries, "entries read per archive")
	f.StringVar(&a.entrySize, "max-entry-size", "64MiB", "bytes read from one archive entry")
	f.StringVar(&a.tot, "max-archive-bytes", "2GiB", "bytes inflated in total from one top-level archive")
}

func (a *archiveFlags) options() (archive.Options, error) {
	o := archive.DefaultOptions()
	if a.depth < 1 || a.entries < 1 {
		return o, usagef("--max-archive-depth and --max-archive-entries must be at least 1")
	}
	o.MaxDepth, o.MaxEntries = a.depth, a.entries
	var err error
	if o.MaxEntrySize, err = parseSize(a.entrySize); err != nil {
		return o, usageError{err}
	}
	if o.MaxTotalBytes, err = parseSize(a.tot); err != nil {
		return o, usageError{err}
	}
	return o, nil
}
