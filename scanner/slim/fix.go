package slim

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
)

// Edit is a new content for one file of the module.
type Edit struct {
	Path     string // slash path as the plan names it
	Old, New []byte
	Changes  []string // what changed, for people
}

// Fix turns a plan's actions into edits of the file the module already
// uses for slimming: conf/ark/bootstrap.properties (created when the
// module has no slimming configuration at all), or the pom when the
// configuration lives there. skipped says what could not be written, and
// why.
func Fix(pl *Plan, read ReadFunc) (edits []Edit, skipped []string, err error) {
	if pl.ModuleKind != KindTree {
		return nil, nil, fmt.Errorf("%s is a %s: fix the module's source tree, not its build output", pl.Module, pl.ModuleKind)
	}
	leave, narrow := actions(pl)
	if len(leave) == 0 && len(narrow) == 0 {
		return nil, nil, nil
	}
	if IsGradleScript(pl.Pom) {
		// The Gradle plugin reads only arkConfig in the build script, which
		// is a program: the plan is printed, not written.
		return nil, []string{fmt.Sprintf("%s: a Gradle build; apply the plan to its arkConfig by hand (kscan slim prints it)", pl.Pom)}, nil
	}
	patternInPom := false
	for _, n := range narrow {
		patternInPom = patternInPom || n.pattern.File == pl.Pom
	}
	conf := pl.ConfFile
	if conf == "" && !patternInPom && !pomConfigured(pl) {
		conf = path.Join(path.Dir(pl.Pom), "conf/ark/bootstrap.properties")
	}
	if conf != "" && !patternInPom && strings.HasSuffix(conf, ".properties") {
		old, err := read(conf)
		if err != nil {
			old = nil // a new file
		}
		nw, changes := fixProperties(old, leave, narrow)
		return []Edit{{Path: conf, Old: old, New: nw, Changes: changes}}, nil, nil
	}
	if conf != "" && !patternInPom {
		return nil, []string{fmt.Sprintf("%s: only bootstrap.properties files are edited; apply the plan by hand", conf)}, nil
	}
	old, err := read(pl.Pom)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", pl.Pom, err)
	}
	nw, changes, skipped := fixPom(pl, old, leave, narrow)
	return []Edit{{Path: pl.Pom, Old: old, New: nw, Changes: changes}}, skipped, nil
}

// pomConfigured reports a module whose patterns are all in its pom.
func pomConfigured(pl *Plan) bool {
	for _, e := range pl.Entries {
		if e.Pattern != nil && e.Pattern.File == pl.Pom {
			return true
		}
	}
	return false
}

// narrowing replaces one pattern by the exact artifacts it should leave to
// the base.
type narrowing struct {
	pattern Pattern
	keep    []string // g:a the pattern matched that the base provides
	drop    []string // g:a the base lacks (to be packaged)
}

func actions(pl *Plan) (leave []string, narrow []narrowing) {
	byPat := map[Pattern]*narrowing{}
	var order []Pattern
	for _, e := range pl.Entries {
		if e.Action == ActionPackage && e.Pattern != nil {
			if byPat[*e.Pattern] == nil {
				byPat[*e.Pattern] = &narrowing{pattern: *e.Pattern}
				order = append(order, *e.Pattern)
			}
			byPat[*e.Pattern].drop = append(byPat[*e.Pattern].drop, e.Key)
		}
	}
	for _, e := range pl.Entries {
		switch {
		case e.Action == ActionLeave:
			leave = append(leave, e.Key)
		case e.Pattern != nil && byPat[*e.Pattern] != nil && e.Action != ActionPackage:
			byPat[*e.Pattern].keep = append(byPat[*e.Pattern].keep, e.Key)
		}
	}
	for _, p := range order {
		narrow = append(narrow, *byPat[p])
	}
	sort.Strings(leave)
	return leave, narrow
}

// propLine is one logical line of a properties file.
type propLine struct {
	start, end int // 0-based physical lines, inclusive
	key, val   string
}

