package report

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	mdImage  = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink   = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	mdBold   = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	mdItalic = regexp.MustCompile(`(^|[\s(])\*([^*\s][^*]*)\*`)
	mdCode   = regexp.MustCompile("`([^`]+)`")
)

// markdownToText renders the Markdown of rule help as plain text for
// SARIF help.text, which consumers show when they cannot render Markdown:
// markup goes, code blocks are indented, link targets are kept in
// parentheses.
func markdownToText(md string) string {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	var out []string
	fence := ""
	// A code span may run over a line break (Markdown allows it): the
	// line that opens it and the one that closes it each hold one
	// backtick of the pair.
	span := false
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			span = false
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
				continue
			}
			out = append(out, "    "+line)
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if strings.HasPrefix(trimmed, "#") {
			line = strings.TrimSpace(strings.TrimLeft(trimmed, "#"))
		} else if strings.HasPrefix(trimmed, "* ") || strings.HasPrefix(trimmed, "+ ") {
			indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
			line = indent + "- " + trimmed[2:]
		}
		// Each expression runs only on a line holding what it must match:
		// most lines hold no markup, and the expressions are slow.
		if strings.Contains(line, "![") {
			line = mdImage.ReplaceAllString(line, "$1")
		}
		if strings.Contains(line, "](") {
			line = mdLink.ReplaceAllString(line, "$1 ($2)")
		}
		if strings.Contains(line, "**") || strings.Contains(line, "__") {
			line = mdBold.ReplaceAllString(line, "$1$2")
		}
		if strings.IndexByte(line, '*') >= 0 {
			line = mdItalic.ReplaceAllString(line, "$1$2")
		}
		if strings.IndexByte(line, '`') >= 0 {
			if span {
				// closes the span the line before opened
				i := strings.IndexByte(line, '`')
				line, span = line[:i]+line[i+1:], false
			}
			line = mdCode.ReplaceAllString(line, "$1")
			if i := strings.IndexByte(line, '`'); i >= 0 {
				line, span = line[:i]+line[i+1:], true
			}
		}
		out = append(out, strings.TrimRight(line, " \t"))
	}
	// Collapse runs of blank lines and trim the ends.
	var b strings.Builder
	blank := 0
	for _, l := range out {
		if l == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}

// camelCase turns a kebab-case rule id into the CamelCase SARIF rule name:
// "class-forname-caller-loader" becomes "ClassFornameCallerLoader".
func camelCase(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '-' || r == '_' || r == '.' || r == ' ' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// truncate cuts s to at most max characters, marking the cut.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:max-1]), unicode.IsSpace) + "…"
}

// firstNonEmpty returns the first argument that is not blank.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// relURI turns a slash-separated path relative to the scan root into a
// relative URI reference. Each segment is percent-encoded, including ':'
// so a segment like "C:x" is never read as a scheme.
func relURI(p string) string {
	p = strings.TrimPrefix(filepath.ToSlash(p), "./")
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = escapeSegment(s)
	}
	return strings.Join(segs, "/")
}

// rootURI is the file URI of the absolute directory root, with a trailing
// slash so relative URIs resolve beneath it rather than beside it.
func rootURI(root string) string {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	p := filepath.ToSlash(root)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes /C:/x
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if i == 1 && len(s) == 2 && s[1] == ':' && isASCIILetter(s[0]) {
			continue // keep a drive letter as file:///C:/
		}
		segs[i] = escapeSegment(s)
	}
	u := "file://" + strings.Join(segs, "/")
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// escapeSegment percent-encodes a path segment, keeping RFC 3986
// unreserved characters and the sub-delimiters that paths use in practice
// (a jar entry "lib/a.jar!/p/C.class" stays readable).
func escapeSegment(s string) string {
	const keep = "-._~!$&'()*+,;=@"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (isASCIILetter(c) || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xF])
	}
	return b.String()
}
