package optin.callers;

// Public helpers that rewrite the JVM's properties. Which of them the
// project runs only behind an operator's switch depends on their
// callers, in other files (Startup.java).
public class Props {
    // Called only in a static initialiser that waits for
    // -Dorg.lib.REPLACE=true: a note naming the switch and that the
    // method is public.
    public static void replaceProperties() {
        for (String name : System.getProperties().stringPropertyNames()) {
            System.setProperty(name, System.getProperty(name).trim()); // want "system-property-mutation:low"
        }
    }

    // Called behind a switch read through a local String and an early
    // return.
    static void installHandlers() {
        System.setProperty("java.protocol.handler.pkgs", "org.lib.protocols"); // want "system-property-mutation:low"
    }

    // Look-alikes: a caller behind a switch on by default, a caller on
    // the branch the switch leaves, a second caller without any switch,
    // no caller at all, a caller holding a method reference.
    public static void defaultOn() {
        System.setProperty("org.lib.default.on", "1"); // want "system-property-mutation:high"
    }

    public static void otherBranch() {
        System.setProperty("org.lib.other.branch", "1"); // want "system-property-mutation:high"
    }

    public static void alsoUnguarded() {
        System.setProperty("org.lib.also.unguarded", "1"); // want "system-property-mutation:high"
    }

    public static void neverCalled() {
        System.setProperty("org.lib.never.called", "1"); // want "system-property-mutation:high"
    }

    public static void referenced() {
        System.setProperty("org.lib.referenced", "1"); // want "system-property-mutation:high"
    }

    // An instance method: calls through a supertype are not found by
    // name, so its callers do not decide it.
    public void onInstance() {
        System.setProperty("org.lib.on.instance", "1"); // want "system-property-mutation:high"
    }
}
