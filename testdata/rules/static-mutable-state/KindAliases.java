package fixtures.state.aliases;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

// An alias table filled from the library's own enum by an init method that
// only the static initialiser gets to run: its once-guard returns at
// once for any later caller. The same table for every app.
public final class KindAliases {
    enum Kind {
        ALPHA, BETA
    }

    private static final Map<String, Kind> ALIASES = new HashMap<>(); // want "static-mutable-state" source:-
    private static boolean loaded;

    static {
        load();
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (Kind k : Kind.values()) {
            alias(k.name().toLowerCase(Locale.ROOT), k);
            alias(k.name(), k);
        }
    }

    private static void alias(String a, Kind k) {
        ALIASES.put(a, k);
    }

    static Kind of(String a) {
        return ALIASES.get(a);
    }

    private KindAliases() {
    }
}

// The same fill, but its init is public and unguarded and takes the
// caller's locale: an app calling it adds its own aliases for everybody.
final class UnitAliases {
    enum Unit {
        METRE, LITRE
    }

    private static final Map<String, Unit> UNITS = new HashMap<>(); // want "static-mutable-state"

    static {
        fill(Locale.ROOT);
    }

    public static void fill(Locale locale) {
        for (Unit u : Unit.values()) {
            put(u.name().toLowerCase(locale), u);
        }
    }

    private static void put(String n, Unit u) {
        UNITS.put(n, u);
    }

    static Unit of(String n) {
        return UNITS.get(n);
    }

    private UnitAliases() {
    }
}