func logicalLines(lines []string) []propLine {
	var out []propLine
	for i := 0; i < len(lines); i++ {
		start := i
		text := strings.TrimSpace(lines[i])
		for strings.HasSuffix(text, `\`) && i+1 < len(lines) {
			i++
			text = strings.TrimSuffix(text, `\`) + strings.TrimSpace(lines[i])
		}
		if text == "" || text[0] == '#' || text[0] == '!' {
			continue
		}
		j := strings.IndexAny(text, "=:")
		if j < 0 {
			continue
		}
		out = append(out, propLine{start: start, end: i, key: strings.TrimSpace(text[:j]), val: strings.TrimSpace(text[j+1:])})
	}
	return out
}

// fixProperties edits a bootstrap.properties: each narrowed pattern leaves
// its line (commented out when it was the only value), and the exact
// artifacts join excludes=. Other lines and comments stay as they were.
func fixProperties(old []byte, leave []string, narrow []narrowing) ([]byte, []string) {
	text := string(old)
	lines := strings.Split(text, "\n")
	trailing := strings.HasSuffix(text, "\n")
	if trailing || text == "" {
		lines = lines[:len(lines)-1]
	}
	var changes []string
	add := append([]string(nil), leave...)
	replace := map[int][]string{} // physical start line -> new lines (nil: drop)
	dropped := map[int]bool{}
	logical := logicalLines(lines)
	for _, n := range narrow {
		for _, pl := range logical {
			if pl.start+1 != n.pattern.Line || pl.key != n.pattern.Key {
				continue
			}
			var rest []string
			for _, v := range strings.Split(pl.val, ",") {
				if v = strings.TrimSpace(v); v != "" && v != n.pattern.Value {
					rest = append(rest, v)
				}
			}
			var nl []string
			if len(rest) == 0 {
				nl = []string{fmt.Sprintf("# %s=%s narrowed: the base lacks %s", pl.key, n.pattern.Value, strings.Join(n.drop, ", "))}
			} else {
				nl = []string{pl.key + "=" + strings.Join(rest, ",")}
			}
			// a logical line read again after an earlier edit keeps it
			if prev, ok := replace[pl.start]; ok && len(prev) == 1 && !strings.HasPrefix(prev[0], "#") {
				var again []string
				for _, v := range strings.Split(strings.TrimPrefix(prev[0], pl.key+"="), ",") {
					if v != n.pattern.Value {
						again = append(again, v)
					}
				}
				nl = []string{pl.key + "=" + strings.Join(again, ",")}
			}
			replace[pl.start] = nl
			for k := pl.start + 1; k <= pl.end; k++ {
				dropped[k] = true
			}
			changes = append(changes, fmt.Sprintf("%s %s removed: it also left out %s, which the base lacks", n.pattern.Key, n.pattern.Value, strings.Join(n.drop, ", ")))
			add = append(add, n.keep...)
		}
	}
	add = dedupe(add)
	if len(add) > 0 {
		done := false
		for _, pl := range logical {
			if pl.key != KeyExcludes || done {
				continue
			}
			cur := pl.val
			if r, ok := replace[pl.start]; ok && len(r) == 1 && !strings.HasPrefix(r[0], "#") {
				cur = strings.TrimPrefix(r[0], pl.key+"=")
			}
			vals := []string{}
			if strings.TrimSpace(cur) != "" {
				vals = strings.Split(cur, ",")
			}
			replace[pl.start] = []string{KeyExcludes + "=" + strings.Join(dedupe(append(vals, add...)), ",")}
			for k := pl.start + 1; k <= pl.end; k++ {
				dropped[k] = true
			}
			done = true
		}
		if !done {
			lines = append(lines, "# left to the base, which provides the same versions (kscan slim)", KeyExcludes+"="+strings.Join(add, ","))
		}
		changes = append(changes, "excludes += "+strings.Join(add, ","))
	}
	var b bytes.Buffer
	for i, l := range lines {
		if dropped[i] {
			continue
		}
		if r, ok := replace[i]; ok {
			for _, x := range r {
				b.WriteString(x)
				b.WriteByte('\n')
			}
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.Bytes(), changes
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

var closeDep = regexp.MustCompile(`^(\s*)</dependency>`)

// fixPom edits the module pom: a narrowed pattern leaves its element, and
// every artifact to leave to the base that the pom declares gets
// <scope>provided</scope>.
func fixPom(pl *Plan, old []byte, leave []string, narrow []narrowing) ([]byte, []string, []string) {
	lines := strings.Split(string(old), "\n")
	var changes, skipped []string
	want := append([]string(nil), leave...)
	for _, n := range narrow {
		if n.pattern.File != pl.Pom || n.pattern.Line < 1 || n.pattern.Line > len(lines) {
			skipped = append(skipped, fmt.Sprintf("%s: narrow it by hand: it also left out %s", n.pattern.Where(), strings.Join(n.drop, ", ")))
			continue
		}
		i := n.pattern.Line - 1
		l := lines[i]
		switch nl, ok := removeListValue(l, n.pattern.Value); {
		case ok && strings.TrimSpace(stripTags(nl)) == "" && strings.Count(nl, "<") == 2:
			lines[i] = "\x00" // the element held only this value
		case ok:
			lines[i] = nl
		default:
			skipped = append(skipped, fmt.Sprintf("%s: not found as written on its line; narrow it by hand", n.pattern.Where()))
			continue
		}
		changes = append(changes, fmt.Sprintf("%s %s removed: it also left out %s, which the base lacks", n.pattern.Key, n.pattern.Value, strings.Join(n.drop, ", ")))
		want = append(want, n.keep...)
	}
	where := map[string]int{}
	scope := map[string]string{}
	for _, e := range pl.Entries {
		if f, l := splitAt(e.Where); f == pl.Pom && l > 0 {
			where[e.Key], scope[e.Key] = l, e.Scope
		}
	}
	for _, key := range dedupe(want) {
		l, ok := where[key]
		if !ok {
			skipped = append(skipped, fmt.Sprintf("%s is not declared in %s: add it to excludes by hand", key, pl.Pom))
			continue
		}
		if scope[key] == "provided" {
			continue
		}
		done := false
		for i := l - 1; i < len(lines) && i < l+40; i++ {
			if m := closeDep.FindStringSubmatch(lines[i]); m != nil {
				indent := m[1] + "  "
				if i > 0 {
					if m2 := regexp.MustCompile(`^(\s*)<`).FindStringSubmatch(lines[i-1]); m2 != nil && len(m2[1]) > len(m[1]) {
						indent = m2[1]
					}
				}
				lines[i] = indent + "<scope>provided</scope>\n" + lines[i]
				done = true
				break
			}
			if strings.Contains(lines[i], "<scope>") && i >= l-1 {
				break
			}
		}
		if !done {
			skipped = append(skipped, fmt.Sprintf("%s:%d %s: no </dependency> found or a scope is set; set <scope>provided</scope> by hand", pl.Pom, l, key))
			continue
		}
		changes = append(changes, fmt.Sprintf("%s:%d %s: scope provided", pl.Pom, l, key))
	}
	dropEmptied(lines)
	var out []string
	for _, l := range lines {
		if l != "\x00" {
			out = append(out, l)
		}
	}
	return []byte(strings.Join(out, "\n")), changes, skipped
}

// patternLists are the plugin's list elements whose children are patterns.
var patternLists = []string{"excludeGroupIds", "excludeArtifactIds", "excludes"}

// dropEmptied marks for removal ("\x00") a pattern list element whose
// last child the fix removed, so no empty <excludeGroupIds> is left
// behind. An element that was empty before the fix is the module's own
// business and stays.
func dropEmptied(lines []string) {
	for _, name := range patternLists {
		open, close := "<"+name+">", "</"+name+">"
		for i := 0; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) != open {
				continue
			}
			removed, empty, j := false, true, i+1
			for ; j < len(lines); j++ {
				t := strings.TrimSpace(lines[j])
				if t == close {
					break
				}
				switch {
				case lines[j] == "\x00":
					removed = true
				case t != "":
					empty = false
				}
			}
			if j == len(lines) || !removed || !empty {
				continue
			}
			for k := i; k <= j; k++ {
				lines[k] = "\x00"
			}
			i = j
		}
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string { return tagRE.ReplaceAllString(s, "") }

// removeListValue removes one value from an element's text on a line
// ("<x>a,b</x>" or "<x>a</x>").
func removeListValue(line, v string) (string, bool) {
	open := strings.IndexByte(line, '>')
	close := strings.LastIndex(line, "</")
	if open < 0 || close <= open {
		return line, false
	}
	var kept []string
	found := false
	for _, p := range strings.Split(line[open+1:close], ",") {
		if strings.TrimSpace(p) == v && !found {
			found = true
			continue
		}
		kept = append(kept, strings.TrimSpace(p))
	}
	if !found {
		return line, false
	}
	return line[:open+1] + strings.Join(kept, ",") + line[close:], true
}

// WriteEdit writes an edit under root (the module tree the plan was made
// from): only a regular file, or a new one, whose real path is inside
// root; through a temporary file renamed over it.
func WriteEdit(root string, e Edit) error {
	abs := filepath.Join(root, filepath.FromSlash(e.Path))
	if st, err := os.Lstat(abs); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; not written", e.Path)
	}
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if ok, err := safefs.Within(root, dir); err != nil || !ok {
		return fmt.Errorf("%s: outside %s; not written", e.Path, root)
	}
	tmp, err := os.CreateTemp(dir, ".kscan-fix-*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(e.New); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(abs); err == nil {
		mode = st.Mode().Perm()
	}
	os.Chmod(tmp.Name(), mode)
	if err := os.Rename(tmp.Name(), abs); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
