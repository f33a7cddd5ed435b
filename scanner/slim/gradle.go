package slim

import (
	"fmt"
	"strings"

	"github.com/kscan/kscan/scanner/deps"
)

// The Gradle side of slimming follows sofa-ark's Gradle plugin
// (sofastack/sofa-ark, sofa-ark-parent/support/ark-gradle-plugin, plugin id
// sofa-ark-gradle-plugin):
//
//   - SofaArkGradlePlugin.createAndSetExtension registers the extension as
//     "arkConfig" (SofaArkGradlePluginExtension);
//   - SofaArkGradlePluginExtension declares the settings: excludes,
//     excludeGroupIds and excludeArtifactIds are SetProperty<String>, next
//     to settings that do not slim (bizName, priority, denyImportPackages,
//     ...); it has no declaredMode, baseDependencyParentIdentity or
//     packExcludesConfig, and the plugin reads no conf/ark file;
//   - ArkPluginAction.applyExclusions turns each value into a Gradle
//     exclude rule on runtimeClasspath: an "excludes" entry only when it
//     splits into exactly group:module (anything else is skipped), a group
//     id as {group: v}, an artifact id as {module: v}.
//
// Gradle's exclude rules compare the exact group and module names
// (ExcludeRule.getGroup: "the exact name of the organization or group that
// should be excluded"), so unlike the Maven plugin a trailing '*' is no
// wildcard: such a value excludes nothing and is reported.

// gradleExtension is the extension name the plugin registers, and
// gradleExtensionType its class (Kotlin: configure<...> { }).
const (
	gradleExtension     = "arkConfig"
	gradleExtensionType = "SofaArkGradlePluginExtension"
)

// gradleOther are arkConfig's settings that have nothing to do with
// slimming: read by the plugin, ignored here.
var gradleOther = map[string]bool{
	"mainClass": true, "outputDirectory": true, "finalName": true, "arkClassifier": true, "webContextPath": true,
	"bizName": true, "bizClassifier": true, "bizVersion": true, "priority": true,
	"denyImportPackages": true, "denyImportClasses": true, "denyImportResources": true,
	"injectPluginDependencies": true, "injectPluginExportPackages": true,
}

// gradleSlimKeys are arkConfig's slimming settings.
var gradleSlimKeys = map[string]bool{KeyExcludes: true, KeyExcludeGroupIDs: true, KeyExcludeArtifactIDs: true}

// ParseGradle reads the arkConfig slimming settings of a build.gradle or
// build.gradle.kts: in an `arkConfig { }` block (or Kotlin's
// `configure<SofaArkGradlePluginExtension> { }`), or as
// `arkConfig.<setting>`, the forms `s = [..]` (Groovy, optionally
// `as Set`), `s = setOf(..)`/`listOf(..)` (Kotlin), `s.set(..)`,
// `s.add("..")` and `s.addAll(..)`, with string literals. An assignment or
// set() replaces the values before it; add and addAll append. A value that
// is not a literal, a setting arkConfig does not have and an entry the
// plugin skips are notifications naming file and line.
func ParseGradle(file string, data []byte) (Config, []Note) {
	c := Config{Files: []string{file}}
	var notes []Note
	toks := gradleTokens(data)
	// depth of the open arkConfig block (0: none) and the brace depth.
	block, depth := 0, 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.text {
		case "{":
			depth++
			if block == 0 && opensExtension(toks, i) {
				block = depth
			}
			continue
		case "}":
			if depth == block {
				block = 0
			}
			if depth > 0 {
				depth--
			}
			continue
		}
		if t.kind != tokIdent || !statementStart(toks, i) {
			continue
		}
		name, at := "", i
		switch {
		case t.text == gradleExtension && i+2 < len(toks) && toks[i+1].text == "." && toks[i+2].kind == tokIdent:
			name, at = toks[i+2].text, i+2
		case block != 0 && depth == block:
			name = t.text
		default:
			continue
		}
		next := i + 1
		if at != i {
			next = at + 1
		}
		end, n := gradleSetting(file, toks, name, toks[at].line, next, &c)
		notes = append(notes, n...)
		if end > i {
			i = end
		}
	}
	return c, notes
}

// opensExtension reports a "{" that opens arkConfig's block: after
// `arkConfig` or `configure<SofaArkGradlePluginExtension>`.
func opensExtension(toks []gradleTok, i int) bool {
	if i >= 1 && toks[i-1].text == gradleExtension && (i < 2 || toks[i-2].text != ".") {
		return true
	}
	return i >= 4 && toks[i-1].text == ">" && toks[i-2].text == gradleExtensionType && toks[i-3].text == "<" && toks[i-4].text == "configure"
}

