package fixtures.state;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

// A once-guard that only turns on and a member looked up by reflection on a
// class in hand are the same for every app; a flag turned off again, or a
// Method a caller passes in, are not.
public class OnceGuards {
    private static final AtomicBoolean INITIALIZED = new AtomicBoolean();
    private static final AtomicBoolean ENABLED = new AtomicBoolean(); // want "static-mutable-state"
    private static Method getLoader;
    private static Method handler; // want "static-mutable-state" bytecode:0

    static void init(Class<?> wiring) throws Exception {
        if (INITIALIZED.compareAndSet(false, true)) {
            getLoader = wiring.getMethod("getClassLoader");
        }
    }

    public static void toggle(boolean on) {
        ENABLED.set(on);
    }

    public static void handle(Method m) {
        handler = m;
    }
}

// Tables computed in a nested holder's static block, in a loop.
final class Tables {
    private static final class Holder {
        static final long[] DIVS = new long[37];

        static {
            for (int i = 2; i <= 36; i++) {
                DIVS[i] = Long.MAX_VALUE / i;
            }
        }
    }

    static long div(int radix) {
        return Holder.DIVS[radix];
    }
}

// An agent keeps the Instrumentation the JVM hands its premain.
final class Agent {
    private static volatile java.lang.instrument.Instrumentation instrumentation;

    public static void premain(String args, java.lang.instrument.Instrumentation inst) {
        instrumentation = inst;
    }

    static java.lang.instrument.Instrumentation get() {
        return instrumentation;
    }
}
