// Jetty 9.4.57, jetty-start/src/main/java/org/eclipse/jetty/start/StartArgs.java
// (Apache License 2.0 / EPL 1.0), shortened: the start program's arguments,
// whose static initialiser fixes the version properties as the class loads.
// Only the launcher's own methods use the class (Main.processCommandLine
// creates it, JettyStartMain.java), and nothing outside jetty-start names
// the package: the writes set up start.jar's own process, and the reads
// read back what only it writes. Not findings.
package org.eclipse.jetty.start;

public class StartArgs {
    public static final String VERSION;

    private static final String JETTY_VERSION_KEY = "jetty.version";
    private static final String JETTY_TAG_NAME_KEY = "jetty.tag.version";

    static {
        // Use command line versions
        String ver = System.getProperty(JETTY_VERSION_KEY);
        String tag = System.getProperty(JETTY_TAG_NAME_KEY);
        if (ver == null) {
            ver = "0.0";
        }
        if (tag == null) {
            tag = "jetty-" + ver;
        }
        VERSION = ver;
        System.setProperty(JETTY_VERSION_KEY, VERSION);
        System.setProperty(JETTY_TAG_NAME_KEY, tag);
    }

    private final BaseHome baseHome;

    public StartArgs(BaseHome baseHome) {
        this.baseHome = baseHome;
    }

    public BaseHome getBaseHome() {
        return baseHome;
    }
}
