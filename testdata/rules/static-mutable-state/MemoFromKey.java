package fixtures.state;

import java.text.Collator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

// A cache whose values the library computes from the key alone holds the
// same for every app (a memoised pure function), whatever the value type:
// an HTTP date parsed once, a built-in type id mapped to the library's own
// stateless codec, a key built from the inputs its value is computed from,
// a reverse mapping filled from a derived key. Values a caller hands in,
// or the caller's own object stored under a name taken from it, are
// shared state; so are values built from another of the caller's inputs.
public class MemoFromKey {
    private static final Map<String, Long> DATES = new ConcurrentHashMap<>();
    private static final Map<Integer, Codec> CODECS = new HashMap<>();
    private static final Map<String, Collator> COLLATORS = new HashMap<>();
    private static final Map<String, String> REVERSE = new ConcurrentHashMap<>();
    private static final Set<Integer> USED_IDS = new HashSet<>();
    private static final Map<String, Handler> HANDLERS = new HashMap<>(); // want "static-mutable-state"
    private static final Map<String, Codec> CONFIGURED = new HashMap<>(); // want "static-mutable-state"
    private static final Set<String> NAMES = new HashSet<>(); // want "static-mutable-state"
    private static int nextId;
    // Keyed by a name derived from the caller's class loader: kept per app
    // already. Class files do not show where the key came from.
    private static final Map<String, Object> BY_LOADER = new ConcurrentHashMap<>(); // want "static-mutable-state" source:-

    interface Codec {
        String encode(Object o);
    }

    static final class TextCodec implements Codec {
        public String encode(Object o) {
            return String.valueOf(o);
        }
    }

    static final class NumberCodec implements Codec {
        public String encode(Object o) {
            return o.toString();
        }
    }

    static final class LimitedCodec implements Codec {
        final int limit;

        LimitedCodec(int limit) {
            this.limit = limit;
        }

        public String encode(Object o) {
            return String.valueOf(o).substring(0, limit);
        }
    }

    public interface Handler {
        String name();
    }

    static long parseDate(String value) {
        Long cached = DATES.get(value);
        if (cached != null) {
            return cached;
        }
        long t = value.length() * 1000L;
        DATES.put(value, Long.valueOf(t));
        return t;
    }

    static Codec codec(int typeId) {
        Codec c = CODECS.get(typeId);
        if (c == null) {
            c = typeId == 1 ? new TextCodec() : new NumberCodec();
            CODECS.put(typeId, c);
        }
        return c;
    }

    static Collator collator(String language, String country) {
        String key = language + "_" + country;
        Collator c = COLLATORS.get(key);
        if (c == null) {
            COLLATORS.put(key, Collator.getInstance(new Locale(language, country)));
            c = COLLATORS.get(key);
        }
        return c;
    }

    static String toJava(String native0) {
        String suffix = native0.substring(4);
        String javaName = "TLS_" + suffix;
        REVERSE.putIfAbsent(javaName, native0);
        return javaName;
    }

    static synchronized int allocate() {
        int id = nextId++;
        while (!USED_IDS.add(id)) {
            id = nextId++;
        }
        return id;
    }

    static synchronized void release(int id) {
        USED_IDS.remove(id);
    }

    public static void register(Handler h) {
        HANDLERS.put(h.name(), h);
    }

    public static Codec configured(String name, int limit) {
        Codec c = new LimitedCodec(limit);
        CONFIGURED.put(name, c);
        return c;
    }

    static Object contextFor(ClassLoader loaderOrNull, Object config) {
        ClassLoader loader = loaderOrNull != null ? loaderOrNull : ClassLoader.getSystemClassLoader();
        String name = loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
        Object ctx = BY_LOADER.get(name);
        if (ctx == null) {
            ctx = new Object[] {config};
            BY_LOADER.putIfAbsent(name, ctx);
        }
        return ctx;
    }

    static void dropContext(String name) {
        BY_LOADER.remove(name);
    }

    public static void name(String n) {
        NAMES.add(n);
        NAMES.remove(n);
    }
}

// An instance initialiser filling a static table with constants: the same
// for every app (however often it runs). A per-thread diagnostic context
// (a ThreadContextMap) stores into the calling thread's own map.
class InitTable {
    private static final Map<String, Boolean> BAD_OS = new HashMap<>();
    private static ThreadContextMap contextMap = new ThreadContextMap();

    {
        BAD_OS.put("NT 5.0", Boolean.TRUE);
        BAD_OS.put("98", Boolean.TRUE);
    }

    static void put(String key, String value) {
        contextMap.put(key, value);
    }

    static final class ThreadContextMap {
        private final ThreadLocal<Map<String, String>> local = ThreadLocal.withInitial(HashMap::new);

        void put(String key, String value) {
            local.get().put(key, value);
        }
    }
}
