package javasrc

// site is a place where a subscribed method name or instance-creation type
// occurs in the text; the tree confirms or rejects it.
type site struct {
	at, end int
	kind    siteKind
	node    nodeID // siteInvocation: the method_invocation
}

type siteKind uint8

const (
	siteCall       siteKind = iota // a subscribed method name followed by (
	siteNew                        // a subscribed type name in new T(...)
	siteWrite                      // a static field name (or Type.NAME) being assigned, incremented or stored into
	siteInvocation                 // any method invocation (Interest.AllCalls)
)

// textScan is what one pass over the text finds before the parse.
type textScan struct {
	// sites are the method names (followed by '(') and type names (after
	// "new") the rules subscribed to, in document order.
	sites []site
	// writes are names that may be written: followed by an assignment
	// operator, ++, -- or [, or preceded by ++ or --; qualified ones
	// follow "Type.". Those that name no static field are dropped once
	// the declarations are known (staticWrites).
	writes []writeCandidate
	// cut is where braces first nest deeper than MaxBracketDepth, -1
	// when they never do: the parser's error recovery holds hundreds of
	// bytes per input byte on runs of unclosed bodies, so only the text
	// before cut is parsed.
	cut int
}

type writeCandidate struct {
	at, end   int
	qualified bool
}

// scanText lexes src once, outside comments and literals, for the sites
// of in and the writes.
func scanText(src []byte, in Interest) textScan {
	ts := textScan{cut: -1}
	n := len(src)
	afterNew := false // the previous token was "new"
	depth := 0
	lexJava(src, func(i, j int) {
		tok := src[i:j]
		if !in.AllCalls && in.Calls[string(tok)] {
			if k := skipSpace(src, j); k < n && src[k] == '(' && !afterNew {
				ts.sites = append(ts.sites, site{at: i, end: j, kind: siteCall, node: none})
			}
		}
		if in.News[string(tok)] {
			ts.sites = append(ts.sites, site{at: i, end: j, kind: siteNew, node: none})
		}
		afterNew = string(tok) == "new"
		if writtenAt(src, i, j) {
			ts.writes = append(ts.writes, writeCandidate{at: i, end: j, qualified: i > 1 && src[i-1] == '.' && typeQualifier(src, i-1)})
		}
	}, func(i, j int) {
		afterNew = false
	}, func(i int) {
		// Qualified names and generics keep "new" as the previous token.
		switch src[i] {
		case '.', ' ', '\t', '\n', '\r':
		case '{':
			afterNew = false
			if depth++; depth > MaxBracketDepth && ts.cut < 0 {
				ts.cut = i
			}
		case '}':
			afterNew = false
			if depth > 0 {
				depth--
			}
		default:
			afterNew = false
		}
	})
	if ts.cut >= 0 {
		ts.sites = sitesBefore(ts.sites, ts.cut)
		w := ts.writes[:0]
		for _, c := range ts.writes {
			if c.end <= ts.cut {
				w = append(w, c)
			}
		}
		ts.writes = w
	}
	return ts
}

// MaxBracketDepth is how deep braces may nest before the rest of a file
// is left unparsed (hand-written Java stays far below; generated code
// rarely passes a hundred). Parentheses do not count: a deep but balanced
// expression parses at an ordinary cost, and the expression walk has its
// own depth limit.
const MaxBracketDepth = 512

func sitesBefore(sites []site, cut int) []site {
	out := sites[:0]
	for _, s := range sites {
		if s.end <= cut {
			out = append(out, s)
		}
	}
	return out
}

// staticWrites keeps the write candidates that are qualified or name a
// static field of the file, as sites.
func staticWrites(src []byte, ws []writeCandidate, statics map[string]bool) []site {
	var out []site
	for _, w := range ws {
		if w.qualified || statics[string(src[w.at:w.end])] {
			out = append(out, site{at: w.at, end: w.end, kind: siteWrite, node: none})
		}
	}
	return out
}

// invocationSites adds every method invocation to sites, for
// Interest.AllCalls (findSites then leaves the subscribed names to them).
func (st *fileState) invocationSites(calls []nodeID, sites []site) []site {
	for _, n := range calls {
		at := st.start(n)
		if nm := st.childByField(n, fName); nm >= 0 {
			at = st.start(nm) // where the token scan would place it
		}
		sites = append(sites, site{at: at, end: at, kind: siteInvocation, node: n})
	}
	return sites
}

// typeQualifier reports whether the identifier ending before the dot at
// dot starts with an upper-case letter (a type, by convention).
func typeQualifier(src []byte, dot int) bool {
	s := dot
	for s > 0 && isIdentByte(src[s-1]) {
		s--
	}
	return s < dot && src[s] >= 'A' && src[s] <= 'Z'
}

// writtenAt reports an assignment operator, ++, -- or [ after the name at
// [i, j), or ++/-- before it.
func writtenAt(src []byte, i, j int) bool {
	if i >= 2 && (src[i-1] == '+' && src[i-2] == '+' || src[i-1] == '-' && src[i-2] == '-') {
		return true
	}
	k := skipSpace(src, j)
	if k+1 >= len(src) {
		return false
	}
	switch c := src[k]; c {
	case '=':
		return src[k+1] != '='
	case '[':
		return true
	case '+', '-':
		return src[k+1] == '=' || src[k+1] == c
	case '*', '/', '%', '&', '|', '^':
		return src[k+1] == '='
	case '<', '>':
		return k+2 < len(src) && src[k+1] == c && (src[k+2] == '=' || c == '>' && src[k+2] == '>' && k+3 < len(src) && src[k+3] == '=')
	}
	return false
}

// skipString skips a string literal or text block starting at i.
func skipString(src []byte, i int) int {
	n := len(src)
	if i+2 < n && src[i+1] == '"' && src[i+2] == '"' {
		i += 3
		for i+2 < n && !(src[i] == '"' && src[i+1] == '"' && src[i+2] == '"' && src[i-1] != '\\') {
			i++
		}
		return i + 3
	}
	i++
	for i < n && src[i] != '"' && src[i] != '\n' {
		if src[i] == '\\' {
			i++
		}
		i++
	}
	return i + 1
}

// callAt returns the method_invocation whose name is the site, or none.
func (st *fileState) callAt(s site) nodeID {
	n := st.namedAt(s.at, s.end)
	if st.kind(n) != kIdentifier || st.start(n) != s.at {
		return none
	}
	p := st.parent(n)
	if st.kind(p) != kMethodInvocation {
		return none
	}
	if name := st.childByField(p, fName); name < 0 || st.start(name) != s.at {
		return none // the identifier is the receiver, not the method name
	}
	return p
}

// newAt returns the object_creation_expression whose type ends with the
// site, and its type node, or nones.
func (st *fileState) newAt(s site) (nodeID, nodeID) {
	n := st.namedAt(s.at, s.end)
	for i := 0; n >= 0 && i < 4; i, n = i+1, st.parent(n) {
		if st.kind(n) != kObjectCreationExpression {
			continue
		}
		t := st.childByField(n, fType)
		if t >= 0 && st.start(t) <= s.at && s.end <= st.end(t) {
			return n, t
		}
		return none, none
	}
	return none, none
}
