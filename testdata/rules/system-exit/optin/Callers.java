package optin;

// The callers of an exit helper whose exit waits for an opt-in switch are
// notes too; of one that waits for none, errors.
public class Callers {
    void shutdown(Engine e) {
        e.exit(); // want "system-exit:low"
        e.exitStatic(); // want "system-exit:low"
        e.optOut(); // want "system-exit:critical"
        Hook.stop(); // want "system-exit:critical"
    }
}

class Hook {
    static void stop() {
        if (Props.notProp("hook.stop", false)) {
            System.exit(0); // want "system-exit:critical"
        }
    }
}
