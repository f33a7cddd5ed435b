package fixtures.state.knobs;

import java.util.HashMap;
import java.util.Map;

// Switches and sizes of a cache of plain values: any value gives every app
// the same answers.
public final class CacheKnobs {
    private static String[] cache = new String[256];
    private static boolean byteEnabled = true; // want "static-mutable-state" source:-
    private static int cacheSize = 256; // want "static-mutable-state" source:-
    private static int trainThreshold = 10; // want "static-mutable-state" source:-
    private static int calls;
    // not only a cache's knob: it decides what callers get back
    private static boolean upperCase; // want "static-mutable-state" bytecode:0

    public static void setByteEnabled(boolean enabled) {
        byteEnabled = enabled;
    }

    public static void setCacheSize(int size) {
        cacheSize = size;
        cache = new String[cacheSize];
    }

    public static void setTrainThreshold(int threshold) {
        trainThreshold = threshold;
    }

    public static int getCacheSize() {
        return cacheSize;
    }

    public static void setUpperCase(boolean u) {
        upperCase = u;
    }

    static String intern(byte[] bytes) {
        String s = new String(bytes);
        if (!byteEnabled || calls++ < trainThreshold) {
            return s;
        }
        int i = (s.hashCode() & 0x7fffffff) % cacheSize;
        String hit = cache[i];
        if (s.equals(hit)) {
            return hit;
        }
        cache[i] = s;
        return s;
    }

    static String render(String s) {
        return upperCase ? s.toUpperCase() : s;
    }
}

// A switch guarding a template cache: with it off, templates are parsed
// every time, with the same result.
final class Templates {
    private static final Map<String, String> PARSED = new HashMap<>();
    private static boolean caching = true; // want "static-mutable-state" source:-

    public static void setCaching(boolean c) {
        caching = c;
    }

    static String parse(String text) {
        if (caching) {
            String hit = PARSED.get(text);
            if (hit != null) {
                return hit;
            }
        }
        String t = text.trim();
        if (caching) {
            PARSED.put(text, t);
        }
        return t;
    }
}
