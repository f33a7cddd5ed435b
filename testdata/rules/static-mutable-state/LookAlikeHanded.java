package fixtures.state;

import fixtures.state.own.Map;

// A project container filled with what callers hand in is shared state.
public class LookAlikeHanded {
    private static final Map HANDED = new Map(); // want "static-mutable-state"

    public static void register(String k, Object v) {
        HANDED.put(k, v);
    }
}
