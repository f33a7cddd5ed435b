package fixtures.state;

import java.util.ArrayList;
import java.util.List;

import fixtures.state.perthread.ContextStack;
import fixtures.state.perthread.CountingStack;

// A class whose whole state sits in ThreadLocal fields holds one value per
// thread: a static of it, changed only through its methods, is shared by
// no two apps' threads. A holder with any other instance state is still
// one value for the base and every module.
public class PerThreadHolders {
    static class RequestStack {
        private final ThreadLocal<List<Object>> local = new ThreadLocal<>();

        void push(Object o) {
            List<Object> s = local.get();
            if (s == null) {
                s = new ArrayList<>();
                local.set(s);
            }
            s.add(o);
        }

        void clear() {
            local.remove();
        }
    }

    static class SharedStack {
        private final List<Object> items = new ArrayList<>();

        void push(Object o) {
            items.add(o);
        }

        void clear() {
            items.clear();
        }
    }

    static class MixedStack {
        private final ThreadLocal<Object> local = new ThreadLocal<>();
        private int pushes;

        void push(Object o) {
            pushes++;
            local.set(o);
        }

        void clear() {
            local.remove();
        }
    }

    private static final RequestStack REQUESTS = new RequestStack();
    private static final SharedStack SHARED = new SharedStack(); // want "static-mutable-state"
    private static final MixedStack MIXED = new MixedStack(); // want "static-mutable-state"
    private static final ContextStack CONTEXTS = new ContextStack();
    private static final CountingStack COUNTED = new CountingStack(); // want "static-mutable-state"

    public static void enter(Object o) {
        REQUESTS.push(o);
        SHARED.push(o);
        MIXED.push(o);
        CONTEXTS.push(o);
        COUNTED.push(o);
    }

    public static void leave() {
        REQUESTS.clear();
        SHARED.clear();
        MIXED.clear();
        CONTEXTS.clear();
        COUNTED.clear();
    }
}
