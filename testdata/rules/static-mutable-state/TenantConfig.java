package fixtures.state;

import java.util.HashSet;
import java.util.Set;

// Written only by another class of the project (ConfigWriter).
public class TenantConfig {
    public static String endpoint; // want "static-mutable-state"
    public static final Set<String> NAMES = new HashSet<>(); // want "static-mutable-state"
    public static String untouched;
}
