package fixtures.forname;

// A branch taken only in an interactive session of the library's own
// console parses what the user at the terminal typed.
public class Interactive {
    private final Shell shell = new Shell();

    static class Shell {
        boolean isInteractive() {
            return System.console() != null;
        }
    }

    Object load(String typed) throws Exception {
        if (shell.isInteractive()) {
            return Class.forName(typed); // want "class-forname-caller-loader" source:-
        }
        return null;
    }

    Object batch(String configured) throws Exception {
        if (!shell.isInteractive()) {
            return Class.forName(configured); // want "class-forname-caller-loader:low"
        }
        return null;
    }
}
