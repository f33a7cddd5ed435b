// Package gitdiff finds the lines changed since a git revision, so a scan
// can report only what a change introduced. Load runs git; Parse reads the
// patch it prints and is separate so it can be tested and fuzzed without a
// repository.
package gate

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Range is a run of lines on the new side of a diff, 1-based, inclusive.
type Range struct {
	Start, End int
}

// FileDiff is one file's section of a patch.
type FileDiff struct {
	OldPath string // "" for an added file
	NewPath string // "" for a deleted file
	Copy    bool   // NewPath is a copy of OldPath, which still exists
	Binary  bool   // no line information: the whole file changed
	// Ranges are the new-side lines added or changed, in patch order. A
	// hunk that only deletes lines adds nothing here.
	Ranges []Range
}

// Parse reads the output of
//
//	git -c core.quotePath=false diff --unified=0 --no-color -M --src-prefix=a/ --dst-prefix=b/
//
// Paths come from the "rename", "---" and "+++" lines where they are
// unambiguous, and from the "diff --git" line otherwise (binary files and
// mode changes have nothing else). Quoted paths are unquoted. Hunk bodies
// are skipped by their line counts, so a removed line that reads "--- x"
// is never taken for a header.
func ParseDiff(patch []byte) ([]FileDiff, error) {
	var (
		out              []FileDiff
		cur              *FileDiff
		hdrOld, hdrNew   string // from the "diff --git" line
		added, deleted   bool
		oldLeft, newLeft int // hunk body lines still to come
	)
	finish := func() {
		if cur == nil {
			return
		}
		if cur.OldPath == "" && !added {
			cur.OldPath = hdrOld
		}
		if cur.NewPath == "" && !deleted {
			cur.NewPath = hdrNew
		}
		if added {
			cur.OldPath = ""
		}
		if deleted {
			cur.NewPath = ""
		}
		if cur.OldPath != "" || cur.NewPath != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	for n, line := range splitLines(patch) {
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(line, `\`): // "\ No newline at end of file"
				continue
			case strings.HasPrefix(line, "-"):
				oldLeft--
			case strings.HasPrefix(line, "+"):
				newLeft--
			case strings.HasPrefix(line, " "), line == "": // diff.suppressBlankEmpty drops the space
				oldLeft--
				newLeft--
			default:
				return nil, fmt.Errorf("patch line %d: hunk ends early", n+1)
			}
			if oldLeft < 0 || newLeft < 0 {
				return nil, fmt.Errorf("patch line %d: more lines than the hunk header counts", n+1)
			}
			continue
		}
		if rest, ok := strings.CutPrefix(line, "diff --git "); ok {
			finish()
			cur = &FileDiff{}
			added, deleted = false, false
			hdrOld, hdrNew = headerPaths(rest)
			continue
		}
		if cur == nil {
			continue // anything before the first file section
		}
		var err error
		switch {
		case strings.HasPrefix(line, "@@ "):
			var r Range
			var ok bool
			r, oldLeft, newLeft, ok, err = parseHunk(line)
			if err != nil {
				return nil, fmt.Errorf("patch line %d: %v", n+1, err)
			}
			if ok {
				cur.Ranges = append(cur.Ranges, r)
			}
		case strings.HasPrefix(line, "rename from "):
			cur.OldPath, err = pathArg(line[len("rename from "):], "")
		case strings.HasPrefix(line, "rename to "):
			cur.NewPath, err = pathArg(line[len("rename to "):], "")
		case strings.HasPrefix(line, "copy from "):
			cur.OldPath, err = pathArg(line[len("copy from "):], "")
			cur.Copy = true
		case strings.HasPrefix(line, "copy to "):
			cur.NewPath, err = pathArg(line[len("copy to "):], "")
			cur.Copy = true
		case strings.HasPrefix(line, "new file mode "):
			added = true
		case strings.HasPrefix(line, "deleted file mode "):
			deleted = true
		case strings.HasPrefix(line, "--- "):
			if p := line[4:]; p == "/dev/null" {
				added = true
			} else if cur.OldPath == "" {
				cur.OldPath, err = pathArg(p, "a/")
			}
		case strings.HasPrefix(line, "+++ "):
			if p := line[4:]; p == "/dev/null" {
				deleted = true
			} else {
				cur.NewPath, err = pathArg(p, "b/")
			}
		case strings.HasPrefix(line, "Binary files "), line == "GIT binary patch":
			cur.Binary = true
		}
		if err != nil {
			return nil, fmt.Errorf("patch line %d: %v", n+1, err)
		}
	}
	if oldLeft > 0 || newLeft > 0 {
		return nil, errors.New("patch ends inside a hunk")
	}
	finish()
	return out, nil
}

func splitLines(b []byte) []string {
	b = bytes.TrimSuffix(b, []byte("\n"))
	if len(b) == 0 {
		return nil
	}
	return strings.Split(string(b), "\n")
}

// parseHunk reads "@@ -a[,b] +c[,d] @@ ...": the new-side range (ok is
// false when the hunk only deletes) and the number of old and new lines
// in its body.
func parseHunk(line string) (r Range, oldN, newN int, ok bool, err error) {
	f := strings.Fields(line)
	if len(f) < 4 || f[3] != "@@" || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return r, 0, 0, false, fmt.Errorf("bad hunk header %q", line)
	}
	_, oldN, err = hunkSide(f[1][1:])
	if err != nil {
		return r, 0, 0, false, fmt.Errorf("bad hunk header %q: %v", line, err)
	}
	start, newN, err := hunkSide(f[2][1:])
	if err != nil {
		return r, 0, 0, false, fmt.Errorf("bad hunk header %q: %v", line, err)
	}
	if newN == 0 {
		return r, oldN, newN, false, nil
	}
	if start < 1 {
		return r, 0, 0, false, fmt.Errorf("bad hunk header %q: new lines start at %d", line, start)
	}
	return Range{Start: start, End: start + newN - 1}, oldN, newN, true, nil
}

// hunkSide reads "start[,count]"; the count defaults to 1.
func hunkSide(s string) (start, count int, err error) {
	a, b, hasCount := strings.Cut(s, ",")
	if start, err = lineNumber(a); err != nil {
		return 0, 0, err
	}
	count = 1
	if hasCount {
		if count, err = lineNumber(b); err != nil {
			return 0, 0, err
		}
	}
	return start, count, nil
}

// lineNumber parses a non-negative decimal below 2^31, so start+count
// cannot overflow.
func lineNumber(s string) (int, error) {
	n, err := strconv.ParseUint(s, 10, 31)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return int(n), nil
}

// pathArg reads a path as git writes it after "---", "+++", "rename
// from" and the like: C-quoted when it holds special characters, else
// raw, with a tab after it when it contains a space. prefix ("a/", "b/")
// is removed.
func pathArg(s, prefix string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		p, rest, err := unquote(s)
		if err != nil {
			return "", err
		}
		if rest != "" && rest != "\t" {
			return "", fmt.Errorf("text after quoted path %q", s)
		}
		s = p
	} else {
		s = strings.TrimSuffix(s, "\t")
	}
	if prefix != "" {
		p, ok := strings.CutPrefix(s, prefix)
		if !ok {
			return "", fmt.Errorf("path %q lacks the %q prefix", s, prefix)
		}
		s = p
	}
	if s == "" {
		return "", errors.New("empty path")
	}
	return s, nil
}

// headerPaths reads the two paths of a "diff --git a/X b/Y" line. Without
// quotes the split is ambiguous when names contain " b/"; the line is
// then read as the same name twice, which holds for every section that
// has no rename or copy lines to say otherwise.
func headerPaths(rest string) (oldPath, newPath string) {
	if strings.HasPrefix(rest, `"`) {
		a, tail, err := unquote(rest)
		if err != nil || !strings.HasPrefix(tail, " ") {
			return "", ""
		}
		b, err := headerSecond(tail[1:])
		if err != nil {
			return "", ""
		}
		return strings.TrimPrefix(a, "a/"), strings.TrimPrefix(b, "b/")
	}
	if strings.HasSuffix(rest, `"`) {
		for i := strings.Index(rest, ` "`); i >= 0; {
			if b, err := headerSecond(rest[i+1:]); err == nil {
				return strings.TrimPrefix(rest[:i], "a/"), strings.TrimPrefix(b, "b/")
			}
			j := strings.Index(rest[i+1:], ` "`)
			if j < 0 {
				break
			}
			i += 1 + j
		}
		return "", ""
	}
	if len(rest)%2 == 1 {
		half := (len(rest) - 1) / 2
		a, b := rest[:half], rest[half+1:]
		if rest[half] == ' ' && strings.HasPrefix(a, "a/") && strings.HasPrefix(b, "b/") && a[2:] == b[2:] {
			return a[2:], b[2:]
		}
	}
	if i := strings.Index(rest, " b/"); i >= 0 && strings.HasPrefix(rest, "a/") {
		return rest[2:i], rest[i+3:]
	}
	return "", ""
}

// headerSecond reads the last path of a "diff --git" line, quoted or not.
func headerSecond(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	p, tail, err := unquote(s)
	if err != nil {
		return "", err
	}
	if tail != "" {
		return "", errors.New("text after the second path")
	}
	return p, nil
}

// unquote reads a C-style quoted string as git writes it (quote_c_style:
// \a \b \t \n \v \f \r \" \\ and three-digit octal escapes for other
// bytes) and returns it with the text after the closing quote.
func unquote(s string) (string, string, error) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", errors.New("not a quoted string")
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
			i++
			if i >= len(s) {
				return "", "", errors.New("unterminated escape")
			}
			switch e := s[i]; e {
			case 'a':
				b.WriteByte('\a')
			case 'b':
				b.WriteByte('\b')
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'v':
				b.WriteByte('\v')
			case 'f':
				b.WriteByte('\f')
			case 'r':
				b.WriteByte('\r')
			case '"', '\\':
				b.WriteByte(e)
			case '0', '1', '2', '3':
				if i+2 >= len(s) || !isOctal(s[i+1]) || !isOctal(s[i+2]) {
					return "", "", fmt.Errorf("bad octal escape in %q", s)
				}
				b.WriteByte((e-'0')<<6 | (s[i+1]-'0')<<3 | (s[i+2] - '0'))
				i += 2
			default:
				return "", "", fmt.Errorf("unknown escape \\%c in %q", e, s)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("unterminated quoted path %q", s)
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }
