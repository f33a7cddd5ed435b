package rules

import (
	"regexp"
	"strconv"
	"strings"
)

// Tables of the library's own class names: a final String array (or a
// column of a two-dimensional one) indexed by a numeric id, slots with no
// class left null, read directly or through a static getter of the class
// declaring it. Every element naming a class of the project or the JDK,
// the lookup is of the library's own classes. A table whose slots are
// written at run time, or that holds anything but literals and
// constants, holds names a module may supply.
//
// A table of another class is known only once the project is: the
// lookup's pending names carry a reference to it, resolved from that
// class's source when the verdict is settled ("a.b.Names.TABLE[]",
// "a.b.Names.TABLE[][1]" for a column, "a.b.Names.getName()" for a
// getter returning one of its elements).

// tableIndex matches an element of a table, "NAMES[i]", "Names.NAMES[i]"
// or "ROWS[i][1]".
var tableIndex = regexp.MustCompile(`^((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*\[([^\[\]]+)\](?:\s*\[\s*(\d+)\s*\])?$`)

// tableRef matches a pending reference to another class's table or
// getter.
var tableRef = regexp.MustCompile(`^([\w$.]+)\.([A-Za-z_$][\w$]*)(\[\](?:\[(\d+)\])?|\(\))$`)

// isTableRef reports a pending name that refers to another class's table.
func isTableRef(n string) bool { return tableRef.MatchString(n) }

// tableElems splits a table's initialiser, "{ a, null, b }" or
// "new String[][] { { x, a }, { y, b } }" with column >= 0, into its
// elements, null slots left out; ok is false when it is not a literal
// table or a row lacks the column.
func tableElems(init string, column int) (out []string, ok bool) {
	init = strings.TrimSpace(init)
	open, end := strings.IndexByte(init, '{'), strings.LastIndexByte(init, '}')
	if open < 0 || end < open || strings.Contains(init[:open], "(") {
		return nil, false
	}
	for _, x := range splitTopLevel(init[open+1:end], ',', false) {
		x = strings.TrimSpace(x)
		if x == "" || x == "null" {
			continue
		}
		if column >= 0 {
			if !strings.HasPrefix(x, "{") || !strings.HasSuffix(x, "}") {
				return nil, false
			}
			row := splitTopLevel(x[1:len(x)-1], ',', false)
			if column >= len(row) {
				return nil, false
			}
			x = strings.TrimSpace(row[column])
			if x == "null" {
				continue
			}
		}
		out = append(out, x)
	}
	return out, true
}

// slotWritten reports a store into an element of the array field named
// field in src ("NAMES[i] = name"): its slots are filled at run time.
func slotWritten(src, field string) bool {
	re := regexp.MustCompile(`(?:^|[^\w$])` + regexp.QuoteMeta(field) + `\s*\[[^\]]*\]\s*(?:\[[^\]]*\]\s*)?=[^=]`)
	return re.MatchString(src)
}

// ownTableValues lists the values name may take when it is an element of
// a table of the lookup's own file or of another class (tableIndex), or
// what a getter of another class returns (tableRef form): nil, false
// when name is no such element.
func ownTableValues(p *Pass, name string) ([]string, bool) {
	ix := tableIndex.FindStringSubmatch(strings.TrimSpace(name))
	if ix == nil {
		return nil, false
	}
	arr := strings.TrimPrefix(ix[1], "this.")
	column := -1
	if ix[3] != "" {
		column, _ = strconv.Atoi(ix[3])
	}
	if dot := strings.LastIndexByte(arr, '.'); dot >= 0 {
		// Names.NAMES[i]: another class's table, read when settled.
		typ := qualifyType(p, arr[:dot])
		if typ == "" {
			return nil, true
		}
		ref := typ + "." + arr[dot+1:] + "[]"
		if column >= 0 {
			ref += "[" + strconv.Itoa(column) + "]"
		}
		return []string{ref}, true
	}
	return nil, false
}

// qualifyType is the binary name of the type a file writes as typ (its
// simple name, or a qualified one), "" when it is not a class name.
func qualifyType(p *Pass, typ string) string {
	first, rest, _ := strings.Cut(typ, ".")
	if first == "" || first[0] < 'A' || first[0] > 'Z' {
		if strings.Contains(typ, ".") && typeField.MatchString(typ+".X") {
			return typ // qualified by its package
		}
		return ""
	}
	q := ""
	for _, im := range p.File.Imports {
		if !im.Static && !im.Wildcard && simpleName(im.Name) == first {
			q = im.Name
		}
	}
	if q == "" {
		for _, t := range p.File.Types {
			if simpleName(t) == first {
				q = t
			}
		}
	}
	if q == "" && p.File.Package != "" {
		q = p.File.Package + "." + first
	}
	if q != "" && rest != "" {
		q += "$" + strings.ReplaceAll(rest, ".", "$")
	}
	return q
}

