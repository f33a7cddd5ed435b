package optin.conf;

import optin.Props;

// Switches kept as constants of a class of their own (H2's SysProperties):
// a test of one is a test of the read that initialises it.
public final class Settings {
    public static final boolean EXIT_ON_FATAL = Props.getPropDefault("engine.exit.on.fatal", false);
    public static final boolean EXIT_DIRECT = Boolean.getBoolean("engine.exit.direct");
    public static final boolean EXIT_OWN = flag("engine.exit.own", false);
    public static final boolean EXIT_ON_ERROR = Props.getPropDefault("engine.exit.on.error", true);
    public static final boolean EXIT_NOT_A_READ = Props.notProp("engine.exit.not.read", false);

    private Settings() {
    }

    public static boolean exitDirect() {
        return EXIT_DIRECT;
    }

    public static boolean exitOnError() {
        return EXIT_ON_ERROR;
    }

    private static boolean flag(String key, boolean def) {
        String v = System.getProperty(key);
        return v == null ? def : Boolean.parseBoolean(v);
    }
}
