package javasrc

import (
	"testing"
	"time"
)

// TestTimeLimit: small files get the base limit; each whole MiB adds a
// fifth of it.
func TestTimeLimit(t *testing.T) {
	for _, c := range []struct {
		size int
		want time.Duration
	}{
		{0, 20 * time.Second},
		{1<<20 - 1, 20 * time.Second},
		{1 << 20, 24 * time.Second},
		{4<<20 + 5, 36 * time.Second},
		{10 << 20, 60 * time.Second},
	} {
		if got := TimeLimit(20*time.Second, c.size); got != c.want {
			t.Errorf("TimeLimit(20s, %d) = %v, want %v", c.size, got, c.want)
		}
	}
}
