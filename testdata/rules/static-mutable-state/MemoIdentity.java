package fixtures.state;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

// Memos keyed by an object's identity (a language runtime's type object)
// whose value the library computes from the key alone, in methods handed
// something more: keys of different apps never collide and the value is
// the same whoever asks, so there is no cross-app mix-up. Compiled code
// shows these values without their arguments; the extractor follows them
// back to the parameters they read. The look-alikes build the value from
// the caller's other input.
public class MemoIdentity {
    public static final class RtType {
        final String name;

        RtType(String name) {
            this.name = name;
        }
    }

    static final class Invoker {
        final RtType type;
        final String how;

        Invoker(RtType type, String how) {
            this.type = type;
            this.how = how;
        }
    }

    static Invoker compute(RtType type) {
        return new Invoker(type, type.name);
    }

    private static final Map<RtType, Invoker> INVOKERS = new HashMap<>();
    private static final Map<RtType, Map<String, Invoker>> BY_NAME = new HashMap<>();
    private static final Map<RtType, Invoker> CHOSEN = new HashMap<>(); // want "static-mutable-state"

    public static synchronized Invoker invoker(RtType type, boolean create) {
        Invoker f = INVOKERS.get(type);
        if (f == null && create) {
            f = compute(type);
            INVOKERS.put(type, f);
        }
        return f;
    }

    public static synchronized Invoker named(RtType type, String name) {
        Map<String, Invoker> m = BY_NAME.get(type);
        if (m == null) {
            m = new HashMap<>();
            BY_NAME.put(type, m);
        }
        return m.get(name);
    }

    public static synchronized Invoker chosen(RtType type, String how) {
        Invoker f = CHOSEN.get(type);
        if (f == null) {
            f = new Invoker(type, how);
            CHOSEN.put(type, f);
        }
        return f;
    }

    // The same memo filled through a private helper that also bounds it:
    // every caller passes a value computed from the key it passes. The
    // look-alike's caller passes its own handler. Class files keep no
    // caller text: the helper's put stores a parameter there.
    private static final Map<RtType, Invoker> BOUNDED = new HashMap<>(); // want "static-mutable-state" source:-
    private static final Map<RtType, Invoker> HANDLED = new HashMap<>(); // want "static-mutable-state"

    public static synchronized Invoker bounded(RtType type) {
        Invoker f = BOUNDED.get(type);
        if (f == null) {
            f = remember(type, compute(type));
        }
        return f;
    }

    private static Invoker remember(RtType type, Invoker f) {
        if (BOUNDED.size() > 100) {
            BOUNDED.clear();
        }
        BOUNDED.put(type, f);
        return f;
    }

    public static synchronized Invoker handle(RtType type, Invoker handler) {
        Invoker f = HANDLED.get(type);
        if (f == null) {
            f = keep(type, handler);
        }
        return f;
    }

    private static Invoker keep(RtType type, Invoker f) {
        HANDLED.put(type, f);
        return f;
    }

    // A memo re-validated on every read: rebuilt whenever the library's
    // own configured name changes, so it is a function of that name, not
    // of the first caller. The look-alike loads the name a caller passes
    // (in sources, a write under a test for null counts as lazy
    // initialisation, static-singleton-first-wins's case, even when an
    // "||" lets it replace the value).
    private static Object impl = null;
    private static Object picked = null; // want "static-mutable-state" source:-

    static String configuredName() {
        return System.getProperty("fixtures.impl", "java.lang.Object");
    }

    static Object load(String name) {
        return "java.lang.StringBuilder".equals(name) ? new StringBuilder() : new Object();
    }

    public static synchronized Object impl(String purpose) {
        if (impl == null || !impl.getClass().getName().equals(configuredName())) {
            impl = load(configuredName());
        }
        return impl;
    }

    public static synchronized Object pick(String purpose, String name) {
        if (picked == null || !picked.getClass().getName().equals(name)) {
            picked = load(name);
        }
        return picked;
    }

    // A scoped override restored in finally is shared while it lasts:
    // other threads see it during the call. With the JVM's default locale
    // every app would set the same value; with a caller's locale, another
    // app's thread formats in this caller's locale meanwhile.
    private static Locale current = Locale.ROOT;
    private static Locale scoped = Locale.ROOT; // want "static-mutable-state"

    public static String format(Object o, int width) {
        Locale old = current;
        current = Locale.getDefault();
        try {
            return String.format(current, "%" + width + "s", o);
        } finally {
            current = old;
        }
    }

    public static String formatIn(Object o, Locale locale) {
        Locale old = scoped;
        scoped = locale;
        try {
            return String.format(scoped, "%s", o);
        } finally {
            scoped = old;
        }
    }
}
