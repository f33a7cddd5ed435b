package optin;

// The callers of an exit helper whose exit waits for an opt-in switch are
// notes too; of one that waits for none, errors.
public class Callers {
    void shutdown(Engine e) {
        e.exit(); // want "system-exit:low" bytecode:-
        e.exitStatic(); // want "system-exit:low" bytecode:-
        e.optOut(); // want "system-exit:critical" bytecode:-
        Hook.stop(); // want "system-exit:critical" bytecode:-
    }
}

class Hook {
    static void stop() {
        if (Props.notProp("hook.stop", false)) {
            System.exit(0); // want "system-exit:critical"
        }
    }
}
