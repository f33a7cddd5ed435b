package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var moduleClassUnresolvableRule = register(&Rule{
	ID:     "module-class-unresolvable",
	Hazard: "H12",
	Title:  "Module code references a class that no loader finds after slimming",
	Summary: "A class the module's own compiled code names (a super type, the owner of a called method or a " +
		"read field, a created or cast type, a class literal) is neither in the module nor in the jars it " +
		"packages, nor in its base, nor in the JDK: slimming left it to a base that does not have it, and the " +
		"code that names it fails with NoClassDefFoundError.",
	Tags:           []string{"koupleless", "dependencies", "slimming", "classloader"},
	Precision:      "high",
	Default:        SeverityHigh,
	Severity:       map[facts.Role]Severity{facts.RoleModule: SeverityHigh},
	ClassRefs:      true,
	CheckClassPath: checkModuleClassUnresolvable,
})

// checkModuleClassUnresolvable resolves every class a module code unit
// (an ark-biz, a module's fat jar) references the way the module's class
// loader will: in the unit and the jars nested in it, in the base, in the
// JDK. It needs the base's classes, so it runs only when the scan holds
// exactly one base fat jar: with none, or several, what the module can
// borrow is not known, and an absence would be a guess.
func checkModuleClassUnresolvable(p *ProjectPass) {
	cp := p.ClassPath
	if cp == nil || cp.Holders == nil || len(cp.Bases) != 1 {
		return
	}
	base := cp.Bases[0]
	for _, u := range cp.Refs {
		unit := u.Unit.Archive
		if u.Unit.Anchor == base {
			continue // module code merged into the base resolves against the base
		}
		names := make([]string, 0, len(u.Classes))
		for n := range u.Classes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			if InJDK(name) || resolvesIn(cp.Holders(name), unit, base) || u.Packaged != nil && u.Packaged(name) {
				continue
			}
			rs := u.Classes[name]
			if len(rs.From) == 0 || rs.Entry == "" {
				continue
			}
			cls, method := splitSite(rs.From[0])
			from := append([]string(nil), rs.From...)
			if rs.More > 0 {
				from = append(from, fmt.Sprintf("and %d more", rs.More))
			}
			p.Report(rs.Entry, Diagnostic{
				Message: fmt.Sprintf("%s references %s, which resolves nowhere after slimming: not in %s or the jars it packages, not in the base %s, not in the JDK; NoClassDefFoundError when this code runs",
					rs.From[0], name, unit, base),
				Context: facts.Context{Class: cls, Method: method},
				Properties: map[string]string{
					"class": name, "referencedFrom": strings.Join(from, ", "), "references": strconv.Itoa(len(rs.From) + rs.More),
					"module": unit, "base": base,
				},
			})
		}
	}
}

// resolvesIn reports a holder of the class that the module's loader
// reaches: the unit itself, a jar nested in it, or anything in the base.
func resolvesIn(holders []facts.ArchiveRef, unit, base string) bool {
	for _, h := range holders {
		if h.Archive == unit || strings.HasPrefix(h.Archive, unit+"!/") || h.Anchor == base {
			return true
		}
	}
	return false
}

// splitSite splits "com.acme.Foo.bar" into class and method, and
// "com.acme.Foo (extends or implements)" into the class alone.
func splitSite(s string) (class, method string) {
	if c, _, ok := strings.Cut(s, " ("); ok {
		return c, ""
	}
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i+1:]
}
