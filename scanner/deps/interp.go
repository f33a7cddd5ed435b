package deps

import (
	"fmt"
	"path/filepath"
	"strings"
)

// maxExpansion bounds the size of an interpolated value, so properties that
// double each other cannot blow up memory.
const maxExpansion = 64 << 10

// propValue is a property with where it was defined.
type propValue struct {
	Value string
	File  string
	Line  int
	Label string // "", "parent", "user property", ...
}

// origin records one property used while expanding a value.
type origin struct {
	Name  string
	Value string
	Where propValue
}

// interpolator expands ${...} for one effective project.
type interpolator struct {
	project map[string]string // project.* / pom.* keys without the prefix
	props   map[string]propValue
	user    map[string]string
	getenv  func(string) (string, bool)
	notes   *[]Notification
	memo    map[string]memoValue
}

type memoValue struct {
	val string
	ok  bool
}

// expand returns s with every ${...} it can resolve replaced. ok is false
// when something stayed unresolved (each reported once per file:line).
func (in *interpolator) expand(s, file string, line int, used *[]origin) (string, bool) {
	return in.expandStack(s, file, line, used, nil)
}

func (in *interpolator) expandStack(s, file string, line int, used *[]origin, stack []string) (string, bool) {
	if !strings.Contains(s, "${") {
		return s, true
	}
	var b strings.Builder
	ok := true
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i+2:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		name := s[i+2 : i+2+j]
		s = s[i+2+j+1:]
		val, good := in.resolve(name, file, line, used, stack)
		if !good {
			ok = false
			val = "${" + name + "}"
		}
		if b.Len()+len(val) > maxExpansion {
			in.note(file, line, fmt.Sprintf("value of ${%s} grows beyond %d bytes", name, maxExpansion))
			return b.String(), false
		}
		b.WriteString(val)
	}
	return b.String(), ok
}

func (in *interpolator) note(file string, line int, msg string) {
	if in.notes != nil {
		*in.notes = append(*in.notes, Notification{File: file, Line: line, Message: msg})
	}
}

func (in *interpolator) resolve(name, file string, line int, used *[]origin, stack []string) (string, bool) {
	for _, s := range stack {
		if s == name {
			chain := append(append([]string{}, stack...), name)
			for i := range chain {
				chain[i] = "${" + chain[i] + "}"
			}
			in.note(file, line, fmt.Sprintf("property cycle %s (%s:%d)", strings.Join(chain, " -> "), filepath.Base(file), line))
			return "", false
		}
	}
	stack = append(stack, name)
	raw, where, found := in.lookup(name)
	if !found {
		if k, ok := strings.CutPrefix(name, "env."); ok {
			in.note(file, line, fmt.Sprintf("property ${%s} is not defined: environment variable %s not available (%s:%d)", name, k, filepath.Base(file), line))
		} else {
			in.note(file, line, fmt.Sprintf("property ${%s} is not defined (%s:%d)", name, filepath.Base(file), line))
		}
		return "", false
	}
	m, seen := in.memo[name]
	if !seen {
		// The value's own references are reported where they are written.
		wf, wl := file, line
		if where.File != "" {
			wf, wl = where.File, where.Line
		}
		m.val, m.ok = in.expandStack(raw, wf, wl, nil, stack)
		if in.memo == nil {
			in.memo = map[string]memoValue{}
		}
		in.memo[name] = m
	} else if !m.ok {
		in.note(file, line, fmt.Sprintf("property ${%s} cannot be resolved (%s:%d)", name, filepath.Base(file), line))
	}
	val, ok := m.val, m.ok
	if used != nil {
		*used = append(*used, origin{Name: name, Value: val, Where: where})
	}
	return val, ok
}

func (in *interpolator) lookup(name string) (string, propValue, bool) {
	for _, pfx := range []string{"project.", "pom."} {
		if k, ok := strings.CutPrefix(name, pfx); ok {
			if v, ok := in.project[k]; ok {
				return v, propValue{Label: "project"}, true
			}
		}
	}
	if k, ok := strings.CutPrefix(name, "env."); ok {
		if in.getenv != nil {
			if v, ok := in.getenv(k); ok {
				return v, propValue{Label: "environment"}, true
			}
		}
		return "", propValue{}, false
	}
	if v, ok := in.user[name]; ok {
		return v, propValue{Value: v, Label: "user property"}, true
	}
	if p, ok := in.props[name]; ok {
		return p.Value, p, true
	}
	// Maven 2 spellings still honoured by Maven 3.
	switch name {
	case "version", "groupId", "artifactId", "basedir":
		if v, ok := in.project[name]; ok {
			return v, propValue{Label: "project"}, true
		}
	}
	return "", propValue{}, false
}

// describe renders where a property came from, e.g.
// "(parent parent/pom.xml:12)".
func (w propValue) describe() string {
	switch {
	case w.File != "" && w.Label != "":
		return fmt.Sprintf("(%s %s:%d)", w.Label, w.File, w.Line)
	case w.File != "":
		return fmt.Sprintf("(%s:%d)", w.File, w.Line)
	case w.Label != "":
		return "(" + w.Label + ")"
	}
	return ""
}
