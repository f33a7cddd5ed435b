package fixtures.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// A map of plain values keyed by a class's name, which a fill's key shows: flagged with no
// reflective value type to go by. A map keyed by a name made before the fill is not this rule's:
// static-mutable-state reports it as state shared by every module.
public class HandlerRegistry {
    private static final Map<String, Object> HANDLERS = new ConcurrentHashMap<>(); // want "classname-keyed-static-cache"
    private static final Map<String, Object> BY_LABEL = new ConcurrentHashMap<>(); // want "static-mutable-state"

    public static void register(Class<?> type, Object handler) {
        HANDLERS.put(type.getName(), handler);
    }

    public static void label(Class<?> type, Object handler) {
        String label = type.getSimpleName();
        BY_LABEL.put(label, handler);
    }
}
