package fixtures.state.base;

import java.util.HashMap;
import java.util.Map;

public class Registry {
    private static final Map<String, Object> SERVICES = new HashMap<>(); // want "static-mutable-state:medium"
    private static final Map<String, Object> BUILTINS = new HashMap<>();

    static {
        BUILTINS.put("none", new Object());
    }

    public static void register(String name, Object service) {
        SERVICES.put(name, service);
    }
}
