package fixtures.state.module;

import java.util.HashMap;
import java.util.Map;

// Module code: each module has its own copy of its classes, so nothing is reported.
public class ModuleState {
    private static String tenant;
    private static final Map<String, Object> SERVICES = new HashMap<>();

    public static void set(String t) {
        tenant = t;
        SERVICES.put(t, t);
    }
}
