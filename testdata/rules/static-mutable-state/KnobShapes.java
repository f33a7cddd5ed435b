package fixtures.state;

import java.util.HashMap;
import java.util.Map;

// Switches and thresholds read in other methods of the class than the
// cache access, and set through public setters: every value gives the same
// results. A once-flag set by init and cleared only by its terminate mirrors
// a JVM-wide native initialisation.
public class KnobShapes {
    private static final Map<Integer, String> NAMES = new HashMap<>();
    // Class files have no text to read the switch's uses from.
    private static boolean byteEnabled = true; // want "static-mutable-state" source:-
    private static int trainThreshold = 100; // want "static-mutable-state" source:-
    private static int accesses;

    public static void setByteEnabled(boolean on) {
        byteEnabled = on;
    }

    public static void setTrainThreshold(int n) {
        trainThreshold = n;
    }

    public String show(int b) {
        if (byteEnabled) {
            return name(b);
        }
        return String.valueOf(b);
    }

    private static String name(int b) {
        String s = NAMES.get(b);
        if (s == null) {
            s = Integer.toHexString(b);
            NAMES.put(b, s);
        }
        return s;
    }

    static String lookup(int b) {
        accesses++;
        if (accesses > trainThreshold) {
            return name(b);
        }
        return Integer.toHexString(b);
    }

    // The look-alike: a public setter storing a caller's object.
    private static Map<Integer, String> table; // want "static-mutable-state" bytecode:0

    public static void setTable(Map<Integer, String> t) {
        table = t;
    }

    private static boolean nativeReady;

    public static synchronized void init() {
        if (!nativeReady) {
            nativeReady = true;
        }
    }

    public static synchronized void destroy() {
        if (nativeReady) {
            nativeReady = false;
        }
    }

    static boolean ready() {
        return nativeReady;
    }
}

// A native library's JVM-wide initialisation mirrored by an atomic flag:
// init turns it on, destroy off, nothing else writes it.
class NativeInit {
    private static final java.util.concurrent.atomic.AtomicBoolean LOADED = new java.util.concurrent.atomic.AtomicBoolean();
    // The look-alike: a caller chooses the value.
    private static final java.util.concurrent.atomic.AtomicBoolean TRACE = new java.util.concurrent.atomic.AtomicBoolean(); // want "static-mutable-state"

    public static void init() {
        if (LOADED.compareAndSet(false, true)) {
            System.loadLibrary("x");
        }
    }

    public static void destroy() {
        LOADED.set(false);
    }

    public static void trace(boolean on) {
        TRACE.set(on);
    }

    static boolean loaded() {
        return LOADED.get();
    }
}
