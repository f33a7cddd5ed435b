// Package slim reads a Koupleless module's slimming configuration the way
// sofa-ark-maven-plugin applies it, puts the module's dependencies beside
// what its base provides, and says for each one whether it is packaged into
// the ark-biz or left to the base, and what that will do at run time.
//
// The configuration comes from the plugin's <configuration> (excludes,
// excludeGroupIds, excludeArtifactIds, declaredMode,
// baseDependencyParentIdentity, packExcludesConfig), from
// conf/ark/bootstrap.properties or conf/ark/bootstrap.yml (or the file
// packExcludesConfig names under conf/ark/), and from provided scope.
// Patterns may end in "*" to match a prefix, as the plugin does. A malformed
// or unknown entry is a notification naming its file and line; it never
// stops the reading.
package slim

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/kscan/kscan/scanner/deps"
)

// Setting names of the plugin and of the conf/ark files.
const (
	KeyExcludes           = "excludes"
	KeyExcludeGroupIDs    = "excludeGroupIds"
	KeyExcludeArtifactIDs = "excludeArtifactIds"
	KeyDeclaredMode       = "declaredMode"
	KeyParentIdentity     = "baseDependencyParentIdentity"
	KeyPackExcludesConfig = "packExcludesConfig"
)

// Note is a notification about an input.
type Note = deps.Notification

// NoteKind is the notification kind of a slimming configuration problem.
const NoteKind = "slim-config"

// Pattern is one exclude entry: where it is written and what it matches.
type Pattern struct {
	Key   string // KeyExcludes, KeyExcludeGroupIDs or KeyExcludeArtifactIDs
	Value string
	File  string
	Line  int
	// MatchesAll is set for a pattern that removes every dependency ("*",
	// "*:*"): a configuration mistake, reported once, not per dependency.
	MatchesAll bool
	// Exact: the value is compared as written, with no '*' wildcard (the
	// Gradle plugin's exclude rules).
	Exact bool
}

// Where is "file:line key value", the form messages name a pattern in.
func (p Pattern) Where() string {
	return fmt.Sprintf("%s:%d %s %s", p.File, p.Line, p.Key, p.Value)
}

// Config is a module's slimming configuration, merged from every source.
type Config struct {
	Patterns []Pattern
	// DeclaredMode: the module may only leave to the base what it declares
	// itself (a transitive dependency is packaged even when excluded).
	DeclaredMode   bool
	DeclaredModeAt string // file:line
	// ParentIdentity is baseDependencyParentIdentity: the plugin leaves out
	// every dependency whose version equals the base's (auto-slimming).
	ParentIdentity   string
	ParentIdentityAt string
	// PackExcludesConfig is the conf/ark file name the plugin reads instead
	// of bootstrap.properties / bootstrap.yml.
	PackExcludesConfig   string
	PackExcludesConfigAt string
	// Files lists every file that contributed, in reading order.
	Files []string
	// Unread names the slimming settings read only in part ("file:line
	// key": a value kscan cannot evaluate): what they leave to the base is
	// unknown, so no dependency is judged packaged for sure.
	Unread []string
}

// Merge appends o's settings to c (later sources add patterns; a later
// scalar setting wins).
func (c *Config) Merge(o Config) {
	c.Patterns = append(c.Patterns, o.Patterns...)
	if o.DeclaredModeAt != "" {
		c.DeclaredMode, c.DeclaredModeAt = o.DeclaredMode, o.DeclaredModeAt
	}
	if o.ParentIdentityAt != "" {
		c.ParentIdentity, c.ParentIdentityAt = o.ParentIdentity, o.ParentIdentityAt
	}
	if o.PackExcludesConfigAt != "" {
		c.PackExcludesConfig, c.PackExcludesConfigAt = o.PackExcludesConfig, o.PackExcludesConfigAt
	}
	c.Files = append(c.Files, o.Files...)
	c.Unread = append(c.Unread, o.Unread...)
}

// Match returns the first pattern that leaves coordinate g:a(:classifier)
// to the base, nil when none does. Order: excludes, then group ids, then
// artifact ids, as the plugin checks them.
func (c *Config) Match(g, a, classifier string) *Pattern {
	for _, key := range []string{KeyExcludes, KeyExcludeGroupIDs, KeyExcludeArtifactIDs} {
		for i := range c.Patterns {
			p := &c.Patterns[i]
			if p.Key != key {
				continue
			}
			if p.Exact && matchExact(p.Key, p.Value, g, a) || !p.Exact && matchPattern(p.Key, p.Value, g, a, classifier) {
				return p
			}
		}
	}
	return nil
}

