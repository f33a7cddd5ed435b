package fixtures.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

public final class TenantHolder {
    private static String tenant; // want "static-mutable-state:medium" bytecode:0
    static volatile boolean started; // a flag only ever set to a literal: a once-step, the same for every app
    private static final Map<String, String> SETTINGS = new ConcurrentHashMap<>(); // want "static-mutable-state"
    private static final List<String> LISTENERS = new ArrayList<>(); // want "static-mutable-state"
    private static final String[] SLOTS = new String[4]; // want "static-mutable-state" bytecode:-
    private static final AtomicReference<String> CURRENT = new AtomicReference<>(); // want "static-mutable-state"
    private static int generation; // want "static-mutable-state" bytecode:0

    public static void set(String t) {
        tenant = t;
    }

    public static String get() {
        return tenant;
    }

    static void start() {
        started = true;
    }

    public static void configure(String k, String v) {
        SETTINGS.put(k, v);
    }

    public static void listen(String l) {
        TenantHolder.LISTENERS.add(l);
    }

    public static void slot(int i, String v) {
        SLOTS[i] = v;
    }

    public static void current(String v) {
        CURRENT.set(v);
    }

    public static void reset(int g) {
        generation = g;
        generation++;
    }

    static class Nested {
        void touch() {
            tenant = "nested";
        }
    }
}
