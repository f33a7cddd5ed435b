package demo.server.ant;

// An Ant task's server: it runs in the build's JVM.
public class ServerTask {
    void start(Runnable server) {
        try {
            server.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }
}
