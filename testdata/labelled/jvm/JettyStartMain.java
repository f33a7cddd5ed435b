// Jetty 9.4.57, jetty-start/src/main/java/org/eclipse/jetty/start/Main.java
// (Apache License 2.0 / EPL 1.0), shortened: the launcher's main and the
// private helpers only main reaches, and the public processCommandLine that
// creates the launcher's BaseHome (JettyStartBaseHome.java) and StartArgs
// (JettyStartArgs.java), which only main calls. The process is the command line's own:
// its exits and property writes are not findings.
package org.eclipse.jetty.start;

public class Main {
    public static void main(String[] args) {
        try {
            Main main = new Main();
            StartArgs startArgs = main.processCommandLine(args);
            main.start(args);
            System.out.println(startArgs.getBaseHome());
        } catch (Throwable e) {
            usageExit(e, 1);
        }
    }

    public StartArgs processCommandLine(String[] cmdLine) {
        BaseHome baseHome = new BaseHome(cmdLine[0], cmdLine.length > 1 ? cmdLine[1] : null);
        return new StartArgs(baseHome);
    }

    private void start(String[] args) {
        System.setProperty("jetty.home", args[0]);
    }

    private static void usageExit(Throwable t, int exit) {
        System.exit(exit);
    }
}
