package javasrc

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var ignoreMarker = []byte("kscan:ignore")

// findSuppressions reads "kscan:ignore" comments. The marker is found by a
// byte search and confirmed to sit in a comment node, so strings that
// mention it do not count.
func (st *fileState) findSuppressions() []facts.Suppression {
	var out []facts.Suppression
	src := st.src
	for i := 0; ; {
		j := bytes.Index(src[i:], ignoreMarker)
		if j < 0 {
			return out
		}
		at := i + j
		i = at + len(ignoreMarker)
		n := st.namedAt(at, at)
		if k := st.kind(n); k != kLineComment && k != kBlockComment {
			continue
		}
		end := min(st.end(n), len(src))
		body := string(src[i:end])
		body = strings.TrimSuffix(strings.TrimSpace(body), "*/")
		if k := strings.IndexByte(body, '\n'); k >= 0 {
			body = body[:k]
		}
		if k := strings.Index(body, "//"); k >= 0 {
			body = body[:k] // a trailing comment in the comment is commentary
		}
		spec, reason, _ := strings.Cut(body, "--")
		ids := strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' })
		lineStart := st.lines.lineStart(at)
		out = append(out, facts.Suppression{
			Line:    st.lines.line(at),
			Rules:   ids,
			Reason:  strings.TrimSpace(reason),
			OwnLine: strings.TrimSpace(string(src[lineStart:st.start(n)])) == "",
			Span:    st.span(n),
		})
	}
}
