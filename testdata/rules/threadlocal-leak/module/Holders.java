package fixtures.tl.module;

import java.lang.ref.WeakReference;

// In module code a holder class of JDK values is still the module's
// class: kept on a thread the base owns, it pins the module's loader. A
// weak reference does not.
public class Holders {
    static final class Stamp {
        long time;
        String name;
    }

    private static final ThreadLocal<Stamp> STAMP = new ThreadLocal<>();
    private static final ThreadLocal<WeakReference<Stamp>> LAST = new ThreadLocal<>();

    static void stamp(String name) {
        Stamp s = new Stamp();
        s.name = name;
        STAMP.set(s); // want "threadlocal-leak"
        LAST.set(new WeakReference<>(s));
    }
}
