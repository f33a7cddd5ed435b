package fixtures.state;

// Containers of the project's own types: filled at run time they are shared
// state, unless keyed by a class (per app), per thread, or the call is not a
// container's (a parser's merge).
public class CustomContainers {
    static class Registry<T> {
        void add(T t) {
        }

        void put(Object k, T v) {
        }
    }

    static class Parser {
        void merge(String text, Object into) {
        }
    }

    static class LocalState extends ThreadLocal<Object> {
        void clear() {
        }
    }

    private static final Registry<Runnable> LISTENERS = new Registry<>(); // want "static-mutable-state"
    private static final Registry<Object> BY_CLASS = new Registry<>(); // want "static-mutable-state" source:-
    private static final Parser PARSER = new Parser();
    private static final LocalState STATE = new LocalState();

    public static void listen(Runnable r) {
        LISTENERS.add(r);
    }

    static void accessor(Class<?> cls, Object accessor) {
        BY_CLASS.put(cls, accessor);
    }

    static void read(String text, Object into) {
        PARSER.merge(text, into);
        STATE.clear();
    }
}
