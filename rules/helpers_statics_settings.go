package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static switch (a boolean flag, an AtomicBoolean, an enum of the
// library's own modes) that is set at run time is a setting the base and
// every module share: one app's choice changes the others', but it selects
// among the library's own behaviours and carries no app's identity, object
// or loader. Read on projects the rule was not tuned on, most such switches
// were judged false or debatable (cache on/off switches, once-guards
// mirroring a native initialisation, a server's own configuration), while
// statics holding an app's object (an allocator, a monitor, a factory), a
// registry, or a value that can name an app (a tenant, a path, a size or a
// level one app picks) were mostly real. So a switch is reported as a note
// and everything else keeps the rule's severity. RULES H01 never exempts a
// static written at run time by its name or type: this lowers the level
// only.

// objectTail and settingTail end the message of an object's and of a
// setting's finding.
const (
	objectTail  = ": one value for the base and every module; key it by ClassLoader"
	settingTail = ": a shared setting, one value for the base and every module, so one app's setting " +
		"changes the others'; key it by ClassLoader if apps may need their own"
)

// scalarValueTypes are the JDK's switch types: flags and the JDK's enums
// of units and modes.
var scalarValueTypes = map[string]bool{
	"boolean": true, "Boolean": true, "AtomicBoolean": true,
	"TimeUnit": true, "ChronoUnit": true, "RoundingMode": true,
}

// scalarSetting reports a static field f of file whose type is a switch
// (scalarValueTypes, or an enum the file declares): not a number or a
// string, not an array, not a container, not an object an app supplies.
func scalarSetting(file *facts.File, f *facts.Field) bool {
	if isArray(f) || strings.Contains(f.TypeText, "[") {
		return false
	}
	raw := rawSimple(f.Type)
	t := strings.TrimSpace(f.Type)
	// A project's own class named like a JDK value type is not one.
	if scalarValueTypes[raw] && (!strings.Contains(t, ".") || strings.HasPrefix(t, "java.")) {
		return true
	}
	return file != nil && declaredEnum(file, t)
}

// declaredEnum reports a type the file declares as an enum, named as the
// field's type is written or resolved (Mode, Outer.Mode, a.b.Outer$Mode).
func declaredEnum(file *facts.File, t string) bool {
	norm := func(s string) string { return strings.ReplaceAll(s, "$", ".") }
	for _, d := range file.TypeDecls {
		if d.Kind != "enum" {
			continue
		}
		name := norm(d.Name)
		if name == norm(t) || strings.HasSuffix(name, "."+norm(t)) {
			return true
		}
	}
	return false
}

// asSetting rates d, a finding of a scalar static, as a shared setting: a
// note, with a message saying what sharing it does.
func asSetting(d *Diagnostic) {
	d.Severity = SeverityLow
	d.Message = strings.TrimSuffix(d.Message, objectTail) + settingTail
}
