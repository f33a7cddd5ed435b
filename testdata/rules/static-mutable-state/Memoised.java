package fixtures.state;

import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Memoised pure functions, per-owner maps and enum self-registration hold
// the same for every app: not shared state. Registries filled with what a
// caller hands in are.
public class Memoised {
    private static final Map<String, SimpleDateFormat> FORMATS = new HashMap<>();
    private static final ConcurrentMap<Locale, Strategy>[] caches = new ConcurrentMap[17];
    private static final Map<Key, List<String>> NAMES = new ConcurrentHashMap<>();
    private static final Map<Object, Strategy> PER_OWNER = new WeakHashMap<>();
    private static final Map<String, DateFormat> REGISTERED = new HashMap<>(); // want "static-mutable-state"
    private static final Map<String, Strategy> BY_NAME = new WeakHashMap<>(); // want "static-mutable-state"

    static final class Strategy {
        final Locale locale;

        Strategy(Locale locale) {
            this.locale = locale;
        }
    }

    static final class Key {
        final String a;

        Key(String a) {
            this.a = a;
        }
    }

    static SimpleDateFormat format(String pattern) {
        synchronized (FORMATS) {
            SimpleDateFormat f = FORMATS.get(pattern);
            if (f == null) {
                f = new SimpleDateFormat(pattern);
                FORMATS.put(pattern, f);
            }
            return f;
        }
    }

    static ConcurrentMap<Locale, Strategy> cache(int field) {
        synchronized (caches) {
            if (caches[field] == null) {
                caches[field] = new ConcurrentHashMap<>(3);
            }
            return caches[field];
        }
    }

    static List<String> names(String a) {
        return NAMES.computeIfAbsent(new Key(a), k -> new ArrayList<>());
    }

    static void clearNames() {
        NAMES.clear();
    }

    static void own(Object owner) {
        PER_OWNER.put(owner, new Strategy(Locale.ROOT));
    }

    public static void register(String name, DateFormat format) {
        REGISTERED.put(name, format);
    }

    public static void byName(String name, Strategy s) {
        BY_NAME.put(name, s);
    }
}

// Enum constants register themselves while the class initialises.
enum Unit {
    SECOND("s"), MINUTE("m");

    private static final Map<String, Unit> BY_SYMBOL = new HashMap<>();
    private static final Map<String, Unit> ALIASES = new HashMap<>(); // want "static-mutable-state"

    Unit(String symbol) {
        BY_SYMBOL.put(symbol, this);
    }

    public static void alias(String name, Unit u) {
        ALIASES.put(name, u);
    }
}
