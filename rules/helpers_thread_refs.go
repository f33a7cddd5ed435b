package rules

import (
	"regexp"
	"strings"
)

// A thread that watches a ReferenceQueue and ends once what it watches is
// garbage collected (Guava's Finalizer stops when the queue's owner is
// enqueued; Spring's WeakReferenceMonitor when no tracked handle is left)
// does not outlive its owner: after uninstall, the owner becomes
// unreachable and the thread ends by itself.

var refTypes = map[string]bool{"WeakReference": true, "PhantomReference": true, "SoftReference": true, "Reference": true}

var emptinessRE = lazyRE(`\.\s*isEmpty\s*\(\s*\)|\.\s*size\s*\(\s*\)\s*(?:[<>!=]=?)\s*0\b`)

// endsWhenCollected reports a loop of task that takes from a ReferenceQueue
// field of the task's nests (queue.remove(), queue.poll()) and whose exit
// test, itself or through the task's own methods two calls deep, asks
// whether a Reference field is cleared or enqueued (ref.get() == null,
// reference == ownerRef) or whether the tracked collection is empty.
func endsWhenCollected(p *Pass, l javaLoop, t threadTask) bool {
	var queues, refs []string
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if !inNests(f.Class, t.classes) {
			continue
		}
		switch raw := rawSimple(strings.TrimSpace(f.TypeText)); {
		case raw == "ReferenceQueue":
			queues = append(queues, regexp.QuoteMeta(f.Name))
		case refTypes[raw]:
			refs = append(refs, regexp.QuoteMeta(f.Name))
		}
	}
	if len(queues) == 0 {
		return false
	}
	takes := regexp.MustCompile(`\b(?:` + strings.Join(queues, "|") + `)\s*\.\s*(?:remove|poll)\s*\(`)
	tests := exitTests(l)
	if !takes.MatchString(l.Cond + "\n" + l.Body) {
		return false
	}
	var collected *regexp.Regexp
	if len(refs) > 0 {
		r := `(?:` + strings.Join(refs, "|") + `)`
		collected = regexp.MustCompile(`==\s*(?:this\s*\.\s*)?` + r + `\b|\b` + r + `\s*==|\b` + r + `\s*\.\s*get\s*\(\s*\)[^;]*==\s*null`)
	}
	evidence := func(code string) bool {
		if emptinessRE.MatchString(code) {
			return true
		}
		if collected == nil {
			return false
		}
		if collected.MatchString(code) {
			return true
		}
		// x = ref.get(); if (x == null) ...
		for _, r := range refs {
			for _, m := range regexp.MustCompile(`\b(\w+)\s*=\s*(?:this\s*\.\s*)?`+r+`\s*\.\s*get\s*\(\s*\)`).FindAllStringSubmatch(code, -1) {
				if regexp.MustCompile(`\b` + regexp.QuoteMeta(m[1]) + `\s*==\s*null`).MatchString(code) {
					return true
				}
			}
		}
		return false
	}
	seen := map[string]bool{}
	frontier := tests
	for depth := 0; depth < 3 && len(frontier) > 0; depth++ {
		var next []string
		for _, code := range frontier {
			if depth > 0 && evidence(code) || depth == 0 && (emptinessRE.MatchString(code) || collected != nil && collected.MatchString(code)) {
				return true
			}
			for _, name := range unqualifiedCalls(code) {
				if seen[name] {
					continue
				}
				seen[name] = true
				for i := range p.File.Methods {
					m := &p.File.Methods[i]
					if m.Name == name && inNests(m.Class, t.classes) {
						next = append(next, javaCode(p.Text(m.Decl)))
					}
				}
			}
		}
		frontier = next
	}
	return false
}

// exitTests are the conditions that end a loop: its own, and those of the
// ifs in its body whose branch breaks out or returns.
func exitTests(l javaLoop) []string {
	out := []string{l.Cond}
	for _, m := range ifRE.FindAllStringIndex(l.Body, -1) {
		o := m[1] - 1
		c := matchClose(l.Body, o)
		if c < 0 {
			continue
		}
		if exitStmtRE.MatchString(l.Body[c+1 : statementEnd(l.Body, c+1)]) {
			out = append(out, l.Body[o+1:c])
		}
	}
	return out
}
