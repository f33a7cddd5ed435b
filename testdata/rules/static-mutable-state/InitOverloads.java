package fixtures.state.overloads;

import java.util.HashMap;
import java.util.Map;

// Tables the static initialiser fills through private overloads, one
// handing on to the other: the same for every app. An overload that a
// public method also calls lets clients add entries.
public final class InitOverloads {
    private static Map<String, String[]> boolAttrs;
    private static Map<String, String[]> open = new HashMap<>(); // want "static-mutable-state"

    private static void defineBoolean(String tag, String attr) {
        defineBoolean(tag, new String[] { attr });
    }

    private static void defineBoolean(String tag, String[] attrs) {
        boolAttrs.put(tag, attrs);
    }

    private static void define(String tag, String attr) {
        define(tag, new String[] { attr });
    }

    private static void define(String tag, String[] attrs) {
        open.put(tag, attrs);
    }

    public static void register(String tag, String[] attrs) {
        define(tag, attrs);
    }

    public static String[] attrs(String tag) {
        return boolAttrs.get(tag) != null ? boolAttrs.get(tag) : open.get(tag);
    }

    static {
        boolAttrs = new HashMap<>();
        defineBoolean("AREA", "href");
        defineBoolean("INPUT", new String[] { "checked", "disabled" });
        define("HR", "noshade");
    }
}
