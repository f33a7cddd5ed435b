package javasrc

import "sync"

// syntaxParsers keeps parsers for SyntaxOK between calls.
var syntaxParsers sync.Pool

// SyntaxOK reports whether src parses without errors; used to check that
// applying fixes leaves valid code.
func SyntaxOK(src []byte) bool {
	p, _ := syntaxParsers.Get().(*parser)
	if p == nil {
		var err error
		if p, err = newParser(); err != nil {
			return false
		}
	}
	defer syntaxParsers.Put(p)
	bad, err := p.hasError(normalizeCR(src))
	return err == nil && !bad
}
