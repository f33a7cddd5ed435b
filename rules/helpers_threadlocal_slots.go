package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A ThreadLocal whose value is a JDK array or container (Object[] frames,
// a List<Object> of pending work) pins no ClassLoader by itself: only what
// its slots hold can. When the owner empties the slots as its calls
// return, nothing of an app stays on the pooled thread.

// slotsCleared reports a ThreadLocal field of f whose value is a JDK
// array or container that the file empties on the path that fills it: an
// array whose slots are set to null (frames[--depth] = null,
// Arrays.fill(frames, null)), anywhere in the file, as a stack's pops or
// the return to depth zero; a container cleared (clear()) or drained
// (while ((r = queue.poll()) != null)) in a method that also adds to it. A container emptied only by a separate method
// (MDC.clear()) depends on its callers and does not count.
func slotsCleared(p *Pass, f *facts.Field) bool {
	args := typeArgs(f.TypeText)
	if len(args) != 1 || len(p.Src) == 0 {
		return false
	}
	t := strings.Join(strings.Fields(typeUseAnnotationRE.ReplaceAllString(args[0], "")), "")
	array := strings.HasSuffix(t, "[]")
	if !array && (!jdkContainers[rawSimple(t)] || shadowsJDK(p.File, t)) {
		return false
	}
	name := regexp.QuoteMeta(f.Name)
	direct := `(?:[\w.]*\.)?` + name + `\s*\.\s*get\s*\(\s*\)`
	boundRE := regexp.MustCompile(`\b(\w+)\s*=\s*` + direct)
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if !sameNest(m.Class, f.Class) {
			continue
		}
		code := javaCode(p.Text(m.Decl))
		if !regexp.MustCompile(`\b` + name + `\b`).MatchString(code) {
			continue
		}
		alts := []string{`\b` + direct}
		for _, b := range boundRE.FindAllStringSubmatch(code, -1) {
			alts = append(alts, `\b`+regexp.QuoteMeta(b[1])+`\b`)
		}
		x := `(?:` + strings.Join(alts, "|") + `)`
		if array {
			if regexp.MustCompile(x + `\s*\[[^\]]+\]\s*=\s*null\b|\bArrays\s*\.\s*fill\s*\(\s*` + x + `\s*,[^;]*\bnull\s*\)`).MatchString(code) {
				return true
			}
			continue
		}
		if regexp.MustCompile(x+`\s*\.\s*clear\s*\(\s*\)|\(\s*\w+\s*=\s*`+x+`\s*\.\s*(?:poll|pollFirst|pollLast|pop|remove)\s*\(\s*\)\s*\)\s*!=\s*null`).MatchString(code) &&
			regexp.MustCompile(x+`\s*\.\s*(?:add|addAll|addFirst|addLast|put|putAll|push|offer|offerFirst|offerLast)\s*\(`).MatchString(code) {
			return true
		}
	}
	return false
}
