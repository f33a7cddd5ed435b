package rules

import "testing"

// TestSettleTasks reads task classes of another file as the scanner
// hands them over once every file is known.
func TestSettleTasks(t *testing.T) {
	sources := map[string]string{
		"a.Pool": `package a;
public class Pool {
    class Evictor implements Runnable {
        public void run() {
            ClassLoader saved = Thread.currentThread().getContextClassLoader();
            try {
                Thread.currentThread().setContextClassLoader(loader);
                evict();
            } finally {
                Thread.currentThread().setContextClassLoader(saved);
            }
        }
    }
    class Sweeper implements Runnable {
        public void run() { sweep(); }
    }
    class Notifier implements Runnable {
        public void run() { fire(); }
    }
    void evict() {}
    void sweep() { close(); }
    void close() { java.io.File f = new java.io.File("x"); f.delete(); }
    void fire() { for (Listener l : listeners) { l.changed(); } }
    class Switcher implements Runnable {
        public void run() { Thread.currentThread().setContextClassLoader(loader); }
    }
}`,
		"a.Deep": `package a;
public class Deep implements Runnable {
    public void run() { one(); }
    void one() { two(); }
    void two() { three(); }
    void three() { four(); }
    void four() { java.util.ServiceLoader.load(Runnable.class); }
}`,
	}
	source := func(class string) []byte {
		if s, ok := sources[class]; ok {
			return []byte(s)
		}
		return nil
	}
	for _, tc := range []struct {
		name       string
		classes    []string
		switchOnly bool
		want       bool
	}{
		{"switches and restores", []string{"a.Pool$Evictor"}, true, true},
		{"inert through the outer class's methods", []string{"a.Pool$Sweeper"}, false, true},
		{"inert, but the wrapper reaches", []string{"a.Pool$Sweeper"}, true, false},
		{"calls listeners", []string{"a.Pool$Notifier"}, false, false},
		{"sets a loader, runs nothing else", []string{"a.Pool$Switcher"}, false, true},
		{"sets a loader, then must switch", []string{"a.Pool$Switcher"}, true, false},
		{"one inert, one reaching", []string{"a.Pool$Sweeper", "a.Pool$Notifier"}, false, false},
		{"one switching among others", []string{"a.Pool$Notifier", "a.Pool$Evictor"}, true, true},
		{"deeper than followed", []string{"a.Deep"}, false, false},
		{"no source", []string{"b.Missing"}, false, false},
		{"no such class in the file", []string{"a.Pool$Absent"}, false, false},
	} {
		if got := SettleTasks(tc.classes, tc.switchOnly, source); got != tc.want {
			t.Errorf("%s: SettleTasks(%v, %v) = %v, want %v", tc.name, tc.classes, tc.switchOnly, got, tc.want)
		}
	}
	if SettleTasks([]string{"a.Pool$Evictor"}, false, nil) {
		t.Error("SettleTasks without sources cleared a finding")
	}
}

func TestSwitchesItself(t *testing.T) {
	for text, want := range map[string]bool{
		"t.setContextClassLoader(cl); try { run(); } finally { t.setContextClassLoader(old); }": true,
		"t.setContextClassLoader(cl); run();":                                                   false,
		"try { run(); } finally { t.setContextClassLoader(old); }":                              false,
		"": false,
	} {
		if got := switchesItself(text); got != want {
			t.Errorf("switchesItself(%q) = %v, want %v", text, got, want)
		}
	}
}