// statementStart reports a token that begins a statement: the first of
// its line or after "{", "}" or ";".
func statementStart(toks []gradleTok, i int) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return p.line != toks[i].line || p.text == "{" || p.text == "}" || p.text == ";"
}

// gradleSetting reads one statement about setting name starting at toks[j]
// (the token after the name) and returns the index of its last token.
func gradleSetting(file string, toks []gradleTok, name string, line, j int, c *Config) (int, []Note) {
	var notes []Note
	op := ""
	switch {
	case j < len(toks) && toks[j].text == "=":
		op, j = "=", j+1
	case j+2 < len(toks) && toks[j].text == "." && toks[j+2].text == "(" &&
		(toks[j+1].text == "set" || toks[j+1].text == "add" || toks[j+1].text == "addAll" || toks[j+1].text == "convention"):
		op, j = toks[j+1].text, j+3
	default:
		if gradleSlimKeys[name] {
			notes = append(notes, note(file, line, deps.LevelWarning, "arkConfig.%s: not written as `%s = [...]`, `%s.set(...)`, `.add(...)` or `.addAll(...)`; kscan cannot read it, so what it excludes is unknown", name, name, name))
			c.Unread = append(c.Unread, fmt.Sprintf("%s:%d arkConfig.%s", file, line, name))
		}
		return j - 1, notes
	}
	if !gradleSlimKeys[name] {
		switch {
		case gradleOther[name]:
		case name == KeyDeclaredMode || name == KeyParentIdentity || name == KeyPackExcludesConfig:
			notes = append(notes, note(file, line, deps.LevelWarning, "arkConfig.%s: a sofa-ark-maven-plugin setting that sofa-ark-gradle-plugin does not have (SofaArkGradlePluginExtension); it has no effect here", name))
		default:
			notes = append(notes, note(file, line, deps.LevelWarning, "arkConfig.%s: not a setting of sofa-ark-gradle-plugin's arkConfig (SofaArkGradlePluginExtension); the plugin ignores it", name))
		}
		return skipExpr(toks, j, op != "="), notes
	}
	vals, bad, end := gradleValues(toks, j, op != "=")
	for _, b := range bad {
		notes = append(notes, note(file, b.line, deps.LevelWarning, "arkConfig.%s: %s is not a string literal; kscan cannot evaluate it, so this setting is read in part", name, b.text))
	}
	if len(bad) > 0 {
		c.Unread = append(c.Unread, fmt.Sprintf("%s:%d arkConfig.%s", file, bad[0].line, name))
	}
	if op == "=" || op == "set" || op == "convention" {
		// SetProperty.set and assignment replace what was there.
		kept := c.Patterns[:0]
		for _, p := range c.Patterns {
			if p.Key != name {
				kept = append(kept, p)
			}
		}
		c.Patterns = kept
	}
	for _, v := range vals {
		p := Pattern{Key: name, Value: v.text, File: file, Line: v.line, Exact: true}
		switch {
		case strings.Contains(v.text, "*"):
			notes = append(notes, note(file, v.line, deps.LevelWarning, "arkConfig.%s %q: sofa-ark-gradle-plugin passes it to Gradle's exclude rules, which compare exact names: '*' is no wildcard there and this value excludes nothing", name, v.text))
			continue
		case name == KeyExcludes && strings.Count(v.text, ":") != 1:
			notes = append(notes, note(file, v.line, deps.LevelWarning, "arkConfig.excludes %q: sofa-ark-gradle-plugin applies only group:module entries and skips this one", v.text))
			continue
		case v.text == "" || strings.HasPrefix(v.text, ":") || strings.HasSuffix(v.text, ":"):
			notes = append(notes, note(file, v.line, deps.LevelWarning, "arkConfig.%s %q: an empty name; entry ignored", name, v.text))
			continue
		}
		c.Patterns = append(c.Patterns, p)
	}
	return end, notes
}

