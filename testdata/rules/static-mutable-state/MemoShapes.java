package fixtures.state;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

// Caches the library fills from its own constants or from the key alone
// hold the same for every app; the look-alikes store what a caller hands in.
public class MemoShapes {
    enum Kind { ALPHA, BETA }

    // A lookup table built once, behind a static flag, from the library's
    // own enum constants.
    private static final Map<String, Kind> ALIASES = new HashMap<>();
    private static boolean initialized;

    static Kind alias(String name) {
        if (!initialized) {
            initAliases();
        }
        return ALIASES.get(name);
    }

    private static void initAliases() {
        for (Kind k : Kind.values()) {
            ALIASES.put(k.name().toLowerCase(), k);
        }
        initialized = true;
    }

    // The look-alike: the table takes what callers register.
    private static final Map<String, Kind> REGISTERED = new HashMap<>(); // want "static-mutable-state"

    public static void register(String name, Kind k) {
        REGISTERED.put(name, k);
    }

    interface Compiler {
        Object compile(Object o);
    }

    static final class TypeCompiler implements Compiler {
        final int type;

        TypeCompiler(int type, boolean strict) {
            this.type = type;
        }

        public Object compile(Object o) {
            return o;
        }
    }

    // A memo of the library's own stateless objects per built-in type id,
    // in an array and in a map, built in a switch.
    private static final Compiler[] BY_TYPE = new Compiler[16];
    private static final Map<Integer, Compiler> COMPILERS = new HashMap<>();

    static Compiler forType(int typeId) {
        Compiler c = BY_TYPE[typeId];
        if (c == null) {
            c = new TypeCompiler(typeId, true);
            BY_TYPE[typeId] = c;
        }
        return c;
    }

    static Compiler mapped(int typeId) {
        Compiler c = COMPILERS.get(typeId);
        if (c == null) {
            switch (typeId) {
                case 1:
                    c = new TypeCompiler(1, false);
                    break;
                default:
                    c = new TypeCompiler(typeId, true);
            }
            COMPILERS.put(typeId, c);
        }
        return c;
    }

    // The look-alike: a caller's compiler stored per type.
    private static final Compiler[] CUSTOM = new Compiler[16]; // want "static-mutable-state" bytecode:-

    public static void setCompiler(int typeId, Compiler c) {
        CUSTOM[typeId] = c;
    }

    // A parse cache bounded by clearing it.
    private static final Map<String, Long> PARSED = new HashMap<>();

    static long parse(String s) {
        Long v = PARSED.get(s);
        if (v == null) {
            v = Long.valueOf(s.trim());
            if (PARSED.size() > 1000) {
                PARSED.clear();
            }
            PARSED.put(s, v);
        }
        return v;
    }

    // The look-alike: the value comes from the caller.
    private static final Map<String, Long> LIMITS = new HashMap<>(); // want "static-mutable-state"

    public static void limit(String s, long max) {
        if (LIMITS.size() > 1000) {
            LIMITS.clear();
        }
        LIMITS.put(s, max);
    }

    static final class Bundle {
    }

    static final class Wrapper {
        final Bundle bundle;

        Wrapper(Bundle bundle) {
            this.bundle = bundle;
        }
    }

    // Wrappers of the key object, made on demand.
    private static final Map<Bundle, Wrapper> WRAPPERS = new WeakHashMap<>();

    static synchronized Wrapper wrap(Bundle b) {
        Wrapper w = WRAPPERS.get(b);
        if (w == null) {
            w = new Wrapper(b);
            WRAPPERS.put(b, w);
        }
        return w;
    }

    // The look-alike: a caller's wrapper stored under its bundle.
    private static final Map<Bundle, Wrapper> INSTALLED = new HashMap<>(); // want "static-mutable-state"

    public static void install(Bundle b, Wrapper w) {
        INSTALLED.put(b, w);
    }
}