// getterRef is the pending reference of a call of another class's static
// getter, "Names.getName(id)": "a.b.Names.getName()"; "" when call is no
// such call.
func getterRef(p *Pass, call string) string {
	open := strings.IndexByte(call, '(')
	if open <= 0 || !strings.HasSuffix(call, ")") {
		return ""
	}
	callee := call[:open]
	dot := strings.LastIndexByte(callee, '.')
	if dot <= 0 || !identifier(callee[dot+1:]) || !fieldRef.MatchString(callee) {
		return ""
	}
	if javaLangStatics[callee[:dot]] {
		return ""
	}
	typ := qualifyType(p, callee[:dot])
	if typ == "" || isJDKClassName(typ) {
		return ""
	}
	return typ + "." + callee[dot+1:] + "()"
}

// javaLangStatics are java.lang's classes code names without an import
// (static methods, parameter types): no table or key object of the
// project.
var javaLangStatics = map[string]bool{
	"System": true, "String": true, "Integer": true, "Long": true, "Short": true, "Byte": true, "Boolean": true,
	"Character": true, "Double": true, "Float": true, "Class": true, "Thread": true, "Math": true,
	"StrictMath": true, "Runtime": true, "ClassLoader": true, "Enum": true, "Object": true, "Number": true,
	"CharSequence": true, "Throwable": true, "Exception": true, "Iterable": true, "Comparable": true, "Runnable": true,
}

// tableValues resolves a pending reference to another class's table or
// getter (tableRef) from that class's source: the element texts, and the
// class whose scope they are written in. ok is false when the source is
// missing or the table is not one of fixed names.
func (k *Constants) tableValues(ref string) (vals []string, class string, ok bool) {
	m := tableRef.FindStringSubmatch(ref)
	if m == nil || k == nil || k.Source == nil {
		return nil, "", false
	}
	class = m[1]
	src := string(k.Source(outerClass(class)))
	if src == "" {
		return nil, "", false
	}
	if m[3] == "()" {
		// A getter: every return an element of a table of its class, a
		// literal or a constant.
		decl := regexp.MustCompile(`\bstatic\b[^;{}()=]*\bString\s+` + regexp.QuoteMeta(m[2]) + `\s*\([^)]*\)[^{;]*\{`).FindStringIndex(src)
		if decl == nil {
			return nil, "", false
		}
		end := matchClose(src, decl[1]-1)
		if end < 0 {
			return nil, "", false
		}
		rets := statementValues(src[decl[1]:end], "return ")
		if len(rets) == 0 {
			return nil, "", false
		}
		for _, r := range rets {
			if ix := tableIndex.FindStringSubmatch(r); ix != nil && !strings.Contains(ix[1], ".") {
				t := class + "." + ix[1] + "[]"
				if ix[3] != "" {
					t += "[" + ix[3] + "]"
				}
				vs, _, ok := k.tableValues(t)
				if !ok {
					return nil, "", false
				}
				vals = append(vals, vs...)
				continue
			}
			if r == "null" {
				continue
			}
			head := strings.TrimSpace(splitTopLevel(r, '+', false)[0])
			if !strings.HasPrefix(head, "\"") && !constantName.MatchString(head) {
				return nil, "", false
			}
			vals = append(vals, r)
		}
		return vals, class, true
	}
	field := m[2]
	column := -1
	if m[4] != "" {
		column, _ = strconv.Atoi(m[4])
	}
	decl := regexp.MustCompile(`\bfinal\b[^;=(){}]*\b` + regexp.QuoteMeta(field) + `\s*=\s*`).FindStringIndex(src)
	if decl == nil || slotWritten(src, field) {
		return nil, "", false
	}
	rest := src[decl[1]:]
	open := strings.IndexByte(rest, '{')
	if open < 0 || strings.ContainsAny(rest[:open], ";(") {
		return nil, "", false
	}
	end := matchClose(rest, open)
	if end < 0 {
		return nil, "", false
	}
	vals, ok = tableElems(rest[:end+1], column)
	return vals, class, ok
}
