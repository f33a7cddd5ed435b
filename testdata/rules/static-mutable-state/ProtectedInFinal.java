package fixtures.state;

// A protected static setter of a final class is open to its package alone
// (no subclass can inherit it): when no production code calls it, only
// tests can, and the field holds its initial value for every app. Called
// by the library with what its caller hands in, it is shared state.
public final class ProtectedInFinal {
    private static String confDir = System.getProperty("user.home") + "/.conf"; // want "static-mutable-state" source:-

    private ProtectedInFinal() {
    }

    protected static void setConfDir(String dir) {
        confDir = dir;
    }

    public static String confDir() {
        return confDir;
    }

    public static final class Called {
        private static String confDir; // want "static-mutable-state" bytecode:0

        private Called() {
        }

        protected static void setConfDir(String dir) {
            confDir = dir;
        }

        public static void configure(String dir) {
            setConfDir(dir);
        }
    }
}
