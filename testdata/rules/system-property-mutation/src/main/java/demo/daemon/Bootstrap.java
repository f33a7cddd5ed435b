package demo.daemon;

import java.lang.reflect.Method;

// A server's launcher: its static initialiser fixes the home and base
// directories, then main (or a service wrapper, through init, start and
// stop) creates the server by its class name and calls its lifecycle by
// method names. No other production class names the launcher: what it
// runs is the command line's own process.
public final class Bootstrap {
    static {
        String home = System.getProperty("server.home");
        if (home == null) {
            home = System.getProperty("user.dir");
        }
        System.setProperty("server.home", home);
        System.setProperty("server.base", System.getProperty("server.base", home));
    }

    private Object daemon;

    public void init() throws Exception {
        ServerProperties.load();
        Class<?> type = Thread.currentThread().getContextClassLoader().loadClass("demo.daemon.Server");
        daemon = type.getConstructor().newInstance();
        Method method = daemon.getClass().getMethod("setParent", ClassLoader.class);
        method.invoke(daemon, Bootstrap.class.getClassLoader());
    }

    private void load(String[] args) throws Exception {
        String methodName = "load";
        Method method = daemon.getClass().getMethod(methodName, String[].class);
        method.invoke(daemon, (Object) args);
    }

    public void start() throws Exception {
        daemon.getClass().getMethod("start").invoke(daemon);
    }

    public void stop() throws Exception {
        daemon.getClass().getMethod("stop").invoke(daemon);
    }

    public static void main(String[] args) throws Exception {
        Bootstrap bootstrap = new Bootstrap();
        bootstrap.init();
        bootstrap.load(args);
        bootstrap.start();
    }
}
