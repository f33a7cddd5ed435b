// Jetty 9.4.57, jetty-start/src/main/java/org/eclipse/jetty/start/BaseHome.java
// (Apache License 2.0 / EPL 1.0), shortened: a public class of the launcher's
// package, created only by Main.processCommandLine (JettyStartMain.java), which
// only main reaches. Its property writes set up the command line's own process.
package org.eclipse.jetty.start;

public class BaseHome {
    private final String homeDir;
    private final String baseDir;

    public BaseHome(String home, String base) {
        this.homeDir = home;
        this.baseDir = (base != null) ? base : home;
        System.setProperty("jetty.home", homeDir);
        System.setProperty("jetty.base", baseDir);
    }
}
