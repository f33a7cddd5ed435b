package fixtures.tl;

// Removed in finally, by a paired method, set to null, or restored: none is flagged.
public class Scoped {
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Object> HOLDER = new ThreadLocal<>();
    private static final ThreadLocal<Object> PREVIOUS = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> GUARD = new ThreadLocal<>();
    private static final ThreadLocal<Object> TX = new ThreadLocal<>();

    void run(Object v, Runnable r) {
        CURRENT.set(v);
        try {
            r.run();
        } finally {
            CURRENT.remove();
        }
    }

    public boolean preHandle(Object v) {
        HOLDER.set(v);
        return true;
    }

    public void afterCompletion() {
        HOLDER.remove();
    }

    void swap(Object v, Runnable r) {
        Object old = PREVIOUS.get();
        try {
            r.run();
        } finally {
            PREVIOUS.set(old);
        }
        PREVIOUS.set(null);
    }

    void guard() {
        GUARD.set(Boolean.TRUE);
    }

    void bind(Object tx) {
        TX.set(tx); // want "threadlocal-leak" source:-
    }

    void restore(Object oldTx) {
        TX.set(oldTx); // want "threadlocal-leak" source:-
    }
}
