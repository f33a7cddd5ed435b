package fixtures.state;

import java.util.concurrent.atomic.AtomicBoolean;

// The state of a JVM-wide native initialisation, kept in a holder and
// written by the library's init and destroy only: the same for every app.
final class NativeState {
    static final AtomicBoolean READY = new AtomicBoolean();
    static boolean started;
    // The look-alike: a caller's choice, stored from another class.
    static final AtomicBoolean VERBOSE = new AtomicBoolean(); // want "static-mutable-state"

    private NativeState() {
    }
}

class NativeLifecycle {
    public static synchronized void init() {
        if (NativeState.READY.compareAndSet(false, true)) {
            NativeState.started = true;
        }
    }

    public static synchronized void destroy() {
        NativeState.READY.set(false);
        NativeState.started = false;
    }

    public static void verbose(boolean on) {
        NativeState.VERBOSE.set(on);
    }
}
