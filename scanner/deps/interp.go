package deps

import (
	"fmt"
	"path/filepath"
	"strings"
)

// maxExpansion bounds the size of an interpolated value, so properties that
// double each other cannot blow up memory.
const maxExpansion = 64 << 10

// maxRefs bounds the names an evaluation remembers having used; past it the
// value is recomputed in each project instead of reused from the parent.
const maxRefs = 64

// evalResult is the value of a property in one project's context, with what
// it depends on, so a child that redefines none of it can reuse it.
type evalResult struct {
	val string
	ok  bool
	ctx bool // depends on the project's own coordinates or directory
	// refs are the properties used, transitively, that more than one pom
	// defines (only those can be overridden); unres the names left
	// unresolved. Past maxRefs the lists overflow.
	refs      []string
	unres     []string
	refsOver  bool
	unresOver bool
	gen       int    // the loader's gen when computed
	cycle     string // the cycle met, as ${a} -> ${b} -> ${a}
	grew      bool   // the value passed maxExpansion
}

// origin records one property a coordinate used, for its evidence.
type origin struct {
	name, value, where string
}

// refNames lists the names of the ${...} references in s.
func refNames(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i+2:], '}')
		if j < 0 {
			return out
		}
		out = append(out, s[i+2:i+2+j])
		s = s[i+2+j+1:]
	}
}

// builtinMachine reports the names Maven defines from the build machine or
// its own model (java.home, env.*, settings.localRepository,
// project.build.directory, ...): known names, whose values a scan of the
// sources cannot know and need not report.
func builtinMachine(name string) bool {
	for _, p := range []string{"env.", "java.", "os.", "user.", "settings.", "maven.", "sun.", "file.", "line.", "path.", "project.", "pom.", "session.", "mojo.", "plugin.", "basedir", "awt.", "jdk.", "native.", "surefire."} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	switch name {
	case "build.timestamp", "localRepository", "executedProject", "reactorProjects":
		return true
	}
	return false
}

// val returns the value of a property in the context of layer ly.
func (l *mavenLoader) val(ly *layer, name string, stack []string) *evalResult {
	if r := ly.vals[name]; r != nil {
		return r
	}
	l.work++
	for i, s := range stack {
		if s == name {
			chain := append(append([]string{}, stack[i:]...), name)
			for j := range chain {
				chain[j] = "${" + chain[j] + "}"
			}
			return &evalResult{cycle: strings.Join(chain, " -> "), gen: l.gen}
		}
	}
	r := l.lookup(ly, name, stack)
	ly.vals[name] = r
	return r
}

func (l *mavenLoader) lookup(ly *layer, name string, stack []string) *evalResult {
	if ly.pom == nil {
		return &evalResult{unres: []string{name}, gen: l.gen}
	}
	if raw, ok := l.projectValue(ly, name); ok {
		r := l.evalRaw(ly, raw, append(stack, name))
		r.ctx = true
		return r
	}
	if k, ok := strings.CutPrefix(name, "env."); ok {
		if l.opts.Getenv != nil {
			if v, ok := l.opts.Getenv(k); ok {
				return &evalResult{val: v, ok: true, gen: l.gen}
			}
		}
		return &evalResult{unres: []string{name}, gen: l.gen}
	}
	if v, ok := ly.user[name]; ok {
		return &evalResult{val: v, ok: true, gen: l.gen}
	}
	def := l.propDefiner(ly, name)
	if def == nil {
		return &evalResult{unres: []string{name}, gen: l.gen}
	}
	if def != ly && ly.parent != nil && ly.parent.pom != nil && sameMap(ly.user, ly.parent.user) {
		if r := l.val(ly.parent, name, nil); l.reusable(ly, r) {
			return r
		}
	}
	pr := def.pom.Properties[def.own[name]]
	r := l.evalRaw(ly, pr.Value, append(stack, name))
	if r.cycle != "" && len(stack) == 0 {
		l.note(KindUnresolved, LevelWarning, def.pom.File, pr.Line, "property cycle %s (%s:%d)", r.cycle, filepath.Base(def.pom.File), pr.Line)
	}
	if r.grew {
		l.note(KindUnresolved, LevelWarning, def.pom.File, pr.Line, "value of ${%s} grows beyond %d bytes", name, maxExpansion)
	}
	return r
}

func sameMap(a, b map[string]string) bool {
	return fmt.Sprintf("%p", a) == fmt.Sprintf("%p", b)
}

