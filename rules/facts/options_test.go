package facts

import "testing"

func TestOptionParserType(t *testing.T) {
	for name, want := range map[string]bool{
		"org.apache.commons.cli.CommandLine":  true,
		"org/apache/commons/cli/CommandLine":  true,
		"com.martiansoftware.jsap.JSAPResult": true,
		"picocli.CommandLine$Option":          true,
		"picocli/CommandLine$Command":         true,
		"org.apache.commons.cli":              false, // the package, no type
		"org.apache.commons.client.Http":      false,
		"java.lang.String":                    false,
		"com.beust.jcommanderx.Foo":           false,
		"io/airlift/airline/Command":          true,
		"":                                    false,
	} {
		if got := OptionParserType(name); got != want {
			t.Errorf("OptionParserType(%q) = %v, want %v", name, got, want)
		}
	}
}
