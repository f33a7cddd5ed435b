package optin;

import optin.conf.Settings;

// Exits an operator asks for with a switch that is off by default (a
// system property, an environment variable, a setting read with a false
// default): notes that name the switch. Switches on by default, and tests
// that are not switches, keep the level.
public class Engine {
    private static final boolean EXIT_ON_SHUTDOWN = Boolean.getBoolean("engine.exit.on.shutdown");
    private static final boolean EXIT_ON_ERROR = !Boolean.getBoolean("engine.exit.on.error.disable");
    private final boolean remoteExit = Props.getPropDefault("engine.remote.system.exit", false);
    private final boolean ownExit = flag("engine.own.exit", false);
    protected boolean remote;

    public Engine(boolean remote) {
        this.remote = remote;
    }

    // The switch read through the project's helper of another file, in
    // the if itself and through a field.
    public void exit() {
        if (remote && Props.getPropDefault("engine.remote.system.exit", false)) {
            System.exit(0); // want "system-exit:low"
        }
    }

    public void exitField() {
        if (remote && remoteExit) {
            System.exit(0); // want "system-exit:low"
        }
    }

    public void exitOwnHelper() {
        if (ownExit) {
            System.exit(1); // want "system-exit:low"
        }
    }

    public void exitStatic() {
        if (EXIT_ON_SHUTDOWN) System.exit(1); // want "system-exit:low"
    }

    public void exitParsed() {
        if (Boolean.parseBoolean(System.getProperty("engine.exit", "false"))) {
            System.exit(2); // want "system-exit:low"
        }
        if (Boolean.valueOf(System.getProperty("engine.exit.absent"))) {
            System.exit(2); // want "system-exit:low"
        }
    }

    public void exitEnv() {
        if ("true".equalsIgnoreCase(System.getenv("ENGINE_EXIT"))) {
            System.exit(3); // want "system-exit:low"
        }
    }

    public void exitAfterEarlyReturn(int code) {
        if (!Boolean.getBoolean("engine.halt")) {
            return;
        }
        Runtime.getRuntime().halt(code); // want "system-exit:low"
    }

    public void exitLocal(int code) {
        boolean exit = Boolean.getBoolean("engine.exit.local");
        close();
        if (exit) {
            System.exit(code); // want "system-exit:low"
        }
    }

    public void exitConfig(Configuration conf) {
        if (conf.getBoolean("engine.exit.configured", false)) {
            System.exit(4); // want "system-exit:low"
        }
    }

    public void eitherSwitch() {
        if (Boolean.getBoolean("engine.exit.a") || remote && Boolean.getBoolean("engine.exit.b")) {
            System.exit(5); // want "system-exit:low"
        }
    }

    public void exitConstant() {
        if (Settings.EXIT_ON_FATAL) {
            System.exit(14); // want "system-exit:low"
        }
        if (Settings.EXIT_DIRECT) {
            System.exit(14); // want "system-exit:low"
        }
        if (Settings.EXIT_OWN) {
            System.exit(14); // want "system-exit:low"
        }
        if (Settings.EXIT_ON_ERROR) {
            System.exit(15); // want "system-exit:critical"
        }
        if (Settings.EXIT_NOT_A_READ) {
            System.exit(15); // want "system-exit:critical"
        }
    }

    static boolean exitOnFatal() {
        return Boolean.getBoolean("engine.exit.on.fatal.getter");
    }

    boolean isRemoteExit() {
        return remoteExit;
    }

    boolean isRemote() {
        return remote;
    }

    public void exitGetter() {
        if (exitOnFatal()) {
            System.exit(16); // want "system-exit:low"
        }
        if (isRemoteExit()) {
            System.exit(16); // want "system-exit:low"
        }
        if (Settings.exitDirect()) {
            System.exit(16); // want "system-exit:low"
        }
        if (Settings.exitOnError()) {
            System.exit(17); // want "system-exit:critical"
        }
        if (isRemote()) {
            System.exit(17); // want "system-exit:critical"
        }
    }

    static boolean flag(String key, boolean def) {
        return Boolean.parseBoolean(System.getProperty(key, String.valueOf(def)));
    }

    // Look-alikes: on by default, an opt-out, either side of ||, the
    // other branch, a getter that is no property read.

    public void onByDefault() {
        if (Props.getPropDefault("engine.exit.on.error", true)) {
            System.exit(7); // want "system-exit:critical"
        }
        if (flag("engine.exit.on.error", true)) {
            System.exit(7); // want "system-exit:critical"
        }
    }

    public void optOut() {
        if (!Boolean.getBoolean("engine.exit.disable")) {
            System.exit(8); // want "system-exit:critical"
        }
        if (EXIT_ON_ERROR) {
            System.exit(8); // want "system-exit:critical"
        }
    }

    public void defaultTrue() {
        if (Boolean.parseBoolean(System.getProperty("engine.exit", "true"))) {
            System.exit(9); // want "system-exit:critical"
        }
    }

    public void either() {
        if (remote || Boolean.getBoolean("engine.exit")) {
            System.exit(10); // want "system-exit:critical"
        }
    }

    public void elseBranch() {
        if (Boolean.getBoolean("engine.keep")) {
            close();
        } else {
            System.exit(11); // want "system-exit:critical"
        }
    }

    public void notAPropertyRead() {
        if (inverted("engine.inverted", false)) {
            System.exit(12); // want "system-exit:critical"
        }
    }

    static boolean inverted(String key, boolean def) {
        return !def && key.isEmpty();
    }

    public void computedKey(String name) {
        if (Boolean.getBoolean(name)) {
            System.exit(13); // want "system-exit:low"
        }
        if (Props.getPropDefault(name, false)) {
            System.exit(13); // want "system-exit:critical"
        }
    }

    void close() {
    }
}

interface Configuration {
    boolean getBoolean(String key, boolean def);
}

// A flag a public setter turns on: whoever calls it decides, not only the
// operator.
class Toggled {
    private boolean exitOnError = Boolean.getBoolean("toggled.exit");

    public void setExitOnError(boolean on) {
        exitOnError = on;
    }

    public void fail() {
        if (exitOnError) {
            System.exit(1); // want "system-exit:critical"
        }
    }
}
