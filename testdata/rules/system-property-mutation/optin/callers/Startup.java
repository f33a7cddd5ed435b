package optin.callers;

public class Startup {
    static {
        if (Boolean.getBoolean("org.lib.REPLACE")) {
            Props.replaceProperties();
        }
        if (Boolean.parseBoolean(System.getProperty("org.lib.default.on", "true"))) {
            Props.defaultOn();
        }
        if (Boolean.getBoolean("org.lib.other.branch")) {
            log("on");
        } else {
            Props.otherBranch();
        }
        if (Boolean.getBoolean("org.lib.also.unguarded")) {
            Props.alsoUnguarded();
        }
        if (Boolean.getBoolean("org.lib.referenced")) {
            Props.referenced();
        }
        if (Boolean.getBoolean("org.lib.on.instance")) {
            new Props().onInstance();
        }
    }

    static void handlers() {
        String v = System.getProperty("org.lib.handlers");
        if (v == null || !v.equalsIgnoreCase("true")) {
            return;
        }
        Props.installHandlers();
    }

    public static void reset() {
        Props.alsoUnguarded();
    }

    public static Runnable resetter() {
        return Props::referenced;
    }

    static void log(String message) {
    }
}
