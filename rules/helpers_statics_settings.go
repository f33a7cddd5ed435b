package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static that holds a scalar (a flag, a size, a threshold, a version
// string, a verbosity level, a Locale) and is set at run time is a setting
// the base and every module share: one app's choice changes the others'.
// Read on projects the rule was not tuned on, about a third of these were
// real hazards (a debug switch flipped for every interpreter, a per-call
// option kept in a static) and two thirds were not (cache switches, tuning
// sizes, once-guards mirroring a native initialisation, a server's own
// configuration), while statics holding an app's object (an allocator, a
// monitor, a factory) or a registry were mostly real. So a setting is
// reported as a note and objects, containers and arrays keep the rule's
// severity. RULES H01 never exempts a static written at run time by its
// name or type: this lowers the level only.

// objectTail and settingTail end the message of an object's and of a
// setting's finding.
const (
	objectTail  = ": one value for the base and every module; key it by ClassLoader"
	settingTail = ": a shared setting, one value for the base and every module, so one app's setting " +
		"changes the others'; key it by ClassLoader if apps may need their own"
)

// scalarValueTypes are the JDK's value types a setting holds: primitives,
// their boxes, strings, and immutable values such as a Locale, a Charset,
// a time zone or a unit, and the atomic holders of one number or flag.
var scalarValueTypes = map[string]bool{
	"boolean": true, "byte": true, "char": true, "short": true, "int": true, "long": true, "float": true, "double": true,
	"Boolean": true, "Byte": true, "Character": true, "Short": true, "Integer": true, "Long": true, "Float": true,
	"Double": true, "String": true,
	"Locale": true, "Charset": true, "TimeZone": true, "ZoneId": true, "ZoneOffset": true, "Duration": true,
	"Period": true, "TimeUnit": true, "ChronoUnit": true, "RoundingMode": true, "BigDecimal": true, "BigInteger": true,
	"AtomicBoolean": true, "AtomicInteger": true, "AtomicLong": true,
}

// scalarSetting reports a static field f of file whose type is a scalar
// value (scalarValueTypes, or an enum the file declares): not an array, not
// a container, not an object with behaviour an app supplies.
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