func matchPattern(key, value, g, a, classifier string) bool {
	switch key {
	case KeyExcludeGroupIDs:
		return glob(value, g)
	case KeyExcludeArtifactIDs:
		return glob(value, a)
	}
	parts := strings.Split(value, ":")
	if len(parts) < 2 {
		return false
	}
	return glob(parts[0], g) && glob(parts[1], a) && (len(parts) < 3 || glob(parts[2], classifier))
}

// matchExact matches as a Gradle exclude rule does: whole names.
func matchExact(key, value, g, a string) bool {
	switch key {
	case KeyExcludeGroupIDs:
		return value == g
	case KeyExcludeArtifactIDs:
		return value == a
	}
	return value == g+":"+a
}

// glob matches exactly, or a prefix when the pattern ends in "*".
func glob(pattern, s string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(s, p)
	}
	return pattern == s
}

// note builds a slimming notification.
func note(file string, line int, level deps.Level, format string, args ...any) deps.Notification {
	return deps.Notification{File: file, Line: line, Kind: NoteKind, Level: level, Message: fmt.Sprintf(format, args...)}
}

// addValues checks and records the comma-separated values of one list
// setting.
func (c *Config) addValues(file string, line int, key, raw string, notes *[]deps.Notification) {
	for _, v := range strings.Split(raw, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		p := Pattern{Key: key, Value: v, File: file, Line: line}
		if msg := checkPattern(key, v); msg != "" {
			*notes = append(*notes, note(file, line, deps.LevelWarning, "%s %q: %s; entry ignored", key, v, msg))
			continue
		}
		if matchesAll(key, v) {
			p.MatchesAll = true
			*notes = append(*notes, note(file, line, deps.LevelError, "%s %q matches every dependency: the module would package nothing of its own libraries; narrow it (findings are not raised per dependency for it)", key, v))
		}
		c.Patterns = append(c.Patterns, p)
	}
}

// checkPattern returns what is wrong with a pattern, "" when it is usable.
func checkPattern(key, v string) string {
	if strings.ContainsAny(v, " \t\"'<>") {
		return "contains a space, quote or markup"
	}
	segs := []string{v}
	if key == KeyExcludes {
		segs = strings.Split(v, ":")
		if len(segs) < 2 || len(segs) > 3 {
			return "expected groupId:artifactId or groupId:artifactId:classifier"
		}
	}
	for _, s := range segs {
		if s == "" {
			return "has an empty part"
		}
		if i := strings.IndexByte(s, '*'); i >= 0 && i != len(s)-1 {
			return "'*' is only a suffix wildcard; this part can never match as written"
		}
	}
	return ""
}

func matchesAll(key, v string) bool {
	if key == KeyExcludes {
		parts := strings.Split(v, ":")
		return parts[0] == "*" && parts[1] == "*"
	}
	return v == "*"
}

