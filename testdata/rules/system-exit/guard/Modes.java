package fixtures.exit.guard;

// The look-alike: a flag a public method of the library turns on, which
// any caller may run.
public class Modes {
    private static boolean headless = false; // want "static-mutable-state"

    static boolean isHeadless() {
        return headless;
    }

    public static void configure(boolean on) {
        headless = on;
    }
}

class Renderer {
    public void stop(int code) {
        if (Modes.isHeadless()) {
            System.exit(code); // want "system-exit"
        }
    }
}
