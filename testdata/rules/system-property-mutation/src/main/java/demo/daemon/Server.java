package demo.daemon;

// The server the launcher creates by name: its lifecycle methods, which
// only the launcher invokes (by their names), set up the process. A
// method nobody invokes is the class's API and stays a finding.
public class Server {
    private ClassLoader parent;

    public void setParent(ClassLoader parent) {
        this.parent = parent;
    }

    public void load(String[] args) {
        System.setProperty("server.naming", "true");
        System.setProperty("server.config", args.length > 0 ? args[0] : ServerProperties.get("server.config"));
    }

    public void start() {
        System.setProperty("server.started", "true");
    }

    public void stop() {
        System.clearProperty("server.started");
    }

    public void reconfigure(String config) {
        System.setProperty("server.config", config); // want "system-property-mutation:high"
    }
}