// gradleValues reads the string values of an expression starting at
// toks[j] and returns the index of its last token: in a call (after
// "set(", "add(" or "addAll("), the arguments up to the closing ")";
// after "=", a Groovy list (optionally `as Set`), a Kotlin setOf/listOf
// call or a single string. bad lists the operands that are not string
// literals.
func gradleValues(toks []gradleTok, j int, inCall bool) (vals, bad []gradleTok, end int) {
	if inCall {
		return valuesUntilClose(toks, j)
	}
	if j >= len(toks) {
		return nil, nil, len(toks) - 1
	}
	t := toks[j]
	switch {
	case t.text == "[":
		vals, bad, end = valuesUntilClose(toks, j+1)
		if end+2 < len(toks) && toks[end+1].text == "as" && toks[end+2].kind == tokIdent {
			end += 2
		}
		return vals, bad, end
	case t.kind == tokIdent && isCollectionCall(t.text) && j+1 < len(toks) && toks[j+1].text == "(":
		return valuesUntilClose(toks, j+2)
	case t.kind == tokString:
		vals, bad = classify(t, vals, bad)
		return vals, bad, j
	}
	// anything else: the rest of the line, as one operand kscan cannot read
	end = j
	var text []string
	for end < len(toks) && toks[end].line == t.line && toks[end].text != ";" && toks[end].text != "}" {
		text = append(text, toks[end].text)
		end++
	}
	return nil, []gradleTok{{text: strings.Join(text, ""), line: t.line}}, end - 1
}

// valuesUntilClose reads operands up to the ")" or "]" that closes the
// bracket opened just before toks[j].
func valuesUntilClose(toks []gradleTok, j int) (vals, bad []gradleTok, end int) {
	depth := 0
	for ; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.text == "(" || t.text == "[":
			depth++
		case t.text == ")" || t.text == "]":
			if depth == 0 {
				return vals, bad, j
			}
			depth--
		case t.kind == tokString:
			vals, bad = classify(t, vals, bad)
		case t.kind == tokIdent:
			if isCollectionCall(t.text) && j+1 < len(toks) && toks[j+1].text == "(" {
				continue
			}
			if t.text == "as" && j+1 < len(toks) && toks[j+1].kind == tokIdent {
				j++ // a Groovy coercion: ["a"] as Set
				continue
			}
			bad = append(bad, t)
		}
	}
	return vals, bad, len(toks) - 1
}

// classify files a string literal as a value, or as an operand kscan
// cannot evaluate when it interpolates ("${v}" in a double-quoted string).
func classify(t gradleTok, vals, bad []gradleTok) ([]gradleTok, []gradleTok) {
	if t.quote == '"' && strings.Contains(t.text, "$") {
		return vals, append(bad, gradleTok{text: fmt.Sprintf("%q (an interpolated string)", t.text), line: t.line})
	}
	return append(vals, t), bad
}

func isCollectionCall(name string) bool {
	switch name {
	case "setOf", "listOf", "mutableSetOf", "mutableListOf", "hashSetOf", "linkedSetOf", "arrayListOf", "arrayOf", "of":
		return true
	}
	return false
}

// skipExpr returns the last token of an expression that is not read.
func skipExpr(toks []gradleTok, j int, inCall bool) int {
	_, _, end := gradleValues(toks, j, inCall)
	return end
}

const (
	tokPunct = iota
	tokIdent
	tokString
)

type gradleTok struct {
	text  string
	line  int
	kind  int
	quote byte
}

// gradleTokens splits a build script into identifiers, string literals
// (their content) and punctuation, with lines; comments are dropped.
func gradleTokens(data []byte) []gradleTok {
	s := string(data)
	var out []gradleTok
	line := 1
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == '\n':
			line++
			i++
		case ch == ' ' || ch == '\t' || ch == '\r':
			i++
		case strings.HasPrefix(s[i:], "//"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.HasPrefix(s[i:], "/*"):
			e := strings.Index(s[i+2:], "*/")
			if e < 0 {
				e = len(s) - i - 2
			}
			line += strings.Count(s[i:i+2+e], "\n")
			i += e + 4
		case ch == '"' || ch == '\'':
			q := s[i : i+1]
			if strings.HasPrefix(s[i:], strings.Repeat(q, 3)) {
				q = strings.Repeat(q, 3)
			}
			j := i + len(q)
			var b strings.Builder
			for j < len(s) && !strings.HasPrefix(s[j:], q) {
				if s[j] == '\\' && j+1 < len(s) {
					b.WriteByte(s[j+1])
					j += 2
					continue
				}
				if s[j] == '\n' && len(q) == 1 {
					break // an unterminated string ends at the line
				}
				b.WriteByte(s[j])
				j++
			}
			out = append(out, gradleTok{text: b.String(), line: line, kind: tokString, quote: ch})
			line += strings.Count(s[i:min(j, len(s))], "\n")
			i = min(j+len(q), len(s))
			if j < len(s) && s[j] == '\n' {
				i = j
			}
		case ch == '_' || ch == '$' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z':
			j := i
			for j < len(s) && (s[j] == '_' || s[j] == '$' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			out = append(out, gradleTok{text: s[i:j], line: line, kind: tokIdent})
			i = j
		default:
			out = append(out, gradleTok{text: s[i : i+1], line: line, kind: tokPunct})
			i++
		}
	}
	return out
}
