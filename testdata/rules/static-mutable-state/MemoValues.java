package fixtures.state;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// A date cache whose values are computed from the key by a pure function
// (a parse, a format) and handed to a private update helper that clears the
// map when it grows too large is a memo: every app gets the same answer for
// the same key. A helper whose callers hand it a value they were given, or
// an app-chosen name mapped to an app's string, stays shared state. A class
// file keeps no parameter names and no callers' text: there the helpers'
// values look handed in.
public final class MemoValues {
    private static final int CACHE_SIZE = 1000;
    private static final Map<String, Long> parseCache = new ConcurrentHashMap<>(CACHE_SIZE); // want "static-mutable-state" source:-
    private static final Map<Long, String> formatCache = new ConcurrentHashMap<>(CACHE_SIZE); // want "static-mutable-state" source:-
    private static final Map<String, String> upperCache = new ConcurrentHashMap<>(); // want "static-mutable-state" source:-
    private static final Map<String, String> aliases = new ConcurrentHashMap<>(); // want "static-mutable-state"
    private static final Map<String, Long> timeouts = new ConcurrentHashMap<>(); // want "static-mutable-state"
    private static final Map<String, Integer> ports = new ConcurrentHashMap<>(); // want "static-mutable-state"
    private static final Map<String, String> imported = new ConcurrentHashMap<>(); // want "static-mutable-state"

    public static long parseDate(String value) {
        Long cached = parseCache.get(value);
        if (cached != null) {
            return cached.longValue();
        }
        long parsed = -1;
        try {
            parsed = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).parse(value).getTime();
        } catch (java.text.ParseException e) {
            return -1;
        }
        updateParseCache(value, Long.valueOf(parsed));
        return parsed;
    }

    public static String formatDate(long time) {
        Long key = Long.valueOf(time);
        String cached = formatCache.get(key);
        if (cached != null) {
            return cached;
        }
        String formatted = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).format(new Date(time));
        updateFormatCache(key, formatted);
        return formatted;
    }

    private static void updateParseCache(String value, Long parsed) {
        if (parseCache.size() > CACHE_SIZE) {
            parseCache.clear();
        }
        parseCache.put(value, parsed);
    }

    private static void updateFormatCache(Long time, String formatted) {
        if (formatted == null) {
            return;
        }
        if (formatCache.size() > CACHE_SIZE) {
            formatCache.clear();
        }
        formatCache.put(time, formatted);
    }

    public static String upper(String name) {
        String cached = upperCache.get(name);
        if (cached == null) {
            cached = name.toUpperCase(Locale.ROOT);
            remember(name, cached);
        }
        return cached;
    }

    private static void remember(String name, String value) {
        upperCache.put(name, value);
    }

    // The caller hands in both the name and what it maps to.
    public static void alias(String name, String target) {
        storeAlias(name, target);
    }

    private static void storeAlias(String name, String target) {
        if (aliases.size() > CACHE_SIZE) {
            aliases.clear();
        }
        aliases.put(name, target);
    }

    // A value computed from another of the caller's inputs, not the key.
    public static void timeout(String name, String seconds) {
        updateTimeout(name, Long.valueOf(seconds));
    }

    private static void updateTimeout(String name, Long value) {
        timeouts.put(name, value);
    }

    // One caller computes from the key, another hands in its own value.
    public static int port(String scheme) {
        Integer p = ports.get(scheme);
        if (p == null) {
            p = Integer.valueOf(scheme.length());
            updatePort(scheme, p);
        }
        return p;
    }

    public static void overridePort(String scheme, int port) {
        updatePort(scheme, Integer.valueOf(port));
    }

    private static void updatePort(String scheme, Integer port) {
        ports.put(scheme, port);
    }

    // Entries of a map the caller hands in, walked in a lambda: neither
    // value nor key is computed here.
    public static void importAll(Map<String, String> names) {
        names.forEach((k, v) -> storeImported(k, v));
    }

    private static void storeImported(String name, String value) {
        imported.put(name, value);
    }
}
