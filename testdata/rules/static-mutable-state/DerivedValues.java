package fixtures.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// A static assigned (or added to) under no key is judged by the
// parameters its value names itself: a value built from a local the method
// worked out (an exception class made from a base looked up in a module's
// dict, a list of the names a table holds) is the library's own, as it
// reads in the source. A class file shows the same: the locals the value
// reads are not followed back to the parameters they came from. A value
// that names a parameter is the caller's.
public final class DerivedValues {
    private static Object error;
    private static Object wrapped;
    private static int made;
    private static int made2;
    private static int given2; // want "static-mutable-state" bytecode:0
    private static int doubled; // want "static-mutable-state" bytecode:0
    private static Object handed; // want "static-mutable-state" bytecode:0
    private static final List<String> seen = new ArrayList<>();
    private static final List<Object> given = new ArrayList<>(); // want "static-mutable-state"
    private static final Map<String, String> table = new HashMap<>();

    public static void initExceptions(Map<String, Object> dict) {
        Object base = dict.get("BaseException");
        error = makeClass("Error", base);
    }

    // A fresh object among the arguments (new; dup; <init> in a class
    // file) hides none of the others.
    public static void initWrapped(Map<String, Object> dict) {
        Object base = dict.get("BaseException");
        wrapped = makeClass("Wrapped", base, new HashMap<String, Object>());
    }

    // A counter read as it is bumped: names made unique, the same for
    // every app (x++ and ++x as values: getstatic, dup, add in a class file).
    public static String uniqueName(String prefix) {
        return prefix + "$" + made++ + "$" + ++made2;
    }

    // The caller's number, kept as it is handed in and read back.
    public static int keepNumber(int n) {
        return given2 = n;
    }

    // Computed from the caller's number and read back: not a counter.
    public static int keepDoubled(int n) {
        return doubled = n * 2;
    }

    public static void initHanded(Map<String, Object> dict) {
        handed = makeClass("Handed", dict.get("BaseException"));
    }

    public static void remember(Object o) {
        String name = o.getClass().getName().toLowerCase();
        if (!seen.contains(name)) {
            seen.add(name);
        }
    }

    public static void keep(Object o) {
        given.add(o);
    }

    private static Object makeClass(String name, Object base) {
        return name + base;
    }

    private static Object makeClass(String name, Object base, Map<String, Object> dict) {
        return name + base + dict;
    }

    static String lookup(String k) {
        return table.get(k);
    }
}
