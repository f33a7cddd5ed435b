package fixtures.state.sinks;

import java.util.Map;

// A static filled from a helper that registers what it builds in the
// map its caller hands it, and builds it from constants: the caller's map
// is where the result goes, not what it is made of, so every app stores
// the same kind. A value made from the caller's name or object, from a
// system property, or from what the helper reads out of the map is the
// app's.
public final class SinkArgs {
    static final Kind BASE = new Kind("base", null);
    static final String NAME = "Unsupported";

    public static final class Kind {
        final String name;
        final Kind parent;

        Kind(String name, Kind parent) {
            this.name = name;
            this.parent = parent;
        }

        void attach(Map<String, Kind> registry) {
        }
    }

    public static Kind unsupported;
    public static Kind renamed;
    public static Kind qualified;
    public static Kind named; // want "static-mutable-state" bytecode:0
    public static Kind looked; // want "static-mutable-state" bytecode:0
    public static Kind attached; // want "static-mutable-state" bytecode:0
    public static Kind fromProperty; // want "static-mutable-state" bytecode:0
    public static Kind fromPropertyLocal; // want "static-mutable-state" bytecode:0
    public static Kind helperReads; // want "static-mutable-state" bytecode:0

    // The type is built from constants; registry only receives it.
    public static void classInit(Map<String, Kind> registry) {
        unsupported = makeKind(registry, "Unsupported", BASE);
        renamed = makeKind(registry, NAME, BASE, BASE);
        qualified = SinkArgs.makeKind(registry, "Qualified", new Kind("x", null));
    }

    public static void byName(Map<String, Kind> registry, String name) {
        named = makeKind(registry, name, BASE);
    }

    public static void byLookup(Map<String, Kind> registry) {
        looked = lookup(registry, "Unsupported");
    }

    public static void byAttach(Map<String, Kind> registry) {
        attached = attachKind(registry, "Attached");
    }

    public static void byProperty(Map<String, Kind> registry) {
        fromProperty = makeKind(registry, System.getProperty("kind.name", "x"), BASE);
    }

    public static void byPropertyLocal(Map<String, Kind> registry) {
        String n = System.getProperty("kind.name", "x");
        fromPropertyLocal = makeKind(registry, n, BASE);
    }

    public static void byHelperRead(Map<String, Kind> registry) {
        helperReads = configuredKind(registry, "Configured");
    }

    private static Kind makeKind(Map<String, Kind> registry, String name, Kind... bases) {
        Kind kind = new Kind(name, bases.length > 0 ? bases[0] : null);
        registry.put(name, kind);
        return kind;
    }

    // What it returns is read out of the caller's map.
    private static Kind lookup(Map<String, Kind> registry, String name) {
        Kind found = registry.get(name);
        return found;
    }

    // The caller's map is handed to the kind itself.
    private static Kind attachKind(Map<String, Kind> registry, String name) {
        Kind kind = new Kind(name, null);
        kind.attach(registry);
        return kind;
    }

    // The helper builds its kind from a system property.
    private static Kind configuredKind(Map<String, Kind> registry, String name) {
        Kind kind = new Kind(System.getProperty("kind." + name, name), null);
        registry.put(name, kind);
        return kind;
    }

    // what the library reads back
    static Kind[] kinds() {
        return new Kind[] { unsupported, renamed, qualified, named, looked, attached, fromProperty, fromPropertyLocal, helperReads };
    }
}
