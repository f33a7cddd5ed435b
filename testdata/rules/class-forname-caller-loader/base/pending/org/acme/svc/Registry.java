package org.acme.svc;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

// A registry loading its own sources by short names: an unqualified name
// gets the library's own package, and every caller hands in a constant
// short name.
class SourceRegistry {
    static final String FILE = "File";

    Object byTernary(String sourceType) throws Exception {
        String className = sourceType.indexOf('.') < 0 ? "org.acme.svc.sources." + sourceType + "Source" : sourceType;
        return Class.forName(className).getName(); // want "class-forname-caller-loader" source:-
    }

    Object byBranches(String sourceType) throws Exception {
        String className;
        if (sourceType.indexOf('.') < 0) {
            className = "org.acme.svc.sources." + sourceType + "Source";
        } else {
            className = sourceType;
        }
        return Class.forName(className).getName(); // want "class-forname-caller-loader" source:-
    }

    Object byLocalPrefix(String sourceType) throws Exception {
        String prefix = "org.acme.svc.sources.";
        String className = prefix + sourceType + "Source";
        return Class.forName(className).getName(); // want "class-forname-caller-loader" source:-
    }

    void users() throws Exception {
        byTernary("Jdbc");
        byTernary(FILE);
        byBranches("Jdbc");
        byBranches(FILE);
        byLocalPrefix("Jdbc");
    }
}

// The same registry where a caller hands in a configured name: a
// qualified name from configuration is looked up as it is.
class OpenSourceRegistry {
    Object byTernary(String sourceType) throws Exception {
        String className = sourceType.indexOf('.') < 0 ? "org.acme.svc.sources." + sourceType + "Source" : sourceType;
        return Class.forName(className).getName(); // want "class-forname-caller-loader"
    }

    void users(Properties p) throws Exception {
        byTernary("Jdbc");
        byTernary(p.getProperty("source"));
    }
}

// A connector factory whose names are the library's own classes, held in
// a static table of constants and looked up by key.
class Connectors {
    private static final Map<String, String> DRIVERS = new HashMap<>();
    private static final String[][] TABLE = {
        {"h2", "org.acme.svc.drivers.H2Connector"},
        {"pg", "org.acme.svc.drivers.PgConnector"},
    };
    private static final String[] NAMES = {"org.acme.svc.drivers.H2Connector", "org.acme.svc.drivers.PgConnector"};

    static {
        DRIVERS.put("h2", "org.acme.svc.drivers.H2Connector");
        DRIVERS.put("pg", "org.acme.svc.drivers.PgConnector");
    }

    Object byMap(String key) throws Exception {
        String className = DRIVERS.get(key);
        return Class.forName(className).getName(); // want "class-forname-caller-loader" source:-
    }

    Object byMapDirect(String key) throws Exception {
        return Class.forName(DRIVERS.get(key)).getName(); // want "class-forname-caller-loader" source:-
    }

    Object byTable(String key) throws Exception {
        for (String[] row : TABLE) {
            if (row[0].equals(key)) {
                return Class.forName(row[1]).getName(); // want "class-forname-caller-loader" source:-
            }
        }
        return null;
    }

    Object byIndex(int i) throws Exception {
        return Class.forName(NAMES[i]).getName(); // want "class-forname-caller-loader" source:-
    }

    // A table others may replace: its names are not fixed.
    static String[] custom = {"org.acme.svc.drivers.H2Connector"};

    Object byOpenTable(int i) throws Exception {
        return Class.forName(custom[i]).getName(); // want "class-forname-caller-loader"
    }

    Object fallback(String key) throws Exception {
        String className = DRIVERS.get(key);
        if (className == null) {
            className = key;
        }
        return Class.forName(className).getName(); // want "class-forname-caller-loader"
    }
}

// Direct lookups of constants named like the types they stand for.
interface Kinds {
    String CacheFactory = "org.acme.svc.CacheFactory";
}

class DirectConstants {
    Object direct() throws Exception {
        return Class.forName(Kinds.CacheFactory).getName();
    }
}
