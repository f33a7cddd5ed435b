package rules

import (
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func TestLoggerParams(t *testing.T) {
	for _, tt := range []struct {
		params string
		want   []string
	}{
		{"(String kind, String typeId, String slicingCat, com.zeroc.Ice.Logger logger)", []string{"logger"}},
		{"(final org.slf4j.Logger log, Log other, int n)", []string{"log", "other"}},
		{"(@Nullable Logger l)", []string{"l"}},
		{"(Map<String, Logger> byName, Logger... many)", nil},
		{"()", nil},
		{"(String loggerName)", nil},
	} {
		got := loggerParams(&facts.MethodDecl{Params: tt.params})
		if len(got) != len(tt.want) {
			t.Errorf("loggerParams(%s) = %v, want %v", tt.params, got, tt.want)
			continue
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("loggerParams(%s) = %v, want %v", tt.params, got, tt.want)
			}
		}
	}
}
