package javasrc

import (
	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"
)

// SyntaxOK reports whether src parses without errors; used to check that
// applying fixes leaves valid code.
func SyntaxOK(src []byte) bool {
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(java.GetLanguage())
	t := p.Parse(nil, src)
	if t == nil {
		return false
	}
	defer t.Close()
	return !t.RootNode().HasError()
}
