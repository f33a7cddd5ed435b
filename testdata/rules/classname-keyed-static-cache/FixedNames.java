package fixtures.namecache;

import java.util.HashMap;
import java.util.Map;

// A table whose every key the library spells out maps its own names to its
// own classes: the same entries for every app, not a cache keyed by the
// names of apps' classes. One fill with a key a caller hands in is a
// class-name cache again.
public class FixedNames {
    interface Method {
    }

    static class Turner implements Method {
    }

    static class Santa implements Method {
    }

    private static final String SANTA = "san04";
    private static final Map<String, Class<? extends Method>> METHODS = new HashMap<>();
    private static final Map<String, Class<?>> OPEN = new HashMap<>(); // want "classname-keyed-static-cache"

    public FixedNames() {
        register();
    }

    private void register() {
        METHODS.put("tur99", Turner.class);
        METHODS.put(SANTA, Santa.class);
        OPEN.put("tur99", Turner.class);
    }

    public static void add(String name, Class<?> type) {
        OPEN.put(name, type);
    }
}
