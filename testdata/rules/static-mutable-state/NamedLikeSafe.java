package fixtures.state;

import java.util.concurrent.ExecutorService;

// Names and types that Koupleless's allow-list excuses are hazards once
// the field is written at run time; a lock never assigned is not.
public class NamedLikeSafe {
    private static final Object LOCK = new Object();
    private static Object monitor = new Object();
    private static Object current; // want "static-mutable-state" bytecode:0
    private static ConnectionFactory defaultFactory; // want "static-mutable-state" bytecode:0
    private static ExecutorService sharedExecutor; // want "static-mutable-state" bytecode:0

    interface ConnectionFactory {
    }

    public static void setDefaultFactory(ConnectionFactory f) {
        defaultFactory = f;
    }

    public static void use(Object o, ExecutorService e) {
        synchronized (LOCK) {
            current = o;
        }
        synchronized (monitor) {
            sharedExecutor = e;
        }
    }
}
