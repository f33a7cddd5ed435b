package fixtures;

// Switches whose restore lives elsewhere: in a sibling method that sets
// back the loader a field kept, in every caller's finally block, or where
// only a launcher's main reaches the switch.
public class Split {
    private ClassLoader previous;
    private ClassLoader kept;
    private final ClassLoader endpoint = Split.class.getClassLoader();

    // JCA's beforeDelivery and afterDelivery: the container pairs them.
    public void beforeDelivery() {
        Thread current = Thread.currentThread();
        this.previous = current.getContextClassLoader();
        current.setContextClassLoader(endpoint);
    }

    public void afterDelivery() {
        Thread.currentThread().setContextClassLoader(this.previous);
        this.previous = null;
    }

    // The previous loader is kept, but nothing ever sets it back.
    public void enter() {
        kept = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(endpoint); // want "tccl-not-restored"
    }

    // A private switch helper: every caller saves and restores around it.
    private void useEndpointLoader() {
        Thread.currentThread().setContextClassLoader(endpoint); // want "tccl-not-restored" source:-
    }

    public void deliver(Runnable r) {
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        useEndpointLoader();
        try {
            r.run();
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }

    public void deliverTwice(Runnable r) {
        final ClassLoader before = Thread.currentThread().getContextClassLoader();
        useEndpointLoader();
        try {
            r.run();
            r.run();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    // One caller of this helper does not restore.
    private void useKeptLoader() {
        Thread.currentThread().setContextClassLoader(endpoint); // want "tccl-not-restored"
    }

    public void careful(Runnable r) {
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        useKeptLoader();
        try {
            r.run();
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }

    public void careless(Runnable r) {
        useKeptLoader();
        r.run();
    }

    // Public: callers outside this file are not known.
    public void useEndpointLoaderPublic() {
        Thread.currentThread().setContextClassLoader(endpoint); // want "tccl-not-restored"
    }
}

// A launcher: its start-up thread takes the loader it built; only main
// reaches the switch.
class Launcher {
    private ClassLoader loader;

    public static void main(String[] args) {
        new Launcher().start(args);
    }

    private void start(String[] args) {
        initClassLoader();
    }

    private void initClassLoader() {
        loader = new java.net.URLClassLoader(new java.net.URL[0], Launcher.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored" source:-
    }
}

// The same switch reached from library code as well.
class Reused {
    private final ClassLoader loader = Reused.class.getClassLoader();

    public static void main(String[] args) {
        new Reused().init();
    }

    void reload() {
        init();
    }

    public void init() {
        Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored"
    }
}