// applyScalar records a scalar setting; it reports whether key is one.
func (c *Config) applyScalar(file string, line int, key, val string, notes *[]deps.Notification) bool {
	at := fmt.Sprintf("%s:%d", file, line)
	switch key {
	case KeyDeclaredMode:
		switch strings.ToLower(val) {
		case "true", "false":
			c.DeclaredMode, c.DeclaredModeAt = strings.EqualFold(val, "true"), at
		default:
			*notes = append(*notes, note(file, line, deps.LevelWarning, "declaredMode %q is not true or false; ignored", val))
		}
	case KeyParentIdentity:
		if val == "" || strings.Count(val, ":") > 2 {
			*notes = append(*notes, note(file, line, deps.LevelWarning, "baseDependencyParentIdentity %q is not groupId:artifactId[:version]; ignored", val))
			return true
		}
		c.ParentIdentity, c.ParentIdentityAt = val, at
	case KeyPackExcludesConfig:
		if val == "" || strings.ContainsAny(val, `/\`) || strings.HasPrefix(val, ".") {
			*notes = append(*notes, note(file, line, deps.LevelWarning, "packExcludesConfig %q must be a file name under conf/ark/; ignored", val))
			return true
		}
		c.PackExcludesConfig, c.PackExcludesConfigAt = val, at
	default:
		return false
	}
	return true
}

// apply records one key/value of a conf/ark file.
func (c *Config) apply(file string, line int, key, val string, notes *[]deps.Notification) {
	switch key {
	case KeyExcludes, KeyExcludeGroupIDs, KeyExcludeArtifactIDs:
		c.addValues(file, line, key, val, notes)
		return
	}
	if c.applyScalar(file, line, key, val, notes) {
		return
	}
	// conf/ark/bootstrap.properties also holds runtime settings; only a
	// key that looks like a misspelt slimming key is worth a word.
	if k := strings.ToLower(key); strings.Contains(k, "exclude") || k == "declaredmode" {
		*notes = append(*notes, note(file, line, deps.LevelWarning, "unknown slimming key %q (the plugin reads excludes, excludeGroupIds, excludeArtifactIds, declaredMode); ignored", key))
	}
}

// ParseProperties reads conf/ark/bootstrap.properties (Java properties:
// "key=value" or "key: value", '#'/'!' comments, backslash continuations;
// list values comma-separated).
func ParseProperties(file string, data []byte) (Config, []deps.Notification) {
	c := Config{Files: []string{file}}
	var notes []deps.Notification
	line, err := deps.PropertyLines(data, func(start int, text string) {
		i := strings.IndexAny(text, "=:")
		if i < 0 {
			if strings.Contains(strings.ToLower(text), "exclude") {
				notes = append(notes, note(file, start, deps.LevelWarning, "line %q has no '=' or ':'; ignored", text))
			}
			return
		}
		c.apply(file, start, strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:]), &notes)
	})
	if err != nil {
		notes = append(notes, note(file, line+1, deps.LevelError, "cannot read further: %v", err))
	}
	return c, notes
}

// ParseYAML reads conf/ark/bootstrap.yml: top-level keys with a scalar
// (comma-separated for lists), a flow list "[a, b]" or a block list of
// "- item" lines. Nested mappings belong to runtime settings and are
// skipped.
func ParseYAML(file string, data []byte) (Config, []deps.Notification) {
	c := Config{Files: []string{file}}
	var notes []deps.Notification
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	listKey := "" // the list key whose "- item" lines follow
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		text := strings.TrimSpace(stripYAMLComment(raw))
		if text == "" || text == "---" {
			continue
		}
		indented := raw[0] == ' ' || raw[0] == '\t'
		if strings.HasPrefix(text, "- ") || text == "-" {
			item := unquote(strings.TrimSpace(strings.TrimPrefix(text, "-")))
			switch {
			case listKey == "":
			case item == "":
				notes = append(notes, note(file, line, deps.LevelWarning, "empty list item under %s; ignored", listKey))
			default:
				c.apply(file, line, listKey, item, &notes)
			}
			continue
		}
		if indented {
			continue // a nested mapping of another setting
		}
		listKey = ""
		i := strings.IndexByte(text, ':')
		if i < 0 {
			notes = append(notes, note(file, line, deps.LevelWarning, "line %q is not \"key: value\"; ignored", text))
			continue
		}
		key, val := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:])
		switch {
		case val == "":
			listKey = key
		case strings.HasPrefix(val, "["):
			if !strings.HasSuffix(val, "]") {
				notes = append(notes, note(file, line, deps.LevelWarning, "%s: unterminated flow list %q; ignored", key, val))
				continue
			}
			var items []string
			for _, it := range strings.Split(val[1:len(val)-1], ",") {
				items = append(items, unquote(strings.TrimSpace(it)))
			}
			c.apply(file, line, key, strings.Join(items, ","), &notes)
		default:
			c.apply(file, line, key, unquote(val), &notes)
		}
	}
	if err := sc.Err(); err != nil {
		notes = append(notes, note(file, line+1, deps.LevelError, "cannot read further: %v", err))
	}
	return c, notes
}

// stripYAMLComment drops a " #" comment outside quotes.
func stripYAMLComment(s string) string {
	var q byte
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case q != 0:
			if ch == q {
				q = 0
			}
		case ch == '"' || ch == '\'':
			q = ch
		case ch == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return s[:i]
		}
	}
	return s
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// FromPlugin reads the slimming settings of a sofa-ark-maven-plugin element
// (values already interpolated by the caller when it can).
func FromPlugin(file string, pl deps.Plugin) (Config, []deps.Notification) {
	c := Config{Files: []string{file}}
	var notes []deps.Notification
	for _, key := range []string{KeyExcludes, KeyExcludeGroupIDs, KeyExcludeArtifactIDs} {
		for _, v := range pl.Config[key] {
			c.addValues(file, v.Line, key, v.Value, &notes)
		}
	}
	for _, key := range []string{KeyDeclaredMode, KeyParentIdentity, KeyPackExcludesConfig} {
		if vs := pl.Config[key]; len(vs) > 0 {
			v := vs[len(vs)-1]
			c.applyScalar(file, v.Line, key, strings.TrimSpace(v.Value), &notes)
		}
	}
	return c, notes
}
