package rules

import (
	"bytes"
	"sort"
)

// plainStaticBlocks are the spans, from the opening brace to the closing
// one, of the static initialisers of src that hold no code to run later:
// no lambda or switch arrow, no anonymous or local class. Every statement
// of such a block runs once, while the class initialises, so a write in it
// is one static-mutable-state never reports (clinitOnly). The sources are
// lexed from the start, so that a brace or the word static in a comment,
// a string or a text block is not taken for code; a block that is not
// closed is left out.
//
// One anonymous class is no later code: older protoc output's
// InternalDescriptorAssigner, whose assignDescriptors the block's
// internalBuildGeneratedFileFrom call runs before it returns
// (privilegedInClinit), when assignDescriptors is all its body declares.
//
// Generated parsers and protocol buffers fill their tables in such blocks:
// without this, the pre-filter took those writes for run-time ones and
// sent the largest sources of a tree to the parser for nothing.
func plainStaticBlocks(src []byte) [][2]int {
	type paren struct{ call, assigner bool }
	var (
		blocks [][2]int
		prev   jtoken // the token before this one
		start  = -1   // the open block's brace, -1 outside one
		depth  int    // braces open inside the block, its own included
		plain  bool
		// An anonymous class is a '{' after the ')' that closes a
		// constructor's arguments: parens records, for each '(' open in
		// the block, whether it opened one; newType is set from the word
		// new until the '(' or '[' that ends the created type, whose last
		// word is typeWord.
		parens     []paren
		newType    bool
		typeWord   []byte
		closed     paren // what the ')' just before this token closed
		assigner   int   // depth inside the open assigner's body, 0 outside one
		unassigned bool  // an assigner's body closed, its build call not yet seen
	)
	eachToken(src, 0, len(src), func(t jtoken) bool {
		p := prev
		prev = t
		if start < 0 {
			if t.kind == '{' && p.kind == 'w' && bytes.Equal(src[p.start:p.end], []byte("static")) {
				start, depth, plain = t.start, 1, true
				parens, newType, closed, assigner, unassigned = parens[:0], false, paren{}, 0, false
			}
			return true
		}
		after := closed
		closed = paren{}
		switch t.kind {
		case '"':
			if t.textBlock {
				plain = false // closingBracket, which finds the rule's blocks, knows none
			}
		case 'w':
			switch w := src[t.start:t.end]; string(w) {
			case "new":
				newType = true
			case "class", "interface", "enum", "record":
				if p.kind != '.' { // Foo.class is a literal
					plain = false
				}
			}
			if newType {
				typeWord = src[t.start:t.end]
			}
		case '(':
			if p.kind == 'w' {
				name := src[p.start:p.end]
				if assigner > 0 && depth == assigner && !bytes.Equal(name, []byte("assignDescriptors")) {
					plain = false // another member of the assigner's body
				}
				// as privilegedInClinit finds it: the name and "(" with
				// nothing between
				if bytes.Equal(name, []byte("internalBuildGeneratedFileFrom")) && assigner == 0 && p.end == t.start {
					unassigned = false
				}
			}
			parens = append(parens, paren{call: newType, assigner: newType && bytes.Equal(typeWord, []byte("InternalDescriptorAssigner"))})
			newType = false
		case ')':
			if n := len(parens); n > 0 {
				closed = parens[n-1]
				parens = parens[:n-1]
			}
		case '[':
			newType = false // an array: its initialiser's braces are data
		case '=':
			if assigner > 0 && depth == assigner {
				plain = false // a field of the assigner
			}
		case '>':
			if p.kind == '-' && p.end == t.start {
				plain = false // a lambda, or a switch rule
			}
		case '{':
			if assigner > 0 && depth == assigner && p.kind != ')' {
				plain = false // an initialiser of the assigner, not its method
			}
			depth++
			if after.call {
				if after.assigner && assigner == 0 {
					assigner = depth
				} else {
					plain = false
				}
			}
		case '}':
			if depth == assigner {
				assigner, unassigned = 0, true
			}
			if depth--; depth == 0 {
				if plain && !unassigned {
					blocks = append(blocks, [2]int{start, t.start})
				}
				start = -1
			}
		}
		// The created type is words, dots, type arguments and
		// annotations; anything else ends it.
		if newType && t.kind != 'w' && t.kind != '.' && t.kind != '<' && t.kind != '>' && t.kind != ',' && t.kind != '?' && t.kind != '@' {
			newType = false
		}
		return true
	})
	return blocks
}

// inBlocks reports whether offset at lies inside one of blocks (sorted,
// not overlapping), by a binary search: a file of many blocks asks once
// per write.
func inBlocks(blocks [][2]int, at int) bool {
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i][1] >= at })
	return i < len(blocks) && blocks[i][0] <= at
}
