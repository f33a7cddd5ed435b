package rules

import "github.com/kscan/kscan/rules/facts"

// projDecl is a static field the project pass may report.
type projDecl struct {
	path string
	f    *facts.Field
	own  bool // written at run time in its own file
	file *facts.File
}

// ForeignStatics is the project's writes of static fields from files other
// than the declaring one. The scanner finds them once, over the files its
// project pass is given: it asks for their writers before the call graph
// is built (Writers), and static-mutable-state's project check reports them
// after (ProjectPass.Statics).
type ForeignStatics struct {
	files   []*facts.File
	foreign map[*projDecl][]*facts.Write
	pathOf  map[*facts.Write]string
	fileOf  map[*facts.Write]*facts.File
}

// of reports whether s was found over files, the same slice.
func (s *ForeignStatics) of(files []*facts.File) bool {
	return s != nil && len(s.files) == len(files) && (len(files) == 0 || &s.files[0] == &files[0])
}
