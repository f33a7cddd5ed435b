package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard selects a stable subset of a list: shard I of N holds the
// repositories whose identity hashes to I-1 modulo N. Editing the list
// (adding, removing, reordering lines) moves no other repository between
// shards, and every line of one repository (several refs or roles) lands
// in the same shard.
type Shard struct{ I, N int }

// ParseShard reads "I/N" with 1 <= I <= N.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	a, err1 := strconv.Atoi(strings.TrimSpace(i))
	b, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 1 || a > b {
		return Shard{}, fmt.Errorf("bad shard %q (want I/N with 1 <= I <= N, e.g. 2/8)", s)
	}
	return Shard{a, b}, nil
}

// Holds reports whether the entry belongs to the shard. The zero Shard
// holds everything.
func (s Shard) Holds(e *Entry) bool {
	if s.N <= 1 {
		return true
	}
	id := e.Ident
	if id == "" { // an invalid line: by what was written
		id = e.Raw
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64()%uint64(s.N)) == s.I-1
}

func (s Shard) String() string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}
