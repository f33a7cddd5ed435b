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

    // The interactive branch's lookup sits in a try: the if still decides.
    Object console(java.util.Properties props) {
        String name = props.getProperty("shell.console", "").trim();
        if (name.length() > 0 && shell.isInteractive()) {
            try {
                return Class.forName(name); // want "class-forname-caller-loader" source:-
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }

    Object consoleRetry(String name) {
        if (shell.isInteractive()) {
            try {
                return Class.forName("shell." + name); // want "class-forname-caller-loader" source:-
            } catch (ClassNotFoundException e) {
                try {
                    return Class.forName(name); // want "class-forname-caller-loader" source:-
                } catch (ClassNotFoundException again) {
                    return null;
                }
            }
        }
        return null;
    }

    // A try outside any interactive branch: flagged.
    Object consoleBatch(java.util.Properties props) {
        String name = props.getProperty("shell.console", "").trim();
        if (name.length() > 0 && !shell.isInteractive()) {
            try {
                return Class.forName(name); // want "class-forname-caller-loader:hint"
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        try {
            return Class.forName(name); // want "class-forname-caller-loader:hint"
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    Object batch(String configured) throws Exception {
        if (!shell.isInteractive()) {
            return Class.forName(configured); // want "class-forname-caller-loader:hint"
        }
        return null;
    }
}
