package scope

import (
	"testing"
)

func TestAndroidName(t *testing.T) {
	for name, want := range map[string]bool{
		"android.app.Activity":                     true,
		"android.content.Context":                  true,
		"androidx.appcompat.app.AppCompatActivity": true,
		"android/view/View":                        true,
		"Landroid/os/Bundle;":                      true,
		"android.annotation.SuppressLint":          false,
		"androidx.annotation.Nullable":             false,
		"android.support.annotation.NonNull":       false,
		"android/support/annotation/NonNull":       false,
		"androids.Robot":                           false,
		"org.android.Tool":                         false,
		"java.lang.Object":                         false,
	} {
		if got := androidName(name); got != want {
			t.Errorf("androidName(%q) = %v, want %v", name, got, want)
		}
	}
}

// A source that uses the Android platform's API runs on Android; one that
// only borrows its nullness annotations is plain Java.
func TestAndroidSources(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want Class
	}{
		{"package org.acme.ui;\nimport android.content.Context;\npublic class LayerView { static Context ctx; }\n", Android},
		{"package org.acme.ui;\nimport androidx.fragment.app.Fragment;\npublic class Page extends Fragment {}\n", Android},
		{"package org.acme.lib;\nimport androidx.annotation.Nullable;\npublic class Lib { @Nullable String name; }\n", Production},
		{"package org.acme.lib;\nimport java.util.List;\npublic class Lib {}\n", Production},
	} {
		d, _ := javaSignals(parseJavaHead([]byte(tc.src)), true)
		if d.Class != tc.want {
			t.Errorf("javaSignals(%q) = %v (%s), want %v", tc.src, d.Class, d.Reason, tc.want)
		}
	}
}
