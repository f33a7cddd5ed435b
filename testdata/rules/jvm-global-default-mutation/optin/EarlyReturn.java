package optin;

import java.util.TimeZone;
import java.util.logging.LogManager;

// The switch read into a local String, and the method left early unless
// whoever runs the JVM set it to "true": everything after the return
// waits for the switch, a note naming it.
public class EarlyReturn {
    static void reconfigure() throws Exception {
        String propVal = System.getProperty("lib.reconfig_logging");
        if (propVal == null || !propVal.equalsIgnoreCase("true")) {
            return;
        }
        LogManager lm = LogManager.getLogManager();
        if (System.getProperty("java.util.logging.config.file") != null) {
            lm.readConfiguration(); // want "jvm-global-default-mutation:low"
            return;
        }
        lm.readConfiguration(EarlyReturn.class.getResourceAsStream("/lib/logging.properties")); // want "jvm-global-default-mutation:low"
    }

    static void literalFirst() {
        String v = System.getProperty("lib.utc");
        if (!"true".equalsIgnoreCase(v)) {
            return;
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
    }

    static void equalsExact() {
        final String v = System.getenv("LIB_UTC");
        if (!"true".equals(v)) {
            return;
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
    }

    static void parsed() {
        String v = System.getProperty("lib.utc");
        if (v == null || !Boolean.parseBoolean(v)) {
            return;
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
    }

    static void around() {
        String v = System.getProperty("lib.utc");
        if (v != null && v.equalsIgnoreCase("true")) {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
        }
    }
}

// Look-alikes: the switch on by default, the value tested but the code
// not left, the local assigned again, the return on the other branch.
class EarlyReturnDefaultOn {
    static void reconfigure() throws Exception {
        String v = System.getProperty("lib.reconfig_logging", "true");
        if (!v.equalsIgnoreCase("true")) {
            return;
        }
        LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation:high"
    }

    static void absentMeansOn() {
        String v = System.getProperty("lib.utc");
        if (v != null && !v.equalsIgnoreCase("true")) {
            return;
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:high"
    }

    static void notLeft() {
        String v = System.getProperty("lib.utc");
        if (v == null || !v.equalsIgnoreCase("true")) {
            warn("lib.utc is off");
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:high"
    }

    static void warn(String message) {
    }

    static void reassigned(String fallback) {
        String v = System.getProperty("lib.utc");
        if (v == null || !v.equalsIgnoreCase("true")) {
            return;
        }
        v = fallback;
        TimeZone.setDefault(TimeZone.getTimeZone(v)); // want "jvm-global-default-mutation:high"
    }

    static void otherBranch() {
        String v = System.getProperty("lib.utc");
        if (v != null && v.equalsIgnoreCase("true")) {
            return;
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:high"
    }

    static void parameter(String v) {
        if (!"true".equals(v)) {
            return;
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:high"
    }
}
