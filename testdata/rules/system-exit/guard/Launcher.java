package fixtures.exit.guard;

// A command line whose mode another class asks for: the flag is private,
// and only main turns it on, so an exit waiting for it ends the command
// line's own process.
public class Launcher {
    private static boolean nonGui;

    public static boolean isNonGui() {
        return nonGui;
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            nonGui = true;
        }
    }
}

class Engine {
    public void stop(int code) {
        if (Launcher.isNonGui()) {
            System.exit(code); // want "system-exit" source:-
        }
    }
}
