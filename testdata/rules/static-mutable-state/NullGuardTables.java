package fixtures.state.nullguard;

import java.util.HashMap;
import java.util.Map;

// Tables an init routine makes and fills from the library's own constants
// the first time a lookup finds them null: whichever app asks first, every
// app gets the same tables.
public final class NullGuardTables {
    private static Map<Integer, NullGuardTables> byCode;
    private static Map<String, NullGuardTables> byName;

    private final String name;

    private NullGuardTables(String name) {
        this.name = name;
    }

    private static void initialize() {
        byCode = new HashMap<>();
        byName = new HashMap<>();
        add(0, "plain");
        add(1, new String[] {"latin", "latin-1"});
    }

    private static void add(int code, String name) {
        NullGuardTables t = new NullGuardTables(name);
        byCode.put(code, t);
        byName.put(name, t);
    }

    private static void add(int code, String[] names) {
        NullGuardTables t = new NullGuardTables(names[0]);
        byCode.put(code, t);
        for (String n : names) {
            byName.put(n, t);
        }
    }

    public static NullGuardTables forCode(int code) {
        if (byCode == null) {
            initialize();
        }
        return byCode.get(code);
    }

    public static NullGuardTables forName(String name) {
        if (byName == null) {
            initialize();
        }
        return byName.get(name);
    }
}

// The look-alike: a table its init fills from a system property.
final class ConfiguredTables {
    private static Map<String, String> aliases; // want "static-mutable-state" bytecode:0

    private static void load() {
        aliases = new HashMap<>();
        put(System.getProperty("alias.default", "x"));
    }

    private static void put(String v) {
        aliases.put("default", v);
    }

    static String alias(String n) {
        if (aliases == null) {
            load();
        }
        return aliases.get(n);
    }
}
