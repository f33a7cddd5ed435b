package scanner

// holderList is the archives holding a class, as the last node of a chain.
// The chains are shared: every class held by the same archives ends at the
// same node, so a jar copied a thousand times costs a thousand nodes
// rather than a list of a thousand archives for each of its classes, and
// the classes that only one archive holds (nearly all) share that
// archive's node.
//
// A chain keeps the archives of one outermost archive in the order its
// walk recorded them, and the outermost archives in the order of their
// keys (holderChains.add), not in the order the workers happened to reach
// the class: two workers walking two copies at once would otherwise split
// the classes between two orders, and each split again at the next pair.
// Its readers ask which archives hold a class and, of the references to
// one archive, the last recorded: neither depends on the order of
// outermost archives.
type holderList struct {
	prev *holderList
	id   int32 // the archive, an index into projectIndex.archiveRefs
	key  int32 // its outermost archive's key (projectIndex.archiveKeys)
	n    int32 // the chain's length
}

// holderStep is a node's place in the chains: the node before it and its
// archive (which settles its key).
type holderStep struct {
	prev *holderList
	id   int32
}

// holderChains makes the nodes, each once. Not safe for concurrent use
// (the project index's lock guards it).
type holderChains map[holderStep]*holderList

// add returns the chain l with the archive id, of the outermost archive
// key, recorded: after the nodes of the outermost archives keyed up to
// key, before those keyed after it. A class its own outermost archive
// recorded last under the same id is not recorded twice in a row. l is nil
// for a class no archive held yet.
func (c holderChains) add(l *holderList, id, key int32) *holderList {
	// The nodes of archives keyed after key, walked past from the end:
	// nearly always none, or those another worker's walk is recording.
	var buf [8]*holderList
	later := buf[:0]
	p := l
	for p != nil && p.key > key {
		later = append(later, p)
		p = p.prev
	}
	if p != nil && p.key == key && p.id == id {
		return l
	}
	n := c.step(p, id, key)
	for i := len(later) - 1; i >= 0; i-- {
		n = c.step(n, later[i].id, later[i].key)
	}
	return n
}

func (c holderChains) step(prev *holderList, id, key int32) *holderList {
	k := holderStep{prev, id}
	if n := c[k]; n != nil {
		return n
	}
	n := &holderList{prev: prev, id: id, key: key, n: 1}
	if prev != nil {
		n.n = prev.n + 1
	}
	c[k] = n
	return n
}

// length is the number of archives recorded (0 for nil).
func (l *holderList) length() int {
	if l == nil {
		return 0
	}
	return int(l.n)
}
