// Package batch scans a list of repositories: it clones each one shallowly
// into a cache, runs a scan per repository in parallel with a timeout,
// records a status per repository, and summarises them. A batch killed
// half-way resumes where it stopped; shards of a list run on different
// machines merge into what one machine would have written.
package batch

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Entry is one repository of a list.
type Entry struct {
	Line   int    // 1-based line in the list
	Raw    string // the line's repository field as written
	Source string // what git clones (a URL, or a local path with a ref), or the local directory
	Local  bool   // scan the directory in place (a local path without a ref)
	Ref    string // branch, tag or commit; "" means the default branch
	Role   string // base, module, library, private or auto; "" means detected
	// Ident names the repository (a normalised URL or an absolute path);
	// shards split the list by it, so one repository is always in one shard.
	Ident string
	Key   string // directory name of its results and its clone
	// Invalid says why the line cannot be used; the batch records it.
	Invalid string
}

// Roles a list line may give.
var listRoles = map[string]bool{"auto": true, "base": true, "module": true, "library": true, "private": true}

// scpLike matches git's user@host:path form (no scheme).
var scpLike = regexp.MustCompile(`^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:[^/\\].*$|^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:/.*$`)

// ParseList reads a repository list: one repository a line, as
// "source [ref] [role]", with "#" starting a comment. A source is a local
// directory (relative to dir) or a git URL (https, http, ssh, git, file, or
// user@host:path). With two fields, a role name in the second is the role;
// write "-" for the default branch to give a role after it. Lines that
// cannot be used are returned as invalid entries, not errors, so the batch
// records them and goes on.
func ParseList(r io.Reader, dir string) ([]Entry, error) {
	var out []Entry
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		text := sc.Text()
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if i := commentStart(text); i >= 0 {
			text = text[:i]
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		e := parseEntry(n, fields, dir)
		if e.Invalid == "" {
			id := e.Ident + "\x00" + e.Ref + "\x00" + e.Role
			if first, dup := seen[id]; dup {
				e.Invalid = fmt.Sprintf("duplicate of line %d", first)
			} else {
				seen[id] = n
			}
		}
		e.Key = entryKey(&e)
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %v", n+1, err)
	}
	return out, nil
}

// commentStart finds a "#" that starts a comment: at the start of the line
// or after white space (a URL fragment "x#y" is not a comment).
func commentStart(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return i
		}
	}
	return -1
}

func parseEntry(line int, fields []string, dir string) Entry {
	e := Entry{Line: line, Raw: fields[0]}
	switch len(fields) {
	case 1:
	case 2:
		if listRoles[fields[1]] {
			e.Role = fields[1]
		} else {
			e.Ref = fields[1]
		}
	case 3:
		e.Ref, e.Role = fields[1], fields[2]
	default:
		e.Invalid = fmt.Sprintf("%d fields: want 'source [ref] [role]'", len(fields))
		return e
	}
	if e.Ref == "-" {
		e.Ref = ""
	}
	if e.Role == "auto" {
		e.Role = ""
	}
	switch {
	case strings.HasPrefix(e.Raw, "-"):
		e.Invalid = fmt.Sprintf("%q starts with '-', which git would read as an option", e.Raw)
		return e
	case strings.HasPrefix(e.Ref, "-"):
		e.Invalid = fmt.Sprintf("ref %q starts with '-', which git would read as an option", e.Ref)
		return e
	case len(fields) == 3 && !listRoles[e.Role] && e.Role != "":
		e.Invalid = fmt.Sprintf("role %q is not one of auto, base, module, library, private", fields[2])
		return e
	case strings.ContainsAny(e.Ref, "\x00~^:?*[\\") || strings.Contains(e.Ref, ".."):
		e.Invalid = fmt.Sprintf("ref %q is not a valid git ref", e.Ref)
		return e
	}
	if u, ok := remoteURL(e.Raw); ok {
		e.Source, e.Ident = e.Raw, u
		return e
	}
	if strings.Contains(e.Raw, "://") || strings.HasPrefix(e.Raw, "ext::") || strings.Contains(e.Raw, "::") {
		e.Invalid = fmt.Sprintf("%q: unsupported URL (use https, http, ssh, git, file or user@host:path)", e.Raw)
		return e
	}
	p := e.Raw
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		e.Invalid = fmt.Sprintf("%q: %v", e.Raw, err)
		return e
	}
	st, err := os.Stat(abs)
	switch {
	case err != nil:
		e.Invalid = fmt.Sprintf("%q is neither a git URL nor an existing directory", e.Raw)
		return e
	case !st.IsDir():
		e.Invalid = fmt.Sprintf("%q is a file, not a directory or git URL", e.Raw)
		return e
	}
	e.Source, e.Ident = abs, abs
	e.Local = e.Ref == "" // with a ref, the local repository is cloned at that ref
	return e
}

// remoteURL recognises a git URL and returns its normalised identity:
// scheme and host lower-cased, no user, no trailing ".git" or "/".
func remoteURL(s string) (string, bool) {
	if scpLike.MatchString(s) && !strings.Contains(s, "://") {
		at := strings.Index(s, "@")
		colon := strings.Index(s[at:], ":") + at
		host := strings.ToLower(s[at+1 : colon])
		return "ssh://" + host + "/" + trimRepo(strings.TrimPrefix(s[colon+1:], "/")), true
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "https", "http", "ssh", "git":
		if u.Host == "" || strings.HasPrefix(u.Host, "-") {
			return "", false
		}
		return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Hostname()) + portOf(u) + "/" + trimRepo(strings.TrimPrefix(u.Path, "/")), true
	case "file":
		if u.Path == "" {
			return "", false
		}
		return "file://" + trimRepo(filepath.Clean(u.Path)), true
	}
	return "", false
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return ":" + p
	}
	return ""
}

func trimRepo(p string) string {
	p = strings.TrimRight(p, "/")
	return strings.TrimSuffix(p, ".git")
}

// entryKey names a repository's result directory: readable (the last two
// path segments) and unique (a digest of what makes the entry).
func entryKey(e *Entry) string {
	id := e.Ident
	if e.Invalid != "" || id == "" { // a duplicate must not share its original's directory
		id = fmt.Sprintf("line-%d:%s", e.Line, e.Raw)
	}
	sum := sha256.Sum256([]byte(id + "\x00" + e.Ref + "\x00" + e.Role))
	segs := strings.FieldsFunc(id, func(r rune) bool { return r == '/' || r == '\\' || r == ':' })
	if len(segs) > 2 {
		segs = segs[len(segs)-2:]
	}
	name := strings.Join(segs, "-")
	if e.Invalid != "" || e.Ident == "" {
		name = fmt.Sprintf("line-%d", e.Line)
	}
	if e.Ref != "" {
		name += "@" + e.Ref
	}
	if e.Role != "" {
		name += "." + e.Role
	}
	return slug(name) + "-" + hex.EncodeToString(sum[:4])
}

// slug keeps a name safe as one directory name and an HTML id: letters,
// digits and "-_.@", no "..", no leading or trailing dot (ValidKey checks
// the same when a key is read back).
func slug(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == '.' && prev == '.':
			continue
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == '@':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		prev = r
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.Trim(b.String(), ".")
	if out == "" {
		out = "repo"
	}
	return out
}
