package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/kscan/kscan/internal/safefs"
)

// Options caps the work one walk may do. A zero (or negative) field means
// its default.
type Options struct {
	MaxDepth          int   // deepest nested archive walked; the top archive is depth 0 (default 8)
	MaxEntries        int   // entries per archive (default 200_000)
	MaxEntrySize      int64 // uncompressed bytes read from one entry (default 64 MiB)
	MaxTotalBytes     int64 // bytes inflated plus directory bytes in one walk (default 2 GiB)
	MaxNestedInMemory int64 // bytes of compressed nested archives held inflated at once (default 256 MiB)
	MaxRatio          int   // uncompressed/compressed ratio above which an entry is a bomb (default 200)

	ratioFloor int64 // size below which MaxRatio does not apply (default defaultRatioFloor); tests lower it
}

// Defaults of Options.
const (
	DefaultMaxDepth          = 8
	DefaultMaxEntries        = 200_000
	DefaultMaxEntrySize      = 64 << 20
	DefaultMaxTotalBytes     = 2 << 30
	DefaultMaxNestedInMemory = 256 << 20
	DefaultMaxRatio          = 200
)

// defaultRatioFloor is the size below which the ratio cap does not apply:
// small files of repeated bytes legitimately compress far better than
// MaxRatio, and cannot do harm.
const defaultRatioFloor = 1 << 20

