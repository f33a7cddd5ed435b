package org.acme.lookup;

// The constants testdata/rules/class-forname-caller-loader/pending's
// Configured.java names, so that it compiles on its own.
public final class Defaults {
    public static final String CONTEXT_CLASS = "org.acme.lookup.impl.StandardContext";
    public static final String FORMATTER = "java.util.logging.SimpleFormatter";
    public static final String PLUGIN_EXAMPLE = "com.example.app.Plugin";

    private Defaults() {
    }
}
