package scanner

import (
	"fmt"
	"sync"
	"testing"
)

// Classes indexed before and while the large maps are made are all in them
// once the wait returns.
func TestExpectClassesKeepsEarlyClasses(t *testing.T) {
	x := newProjectIndex(nil, nil, nil)
	x.addClass("com.acme.Early", 1)
	x.entries.put("a.jar!/com/acme/Early.class", entryAt{anchor: "a.jar"})
	wait := x.expectClasses(64 << 20)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				x.addClass(fmt.Sprintf("com.acme.C%d", i), int32(w))
			}
		}()
	}
	wg.Wait()
	wait()
	if n := len(x.holders); n != 501 {
		t.Errorf("%d classes held, want 501", n)
	}
	if hs := x.holders["com.acme.C7"]; len(hs) != 2 {
		t.Errorf("C7 held by %v, want both archives", hs)
	}
	if _, ok := x.entries.get("a.jar!/com/acme/Early.class"); !ok {
		t.Error("the entry put before the maps were made is gone")
	}
}
