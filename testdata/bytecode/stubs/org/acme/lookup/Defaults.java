package org.acme.lookup;

// A copy of testdata/rules/class-forname-caller-loader/base/pending/org/acme/lookup/Defaults.java,
// so that Configured.java beside it compiles on its own against these stubs
// (../../../../build.sh, rules.TestFixedFixturesCompile); TestStubCopiesMatch
// keeps the two alike.
public final class Defaults {
    public static final String CONTEXT_CLASS = "org.acme.lookup.impl.StandardContext";
    public static final String FORMATTER = "java.util.logging.SimpleFormatter";
    public static final String PLUGIN_EXAMPLE = "com.example.app.Plugin";

    private Defaults() {
    }
}