// DefaultOptions returns the default caps.
func DefaultOptions() Options {
	return Options{
		MaxDepth:          DefaultMaxDepth,
		MaxEntries:        DefaultMaxEntries,
		MaxEntrySize:      DefaultMaxEntrySize,
		MaxTotalBytes:     DefaultMaxTotalBytes,
		MaxNestedInMemory: DefaultMaxNestedInMemory,
		MaxRatio:          DefaultMaxRatio,
		ratioFloor:        defaultRatioFloor,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxDepth <= 0 {
		o.MaxDepth = d.MaxDepth
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = d.MaxEntries
	}
	if o.MaxEntrySize <= 0 {
		o.MaxEntrySize = d.MaxEntrySize
	}
	if o.MaxTotalBytes <= 0 {
		o.MaxTotalBytes = d.MaxTotalBytes
	}
	if o.MaxNestedInMemory <= 0 {
		o.MaxNestedInMemory = d.MaxNestedInMemory
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = d.MaxRatio
	}
	if o.ratioFloor <= 0 {
		o.ratioFloor = d.ratioFloor
	}
	return o
}

// Visitor receives what a walk finds. Entry is called for every
// non-directory entry, in central-directory order, before the walk descends
// into it when it is a nested archive. Problem is called for every problem;
// the walk goes on after it. Both are called from the walking goroutine,
// except that Problem is called from whichever goroutine reads an entry.
type Visitor interface {
	// Entry returns nil to go on, SkipArchive (see there), or any other
	// error to stop the walk, which then returns that error.
	Entry(e *Entry) error
	Problem(p Problem)
}

// VisitorFuncs adapts two functions to a Visitor; either may be nil.
type VisitorFuncs struct {
	EntryFunc   func(e *Entry) error
	ProblemFunc func(p Problem)
}

// Entry implements Visitor.
func (v VisitorFuncs) Entry(e *Entry) error {
	if v.EntryFunc == nil {
		return nil
	}
	return v.EntryFunc(e)
}

// Problem implements Visitor.
func (v VisitorFuncs) Problem(p Problem) {
	if v.ProblemFunc != nil {
		v.ProblemFunc(p)
	}
}

// SkipArchive, returned by Visitor.Entry for a nested archive, keeps the walk
// out of it; returned for any other entry, it skips the remaining entries of
// the archive holding it (as fs.SkipDir does for directories).
var SkipArchive = errors.New("skip this archive")

// Entry is one file inside an archive. It, and the readers it opens, are valid
// only until Visitor.Entry returns: nested archives are released after that.
type Entry struct {
	Path        string   // logical path, e.g. "app.jar!/BOOT-INF/lib/x.jar!/com/acme/Foo.class"
	Name        string   // name inside its innermost archive, exactly as stored
	Archive     string   // logical path of the innermost archive
	Chain       []string // the archives from the top down: the top's name, then each nested entry name; shared, do not modify
	Depth       int      // 0 for entries of the top archive
	Size        int64    // uncompressed size declared by the header
	Compressed  int64    // compressed size declared by the header
	CRC32       uint32   // declared CRC-32
	Method      uint16   // zip.Store, zip.Deflate, ...
	Layout      Layout   // where the entry's code sits, see Layout
	ArchiveKind Kind     // kind of the innermost archive
	IsArchive   bool     // a nested archive the walk descends into after Entry returns

	w        *walker
	f        *zip.File
	mem      []byte      // the innermost archive's bytes, when it is held in memory
	r        io.ReaderAt // else where they are read from (Raw), and their size
	rsize    int64
	pre      *Problem // a problem found from the headers alone; reading fails with it
	reported atomic.Bool
}

// Open returns a reader over the entry's uncompressed bytes that enforces
// MaxEntrySize, MaxTotalBytes and MaxRatio on the bytes actually inflated,
// and verifies the CRC-32 at the end. Its errors are Problem values, already
// sent to Visitor.Problem, or the walk's context error.
func (e *Entry) Open() (io.ReadCloser, error) {
	if e.pre != nil {
		return nil, *e.pre
	}
	if err := e.w.ctx.Err(); err != nil {
		return nil, err
	}
	rc, err := e.open()
	if err != nil {
		return nil, e.fail(readProblemKind(err), err)
	}
	return &entryReader{e: e, rc: rc, limit: e.w.opts.MaxEntrySize, overKind: ProblemEntryTooLarge, overErr: ErrEntryTooLarge}, nil
}

// open opens the entry's uncompressed bytes: inflated straight from the
// archive's bytes when they are in memory (see inflateMem), else through
// archive/zip.
func (e *Entry) open() (io.ReadCloser, error) {
	if rc := inflateMem(e.f, e.mem); rc != nil {
		return rc, nil
	}
	return e.f.Open()
}

// Raw is the entry's bytes as they lie in its archive, compressed, with the
// data descriptor after them when its header announces one: a part of the
// archive's bytes when they are held in memory, else read (nil when they
// cannot be, or are more than the entry cap). Two entries whose Raw,
// Method, CRC32, Size and Compressed are equal read alike, to the same bytes
// or the same problem (bar the walk's total, which Charge counts): a caller
// that read one may take the other as read (Charge).
func (e *Entry) Raw() []byte {
	if e.pre != nil || strings.HasSuffix(e.f.Name, "/") || e.mem == nil && e.r == nil {
		return nil
	}
	size := e.rsize
	if e.mem != nil {
		size = int64(len(e.mem))
	}
	off, err := e.f.DataOffset()
	if err != nil || off < 0 || off > size || e.f.CompressedSize64 > uint64(size-off) {
		return nil
	}
	end := off + int64(e.f.CompressedSize64)
	if e.f.Flags&0x8 != 0 {
		end = min(end+16, size) // where the descriptor is read (inflateMem, archive/zip)
	}
	if e.mem != nil {
		return e.mem[off:end:end]
	}
	if end-off > e.w.opts.MaxEntrySize {
		return nil
	}
	b := make([]byte, end-off)
	if n, _ := e.r.ReadAt(b, off); n < len(b) {
		return nil
	}
	return b
}

// Charge counts the entry against the walk's caps as reading it whole
// would, without reading it: for an entry whose twin (see Raw) was read
// whole without a problem, so that only the walk's total can differ. It
// fails as Open and the reads would, with the same problem.
func (e *Entry) Charge() error {
	if e.pre != nil {
		return *e.pre
	}
	w := e.w
	if err := w.ctx.Err(); err != nil {
		return err
	}
	switch {
	case e.Size > w.opts.MaxEntrySize:
		return e.fail(ProblemEntryTooLarge, fmt.Errorf("%w: more than %d bytes", ErrEntryTooLarge, w.opts.MaxEntrySize))
	case w.total.Add(e.Size) > w.opts.MaxTotalBytes:
		return w.totalProblem(e)
	case e.Size > w.opts.ratioFloor && e.Size > max(e.Compressed, 1)*int64(w.opts.MaxRatio):
		return e.fail(ProblemRatio, fmt.Errorf("%w: %d bytes from %d compressed (cap %d:1)", ErrRatio, e.Size, e.Compressed, w.opts.MaxRatio))
	}
	return nil
}

// ReadAll reads the whole entry under the same caps as Open.
func (e *Entry) ReadAll() ([]byte, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readAll(rc, e.sizeHint(e.w.opts.MaxEntrySize))
}

// sizeHint is how much to allocate up front: the declared size, but no more
// than the cap or what the compressed bytes could honestly inflate to, so a
// lying header cannot make us allocate much.
func (e *Entry) sizeHint(limit int64) int64 {
	h := min(e.Size, limit)
	if e.Method == zip.Store {
		h = min(h, e.Compressed)
	} else {
		h = min(h, e.Compressed*int64(e.w.opts.MaxRatio)+e.w.opts.ratioFloor)
	}
	return max(h, 0)
}

func readAll(r io.Reader, hint int64) ([]byte, error) {
	// One spare byte lets the final Read see EOF without growing the buffer.
	b := make([]byte, 0, hint+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// fail builds the problem for this entry and reports it unless an earlier
// read already did.
func (e *Entry) fail(kind ProblemKind, err error) Problem {
	p := Problem{Archive: e.Archive, Entry: e.Name, Kind: kind, Err: err}
	if !e.reported.Swap(true) {
		e.w.report(p)
	}
	return p
}

// entryReader enforces the caps on the bytes archive/zip actually returns.
type entryReader struct {
	e        *Entry
	rc       io.ReadCloser
	n        int64
	limit    int64
	overKind ProblemKind
	overErr  error
	err      error
}

func (r *entryReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	w := r.e.w
	if err := w.ctx.Err(); err != nil {
		r.err = err
		return 0, err
	}
	// Ask for at most one byte past the cap: enough to see an overrun
	// without inflating far beyond it.
	if rem := r.limit - r.n + 1; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := r.rc.Read(p)
	r.n += int64(n)
	switch {
	case r.n > r.limit:
		r.err = r.e.fail(r.overKind, fmt.Errorf("%w: more than %d bytes", r.overErr, r.limit))
	case w.total.Add(int64(n)) > w.opts.MaxTotalBytes:
		r.err = w.totalProblem(r.e)
	case r.n > w.opts.ratioFloor && r.n > max(r.e.Compressed, 1)*int64(w.opts.MaxRatio):
		r.err = r.e.fail(ProblemRatio, fmt.Errorf("%w: %d bytes from %d compressed (cap %d:1)", ErrRatio, r.n, r.e.Compressed, w.opts.MaxRatio))
	case err != nil && err != io.EOF:
		r.err = r.e.fail(readProblemKind(err), err)
		return n, r.err
	default:
		return n, err
	}
	return 0, r.err
}

func (r *entryReader) Close() error { return r.rc.Close() }

// Walk walks the archive file at path; see WalkReader. path, as given, is
// the first element of every logical path. Only a regular file is opened,
// without blocking: a FIFO or a device named like a jar is refused, not
// waited on or read without end.
func Walk(ctx context.Context, path string, opts Options, v Visitor) error {
	f, size, err := safefs.Open(path, 0)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	defer f.Close()
	return WalkReader(ctx, path, f, size, opts, v)
}

// WalkReader walks the archive of size bytes read from r, called name in
// logical paths, and every archive nested in it. Problems with the input go
// to v.Problem and do not stop the walk; WalkReader returns only ctx's error
// or an error returned by v.Entry (never SkipArchive).
func WalkReader(ctx context.Context, name string, r io.ReaderAt, size int64, opts Options, v Visitor) error {
	return walkTop(ctx, &frame{chain: []string{name}, logical: name, r: r, size: size}, opts, v)
}

// WalkBytes is WalkReader over an archive held in memory. Its entries are
// inflated straight from data, not through a buffered section reader: the
// same bytes and the same errors, with less copying.
func WalkBytes(ctx context.Context, name string, data []byte, opts Options, v Visitor) error {
	return walkTop(ctx, &frame{chain: []string{name}, logical: name, r: bytes.NewReader(data), size: int64(len(data)), data: data}, opts, v)
}

func walkTop(ctx context.Context, top *frame, opts Options, v Visitor) error {
	w := &walker{ctx: ctx, opts: opts.withDefaults(), v: v}
	err := w.walkArchive(top)
	if err == SkipArchive {
		err = nil
	}
	return err
}

type walker struct {
	ctx           context.Context
	opts          Options
	v             Visitor
	total         atomic.Int64 // bytes counted against MaxTotalBytes
	totalReported atomic.Bool
	inMem         int64 // bytes of inflated nested archives held along the current chain
}

// frame is one archive on the current chain.
type frame struct {
	parent  *frame
	chain   []string
	logical string
	depth   int
	kind    Kind
	layout  Layout // inherited by entries whose place means nothing in this archive
	r       io.ReaderAt
	size    int64
	data    []byte // r's bytes, when they are in memory
	crc     uint32
	hasCRC  bool // crc is known (from the parent's header, or computed)
	crcErr  bool // computing crc failed; do not try again
}

func (w *walker) report(p Problem) { w.v.Problem(p) }

func (w *walker) problem(fr *frame, entry string, kind ProblemKind, err error) {
	w.report(Problem{Archive: fr.logical, Entry: entry, Kind: kind, Err: err})
}

// totalProblem is the problem of an exhausted budget, reported once per walk.
func (w *walker) totalProblem(e *Entry) Problem {
	p := Problem{Archive: e.Archive, Entry: e.Name, Kind: ProblemTotalTooLarge,
		Err: fmt.Errorf("%w: %d bytes", ErrTotalTooLarge, w.opts.MaxTotalBytes)}
	e.reported.Store(true)
	if !w.totalReported.Swap(true) {
		w.report(p)
	}
	return p
}

// charge counts n bytes against MaxTotalBytes and reports whether they fit.
func (w *walker) charge(fr *frame, n int64) bool {
	if w.total.Add(n) <= w.opts.MaxTotalBytes {
		return true
	}
	if !w.totalReported.Swap(true) {
		w.problem(fr, "", ProblemTotalTooLarge, fmt.Errorf("%w: %d bytes", ErrTotalTooLarge, w.opts.MaxTotalBytes))
	}
	return false
}

// region is where a stored nested archive lies in its parent.
type region struct {
	start, end int64
	err        error // DataOffset failed or the region is out of bounds
	overlap    bool
}

func (w *walker) walkArchive(fr *frame) error {
	n, end, ok := findEnd(fr.r, fr.size)
	if ok && n > uint64(w.opts.MaxEntries) {
		// Refuse before archive/zip allocates the whole directory.
		w.problem(fr, "", ProblemTooManyEntries, fmt.Errorf("%w: %d declared, cap %d; not walked", ErrTooManyEntries, n, w.opts.MaxEntries))
		return nil
	}
	zr, err := zip.NewReader(fr.r, fr.size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		w.problem(fr, "", ProblemCorrupt, err)
		return nil
	}
	zr.RegisterDecompressor(zip.Deflate, newInflater)
	if ok && end != fr.size {
		// Bytes after the end record mean a truncated archive whose search
		// for its end record met a nested archive's, or appended data: what
		// is walked may not be the archive's real directory.
		w.problem(fr, "", ProblemCorrupt, fmt.Errorf("%d bytes after the end of the central directory", fr.size-end))
	}
	files := zr.File
	if len(files) > w.opts.MaxEntries {
		// The declared count only holds its low 16 bits; the real one lied.
		w.problem(fr, "", ProblemTooManyEntries, fmt.Errorf("%w: %d found, cap %d; only the first %d walked", ErrTooManyEntries, len(files), w.opts.MaxEntries, w.opts.MaxEntries))
		files = files[:w.opts.MaxEntries]
	}
	var dirBytes int64
	for _, f := range files {
		dirBytes += int64(46 + len(f.Name) + len(f.Extra) + len(f.Comment))
	}
	if !w.charge(fr, dirBytes) {
		return nil
	}
	fr.kind = classify(fr.chain[len(fr.chain)-1], files, func(f *zip.File) []byte { return w.readInternal(fr, f, maxManifest) })
	regions := w.nestedRegions(fr, files)

	names := make(map[string]struct{}, len(files))
	for i, f := range files {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := f.Name
		if why := unsafeName(name); why != "" {
			w.problem(fr, name, ProblemUnsafeName, fmt.Errorf("%w: %s", ErrUnsafeName, why))
		}
		if strings.HasSuffix(name, "/") {
			continue // a directory, as java.util.zip.ZipEntry.isDirectory judges it
		}
		if _, dup := names[name]; dup {
			w.problem(fr, name, ProblemDuplicateName, ErrDuplicateName)
		} else {
			names[name] = struct{}{}
		}
		e := w.newEntry(fr, f)
		err := w.v.Entry(e)
		if err == SkipArchive {
			if e.IsArchive {
				continue
			}
			return nil
		}
		if err != nil {
			return err
		}
		if e.IsArchive {
			var reg *region
			if regions != nil {
				reg = &regions[i]
			}
			if err := w.descend(fr, e, reg); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *walker) newEntry(fr *frame, f *zip.File) *Entry {
	e := &Entry{
		Path:        fr.logical + "!/" + f.Name,
		Name:        f.Name,
		Archive:     fr.logical,
		Chain:       fr.chain,
		Depth:       fr.depth,
		Size:        int64(min(f.UncompressedSize64, 1<<62)),
		Compressed:  int64(min(f.CompressedSize64, 1<<62)),
		CRC32:       f.CRC32,
		Method:      f.Method,
		ArchiveKind: fr.kind,
		IsArchive:   isArchiveName(f.Name),
		w:           w,
		f:           f,
		mem:         fr.data,
	}
	if fr.data == nil {
		e.r, e.rsize = fr.r, fr.size
	}
	if l, ok := slot(fr.kind, f.Name); ok {
		e.Layout = l
	} else {
		e.Layout = fr.layout
	}
	// Condemn from the headers what honest headers already show to be over a
	// cap. Nested archives are exempt from the entry cap: they are walked,
	// not read whole.
	switch {
	case !e.IsArchive && e.Size > w.opts.MaxEntrySize:
		e.setPre(ProblemEntryTooLarge, fmt.Errorf("%w: %d bytes declared, cap %d", ErrEntryTooLarge, e.Size, w.opts.MaxEntrySize))
	case e.Method != zip.Store && e.Size > w.opts.ratioFloor && e.Size > max(e.Compressed, 1)*int64(w.opts.MaxRatio):
		e.setPre(ProblemRatio, fmt.Errorf("%w: %d bytes declared from %d compressed (cap %d:1)", ErrRatio, e.Size, e.Compressed, w.opts.MaxRatio))
	}
	return e
}

func (e *Entry) setPre(kind ProblemKind, err error) {
	p := e.fail(kind, err)
	e.pre = &p
}

// nestedRegions finds where each stored nested archive lies in fr, and marks
// those overlapping an earlier one. Honest archives never overlap; a hostile
// one can point many entries at one nested archive to multiply the work.
func (w *walker) nestedRegions(fr *frame, files []*zip.File) []region {
	var idx []int
	for i, f := range files {
		if f.Method == zip.Store && isArchiveName(f.Name) && !strings.HasSuffix(f.Name, "/") {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	regions := make([]region, len(files))
	for _, i := range idx {
		f := files[i]
		off, err := f.DataOffset()
		switch {
		case err != nil:
			regions[i].err = err
		case f.CompressedSize64 != f.UncompressedSize64:
			regions[i].err = fmt.Errorf("stored entry with compressed size %d and size %d", f.CompressedSize64, f.UncompressedSize64)
		case off < 0 || f.UncompressedSize64 > uint64(fr.size) || off > fr.size-int64(f.UncompressedSize64):
			regions[i].err = fmt.Errorf("stored data [%d, +%d) outside the archive of %d bytes", off, f.UncompressedSize64, fr.size)
		default:
			regions[i].start, regions[i].end = off, off+int64(f.UncompressedSize64)
		}
	}
	sorted := make([]int, 0, len(idx))
	for _, i := range idx {
		if regions[i].err == nil {
			sorted = append(sorted, i)
		}
	}
	sort.SliceStable(sorted, func(a, b int) bool { return regions[sorted[a]].start < regions[sorted[b]].start })
	end := int64(-1)
	for _, i := range sorted {
		if regions[i].start < end {
			regions[i].overlap = true
		}
		end = max(end, regions[i].end)
	}
	return regions
}

// descend walks the nested archive e of fr.
func (w *walker) descend(fr *frame, e *Entry, reg *region) error {
	if fr.depth+1 > w.opts.MaxDepth {
		w.problem(fr, e.Name, ProblemTooDeep, fmt.Errorf("%w: depth %d, cap %d", ErrTooDeep, fr.depth+1, w.opts.MaxDepth))
		return nil
	}
	if a := w.ancestorLike(fr, e.CRC32, e.Size); a != nil {
		w.problem(fr, e.Name, ProblemSelfNesting, fmt.Errorf("%w: %s", ErrSelfNesting, a.logical))
		return nil
	}
	if e.pre != nil {
		return nil // already reported: a bomb, or too large
	}
	child := &frame{
		parent:  fr,
		chain:   append(fr.chain[:len(fr.chain):len(fr.chain)], e.Name),
		logical: e.Path,
		depth:   fr.depth + 1,
		crc:     e.CRC32,
		hasCRC:  true,
	}
	if l, ok := slot(fr.kind, e.Name); ok {
		child.layout = l
	} else {
		child.layout = fr.layout
	}
	if e.Method == zip.Store {
		switch {
		case reg == nil || reg.err != nil:
			var err error = errors.New("no data offset")
			if reg != nil {
				err = reg.err
			}
			w.problem(fr, e.Name, ProblemCorrupt, err)
			return nil
		case reg.overlap:
			w.problem(fr, e.Name, ProblemOverlap, fmt.Errorf("%w: bytes [%d, %d)", ErrOverlap, reg.start, reg.end))
			return nil
		}
		// Read in place: zero copy.
		child.r = io.NewSectionReader(fr.r, reg.start, reg.end-reg.start)
		child.size = reg.end - reg.start
		if fr.data != nil {
			child.data = fr.data[reg.start:reg.end]
		}
		return w.walkArchive(child)
	}
	budget := w.opts.MaxNestedInMemory - w.inMem
	if e.Size > budget {
		e.setPre(ProblemNestedTooLarge, fmt.Errorf("%w: %d bytes declared, %d of %d left", ErrNestedTooLarge, e.Size, budget, w.opts.MaxNestedInMemory))
		return nil
	}
	rc, err := e.open()
	if err != nil {
		e.fail(readProblemKind(err), err)
		return nil
	}
	r := &entryReader{e: e, rc: rc, limit: budget, overKind: ProblemNestedTooLarge, overErr: ErrNestedTooLarge}
	buf, err := readAll(r, e.sizeHint(budget))
	rc.Close()
	if err != nil {
		if _, ok := err.(Problem); ok {
			return nil // reported
		}
		return err // the context
	}
	w.inMem += int64(len(buf))
	defer func() { w.inMem -= int64(len(buf)) }()
	child.r = bytes.NewReader(buf)
	child.size = int64(len(buf))
	child.data = buf
	return w.walkArchive(child)
}

// ancestorLike returns the archive on fr's chain with this CRC-32 and size:
// the nested archive is a copy of it, which would recurse until the depth
// cap. The top archive's CRC is computed only when a size matches.
func (w *walker) ancestorLike(fr *frame, crc uint32, size int64) *frame {
	for a := fr; a != nil; a = a.parent {
		if a.size != size {
			continue
		}
		if !a.hasCRC && !a.crcErr {
			h := crc32.NewIEEE()
			if _, err := io.Copy(h, io.NewSectionReader(a.r, 0, a.size)); err != nil {
				a.crcErr = true
				continue
			}
			a.crc, a.hasCRC = h.Sum32(), true
		}
		if a.hasCRC && a.crc == crc {
			return a
		}
	}
	return nil
}

// readInternal reads up to limit bytes of f for the walker's own use (the
// manifest), counted against the total; failures yield nil and are left for
// the visitor's own read to report.
func (w *walker) readInternal(fr *frame, f *zip.File, limit int64) []byte {
	if f.UncompressedSize64 > uint64(limit) || f.Method != zip.Store && f.Method != zip.Deflate {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit))
	if err != nil || !w.charge(fr, int64(len(b))) {
		return nil
	}
	return b
}

// unsafeName says why a name is unsafe, or returns "".
func unsafeName(name string) string {
	switch {
	case name == "":
		return "empty name"
	case strings.IndexByte(name, 0) >= 0:
		return "NUL byte"
	case strings.IndexByte(name, '\\') >= 0:
		return "backslash"
	case name[0] == '/':
		return "absolute path"
	case len(name) >= 2 && name[1] == ':' && (name[0]|0x20 >= 'a' && name[0]|0x20 <= 'z'):
		return "drive letter"
	case strings.Contains(name, "!/"):
		return `contains "!/", the separator of logical paths`
	}
	for seg := range strings.SplitSeq(name, "/") {
		if seg == ".." {
			return `".." segment`
		}
	}
	return ""
}
