package org.acme.lookup;

// The library's defaults for its configurable classes.
public final class Defaults {
    public static final String CONTEXT_CLASS = "org.acme.lookup.impl.StandardContext";
    public static final String FORMATTER = "java.util.logging.SimpleFormatter";
    public static final String PLUGIN_EXAMPLE = "com.example.app.Plugin";

    private Defaults() {
    }
}
