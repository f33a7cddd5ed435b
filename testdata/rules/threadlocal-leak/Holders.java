package fixtures.tl;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.text.SimpleDateFormat;
import java.util.Map;

// A weak reference pins nothing, whatever it refers to; a soft one pins
// what it refers to unless that is the JDK's. A plain holder class of the
// library whose fields are all JDK values pins only the library's loader;
// one holding an Object, a type parameter or its enclosing instance holds
// whatever the caller put there.
public class Holders {
    static final class Stamp {
        long time;
        String name;
        int[] counts;
        Map<String, Integer> totals;
    }

    static final class Nested {
        Stamp stamp;
        StringBuilder buffer;
    }

    static final class Holder {
        Object value;
    }

    static final class Box<T> {
        T value;
    }

    class Inner {
        long time;
    }

    interface Handler {
    }

    private static final ThreadLocal<WeakReference<Thread>> OWNER = new ThreadLocal<>();
    private static final ThreadLocal<WeakReference<Handler>> LAST_HANDLER = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<StringBuilder>> BUFFER = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<Thread>> SOFT_OWNER = new ThreadLocal<>();
    private static final ThreadLocal<Map<String, WeakReference<Handler>>> BY_NAME = new ThreadLocal<>();
    private static final ThreadLocal<Stamp> STAMP = new ThreadLocal<>();
    private static final ThreadLocal<Nested> NESTED = new ThreadLocal<>();
    private static final ThreadLocal<Holder> HOLDER = new ThreadLocal<>();
    private static final ThreadLocal<Box<String>> BOX = new ThreadLocal<>();
    private final ThreadLocal<Inner> inner = new ThreadLocal<>();
    private static final ThreadLocal<Object> ANY = new ThreadLocal<>();

    static void own() {
        OWNER.set(new WeakReference<>(Thread.currentThread()));
    }

    static void handler(Handler h) {
        LAST_HANDLER.set(new WeakReference<>(h));
    }

    static void buffer(StringBuilder b) {
        BUFFER.set(new SoftReference<>(b));
    }

    static void softOwner(Thread t) {
        SOFT_OWNER.set(new SoftReference<>(t)); // want "threadlocal-leak" bytecode:-
    }

    static void byName(Map<String, WeakReference<Handler>> m) {
        BY_NAME.set(m);
    }

    static void stamp(String name) {
        Stamp s = new Stamp();
        s.name = name;
        STAMP.set(s); // want "threadlocal-leak" source:-
    }

    static void nested(Nested n) {
        NESTED.set(n); // want "threadlocal-leak" source:-
    }

    static void holder(Holder h) {
        HOLDER.set(h); // want "threadlocal-leak"
    }

    static void box(Box<String> b) {
        BOX.set(b); // want "threadlocal-leak"
    }

    void inner() {
        inner.set(new Inner()); // want "threadlocal-leak" bytecode:-
    }

    static void anyFormat() {
        ANY.set(new SimpleDateFormat("yyyy"));
    }

    static void anyWeak(Handler h) {
        ANY.set(new WeakReference<Handler>(h));
    }

    static void anyHolder() {
        ANY.set(new Holder()); // want "threadlocal-leak" bytecode:-
    }

    @SuppressWarnings("rawtypes")
    private static final ThreadLocal RAW_FORMATS = new ThreadLocal<SoftReference<Map<String, SimpleDateFormat>>>();
    @SuppressWarnings("rawtypes")
    private static final ThreadLocal RAW_HANDLERS = new ThreadLocal<Handler>();

    @SuppressWarnings("unchecked")
    static void rawFormats(Map<String, SimpleDateFormat> formats) {
        RAW_FORMATS.set(new SoftReference<>(formats));
    }

    @SuppressWarnings("unchecked")
    static void rawHandlers(Handler h) {
        RAW_HANDLERS.set(h); // want "threadlocal-leak"
    }

    static void anyLocal() {
        SimpleDateFormat f = new SimpleDateFormat("yyyy");
        ANY.set(f);
    }

    static void anyLocalHolder() {
        Holder h = new Holder();
        ANY.set(h); // want "threadlocal-leak"
    }
}
