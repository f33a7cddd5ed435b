package fixtures.tl;

import java.util.function.Supplier;

// A getter that makes a value and caches it per thread keeps only the
// library's own object; one built from what the caller hands in, or a
// value the caller hands in, keeps the caller's.
public class Caches {
    static final class Reusable {
        Object param;
    }

    private static final ThreadLocal<Reusable> REUSABLE = new ThreadLocal<>();
    private static final ThreadLocal<Object[]> STATE = new ThreadLocal<>();
    private static final ThreadLocal<Reusable> WRAPPED = new ThreadLocal<>();
    private static final ThreadLocal<Object> MADE = new ThreadLocal<>();
    private final ThreadLocal<Reusable> made = new ThreadLocal<>();
    private final Supplier<Reusable> factory = Reusable::new;

    static Reusable reusable() {
        Reusable result = REUSABLE.get();
        if (result == null) {
            result = new Reusable();
            REUSABLE.set(result); // want "threadlocal-leak" source:-
        }
        return result;
    }

    static Object[] state(int size) {
        Object[] s = STATE.get();
        if (s == null) {
            s = new Object[] {new StringBuilder(), new char[16]};
            STATE.set(s); // want "threadlocal-leak" source:-
        }
        return s;
    }

    Reusable fromFactory() {
        Reusable r = made.get();
        if (r == null) {
            r = factory.get();
            made.set(r); // want "threadlocal-leak" source:-
        }
        return r;
    }

    static Reusable wrap(Object param) {
        Reusable r = WRAPPED.get();
        if (r == null) {
            r = new Reusable();
            r.param = param;
            WRAPPED.set(r); // want "threadlocal-leak"
        }
        return r;
    }

    static Object made(Object param) {
        Object o = MADE.get();
        if (o == null) {
            o = java.util.Collections.singletonList(param);
            MADE.set(o); // want "threadlocal-leak"
        }
        return o;
    }

    private static final ThreadLocal<Reusable> RESERVED = new ThreadLocal<>();

    static Reusable reserved() {
        Reusable result = RESERVED.get();
        if (result == null) {
            result = new Reusable();
            RESERVED.set(result); // want "threadlocal-leak" source:-
        }
        return result.param != null ? new Reusable() : result;
    }

    private static final ThreadLocal<Reusable> KEPT_IF_NONE = new ThreadLocal<>();
    private static final ThreadLocal<Reusable> KEPT_FROM = new ThreadLocal<>();

    // The parameter decides whether the made value is kept, not what it
    // holds (log4j's createInstance(existing)).
    static Reusable create(Reusable existing) {
        Reusable result = new Reusable();
        if (existing == null) {
            KEPT_IF_NONE.set(result); // want "threadlocal-leak" source:-
        }
        return result;
    }

    // The parameter is tested and also stored.
    static Reusable createFrom(Object existing) {
        Reusable result = new Reusable();
        if (existing != null) {
            result.param = existing;
            KEPT_FROM.set(result); // want "threadlocal-leak"
        }
        return result;
    }
}
