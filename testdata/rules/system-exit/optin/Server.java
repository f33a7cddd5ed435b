package optin;

import optin.util.Config;
import optin.util.Utils;

// Exits behind the project's own multi-branch property helper, read for
// a false default: in the if itself, into a field first and tested
// later, into a static field an init method fills. On by default, a
// helper that is no property read, and a number compared keep the level.
public class Server {
    private final boolean exitOnClose = Utils.getPropDefault("server.exit.on.close", false);
    private static boolean exitOnFatal;
    private boolean exitLater;
    private Config config;
    private final boolean exitOnStop;

    public Server() {
        this.exitOnStop = Utils.getPropDefault("server.exit.on.stop", false);
    }

    public static void init() {
        exitOnFatal = Utils.getPropDefault("server.exit.on.fatal", false);
    }

    public void configure() {
        this.exitLater = Utils.flag("server.exit.later", false);
    }

    public void stop() {
        if (Utils.getPropDefault("server.remote.system.exit", false)) {
            System.exit(0); // want "system-exit:low"
        }
        if (Utils.flag("server.exit.flag", false)) {
            System.exit(0); // want "system-exit:low"
        }
        if (Utils.getPropDefault(System.getProperties(), "server.exit.table", false)) {
            System.exit(0); // want "system-exit:low"
        }
    }

    public void configured() {
        if (config.getFlag("server.exit.configured", false)) {
            System.exit(8); // want "system-exit:low"
        }
        if (config.isSet("server.exit.set", false)) {
            System.exit(9); // want "system-exit:critical"
        }
    }

    public void stopped() {
        if (exitOnStop) {
            System.exit(11); // want "system-exit:low"
        }
    }

    public void close() {
        if (exitOnClose) {
            System.exit(1); // want "system-exit:low"
        }
    }

    public void fatal() {
        if (exitOnFatal) {
            Runtime.getRuntime().halt(2); // want "system-exit:low"
        }
    }

    public void later() {
        if (exitLater) {
            System.exit(3); // want "system-exit:low"
        }
    }

    public void lookAlikes() {
        if (Utils.getPropDefault("server.exit.on.error", true)) {
            System.exit(4); // want "system-exit:critical"
        }
        if (Utils.unlessDisabled("server.exit.unless", false)) {
            System.exit(5); // want "system-exit:critical"
        }
        if (Utils.ignoring("server.exit.ignoring", false)) {
            System.exit(6); // want "system-exit:critical"
        }
        if (Utils.getPropDefault("server.exit.code", 0) > 0) {
            System.exit(7); // want "system-exit:critical"
        }
    }
}
