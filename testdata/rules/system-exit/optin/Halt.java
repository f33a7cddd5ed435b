package optin;

// A public exit helper the project calls only when whoever runs the JVM
// sets -Dlib.halt.on.error=true (in another class): a note naming the
// switch, and so is the call. A helper also called without the switch
// stays an error, and so does that call.
public class Halt {
    public static void haltNow(int status) {
        Runtime.getRuntime().halt(status); // want "system-exit:low"
    }

    public static void stopNow(int status) {
        System.exit(status); // want "system-exit:critical"
    }
}

class HaltCaller {
    void failed() {
        if (Boolean.getBoolean("lib.halt.on.error")) {
            Halt.haltNow(1); // want "system-exit:low" bytecode:-
            Halt.stopNow(1); // want "system-exit:low" bytecode:-
        }
        Halt.stopNow(2); // want "system-exit:critical" bytecode:-
    }
}