// reusable reports whether a value computed in the parent's context holds
// in ly's: it used nothing ly defines, and nothing of the project itself.
func (l *mavenLoader) reusable(ly *layer, r *evalResult) bool {
	if r.ctx {
		return false
	}
	for _, z := range l.overridesOf(ly) {
		l.work++
		if r.refsOver || l.multiGen["p:"+z] > r.gen || contains(r.refs, z) {
			return false
		}
	}
	for _, n := range r.unres {
		l.work++
		if _, ok := ly.own[n]; ok {
			return false
		}
	}
	if r.unresOver && len(ly.own) > 0 {
		return false
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// overridesOf lists the properties a pom defines that an ancestor defines
// too, once per pom.
func (l *mavenLoader) overridesOf(ly *layer) []string {
	if ly.overridesDone {
		return ly.overrides
	}
	ly.overridesDone = true
	if ly.parent == nil {
		return nil
	}
	for _, pr := range ly.pom.Properties {
		l.work++
		if l.defCount["p:"+pr.Name] >= 2 && l.propDefiner(ly.parent, pr.Name) != nil {
			ly.overrides = append(ly.overrides, pr.Name)
		}
	}
	return ly.overrides
}

// projectValue returns the raw value of a project.* / pom.* name (and the
// Maven 2 spellings) for ly's own pom.
func (l *mavenLoader) projectValue(ly *layer, name string) (string, bool) {
	k := name
	if s, ok := strings.CutPrefix(name, "project."); ok {
		k = s
	} else if s, ok := strings.CutPrefix(name, "pom."); ok {
		k = s
	} else {
		switch name {
		case "version", "groupId", "artifactId", "basedir":
		default:
			return "", false
		}
	}
	p := ly.pom
	switch k {
	case "groupId":
		return p.GroupID, true
	case "artifactId":
		return p.ArtifactID, true
	case "version":
		return p.Version, true
	case "packaging":
		return p.Packaging, true
	case "name":
		if p.Name != "" {
			return p.Name, true
		}
	case "basedir":
		return filepath.Dir(p.File), true
	}
	if p.Parent != nil {
		switch k {
		case "parent.groupId":
			return p.Parent.GroupID, true
		case "parent.artifactId":
			return p.Parent.ArtifactID, true
		case "parent.version":
			return p.Parent.Version, true
		case "parent.relativePath":
			return p.Parent.RelativePath, true
		}
	}
	return "", false
}

// evalRaw expands a raw value in ly's context; stack holds the names being
// evaluated, to stop cycles.
func (l *mavenLoader) evalRaw(ly *layer, raw string, stack []string) *evalResult {
	r := &evalResult{ok: true, gen: l.gen}
	if !strings.Contains(raw, "${") {
		r.val = raw
		return r
	}
	var b strings.Builder
	s := raw
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
		sub := l.val(ly, name, stack)
		r.ctx = r.ctx || sub.ctx
		r.refsOver = r.refsOver || sub.refsOver
		r.unresOver = r.unresOver || sub.unresOver
		if sub.gen < r.gen {
			r.gen = sub.gen
		}
		r.grew = r.grew || sub.grew
		if sub.cycle != "" && r.cycle == "" {
			r.cycle = sub.cycle
		}
		if l.defCount["p:"+name] >= 2 {
			r.refs = appendCapped(r.refs, name, &r.refsOver)
		}
		for _, n := range sub.refs {
			r.refs = appendCapped(r.refs, n, &r.refsOver)
		}
		for _, n := range sub.unres {
			r.unres = appendCapped(r.unres, n, &r.unresOver)
		}
		if sub.ok {
			b.WriteString(sub.val)
		} else {
			r.ok = false
			b.WriteString("${" + name + "}")
		}
		if b.Len() > maxExpansion {
			r.ok, r.grew = false, true
			r.val = b.String()[:maxExpansion]
			return r
		}
	}
	r.val = b.String()
	return r
}

func appendCapped(list []string, n string, over *bool) []string {
	if contains(list, n) {
		return list
	}
	if len(list) >= maxRefs {
		*over = true
		return list
	}
	return append(list, n)
}

// expand interpolates s in ly's context: the value, whether everything
// resolved, and the properties s names directly (for evidence).
func (l *mavenLoader) expand(ly *layer, s string) (string, bool, []origin) {
	if !strings.Contains(s, "${") {
		return s, true, nil
	}
	r := l.evalRaw(ly, s, nil)
	var used []origin
	if r.ok {
		for _, n := range refNames(s) {
			used = append(used, origin{name: n, value: l.val(ly, n, nil).val, where: l.where(ly, n)})
		}
	}
	return r.val, r.ok, used
}

// where says where name is defined as seen from ly ("" for the project's
// own coordinates), for evidence.
func (l *mavenLoader) where(ly *layer, name string) string {
	if _, ok := l.projectValue(ly, name); ok {
		return ""
	}
	if strings.HasPrefix(name, "env.") {
		return "environment"
	}
	if _, ok := ly.user[name]; ok {
		return "user property"
	}
	def := l.propDefiner(ly, name)
	if def == nil {
		return ""
	}
	w := fmt.Sprintf("%s:%d", def.pom.File, def.pom.Properties[def.own[name]].Line)
	if def != ly {
		w = "parent " + w
	}
	return w
}

// expandQuiet interpolates s, keeping what stays unresolved as written.
func (l *mavenLoader) expandQuiet(ly *layer, s string) string {
	v, _, _ := l.expand(ly, s)
	return v
}
