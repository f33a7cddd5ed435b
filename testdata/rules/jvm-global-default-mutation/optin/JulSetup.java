package optin;

import java.util.TimeZone;
import java.util.logging.LogManager;

// java.util.logging reconfigured only when whoever runs the JVM sets
// -Dlib.reconfig_logging=true: a note naming the switch.
public class JulSetup {
    static {
        if (Boolean.getBoolean("lib.reconfig_logging")) {
            reconfigure();
        }
    }

    private static void reconfigure() {
        try {
            LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation:low"
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void utc() {
        if (Boolean.parseBoolean(System.getProperty("lib.utc"))) {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
        }
    }
}

// Look-alikes: the same switch on by default (a "true" default, absent
// meaning true, an opt-out) keeps the level.
class JulDefaultOn {
    private static final boolean RECONFIG = Boolean.parseBoolean(System.getProperty("lib.reconfig_logging", "true"));

    static {
        if (RECONFIG) {
            try {
                LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation:high"
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

class JulAbsentMeansTrue {
    static void configure() throws Exception {
        String v = System.getProperty("lib.reconfig_logging");
        if (v == null || Boolean.parseBoolean(v)) {
            LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation:high"
        }
        if (!"false".equals(System.getProperty("lib.reconfig_logging"))) {
            LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation:high"
        }
        if (!Boolean.getBoolean("lib.reconfig_logging.disable")) {
            LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation:high"
        }
    }
}
