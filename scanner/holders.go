package scanner

// holderList is the archives holding a class, in the order they were
// recorded, as the last node of a chain. The chains are shared: every
// class held by the same archives in the same order ends at the same
// node, so a jar copied a thousand times costs a thousand nodes rather
// than a list of a thousand archives for each of its classes, and the
// classes that only one archive holds (nearly all) share that archive's
// node.
type holderList struct {
	prev *holderList
	id   int32 // the archive, an index into projectIndex.archiveRefs
	n    int32 // the chain's length
}

// holderStep is a node's place in the chains: the node before it and its
// archive.
type holderStep struct {
	prev *holderList
	id   int32
}

// holderChains makes the nodes, each once. Not safe for concurrent use
// (the project index's lock guards it).
type holderChains map[holderStep]*holderList

// add returns the chain l followed by id: the node made for that step
// before, or a new one. l is nil for a class no archive held yet.
func (c holderChains) add(l *holderList, id int32) *holderList {
	k := holderStep{l, id}
	if n := c[k]; n != nil {
		return n
	}
	n := &holderList{prev: l, id: id, n: 1}
	if l != nil {
		n.n = l.n + 1
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

// ids appends the chain's archives to buf in the order they were
// recorded.
func (l *holderList) ids(buf []int32) []int32 {
	k := len(buf)
	for ; l != nil; l = l.prev {
		buf = append(buf, l.id)
	}
	for i, j := k, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return buf
}
