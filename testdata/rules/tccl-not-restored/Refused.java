package fixtures.tccl;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Switches that are flagged but get no edit: wrapping the rest of the block
 * would undo the switch before the code that needs it (shapes of
 * jetty-maven-plugin, Tomcat's Bootstrap, Groovy's RootLoader, Hibernate's
 * and Derby's test set-ups).
 */
public class Refused extends URLClassLoader {
    @interface BeforeEach {
    }

    private static final Logger LOG = Logger.getLogger("refused");
    private ClassLoader parentLoader;
    private ClassLoader isolatedLoader = new URLClassLoader(new URL[0], null);
    private ClassLoader catalinaLoader = isolatedLoader;
    private Object catalinaDaemon;

    public Refused(URL[] urls) {
        super(urls, null);
        // Groovy's RootLoader: the loader makes itself the thread's loader for
        // what runs after construction.
        Thread.currentThread().setContextClassLoader(this); // want "tccl-not-restored"
        for (URL url : urls) {
            addURL(url);
        }
    }

    // jetty-maven-plugin: the switch augments the classpath for the goals that
    // run after this method; only a log line follows it in its block.
    public void configurePluginClasspath(List<URL> provided) {
        try {
            if (!provided.isEmpty()) {
                URL[] urls = provided.toArray(new URL[0]);
                URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader());
                Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored"
                LOG.info("Plugin classpath augmented with <scope>provided</scope> dependencies: " + Arrays.toString(urls));
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Invalid url", e);
        }
    }

    // The same, with only the log line after the switch, at the method's end.
    public void augment(URL[] urls) {
        URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader());
        Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored"
        LOG.info("Plugin classpath augmented: " + Arrays.toString(urls));
    }

    // The code after the if block needs the switched loader too.
    public void execute(boolean augment, URL[] urls) {
        if (augment) {
            Thread.currentThread().setContextClassLoader(new URLClassLoader(urls, getClass().getClassLoader())); // want "tccl-not-restored" bytecode:-
            startServer();
        }
        deploy();
    }

    // Tomcat's Bootstrap.init: the server runs with this loader from now on.
    public void init() throws Exception {
        Thread.currentThread().setContextClassLoader(catalinaLoader); // want "tccl-not-restored"
        Class<?> startupClass = catalinaLoader.loadClass("org.apache.catalina.startup.Catalina");
        catalinaDaemon = startupClass.getConstructor().newInstance();
    }

    @BeforeEach
    public void isolate() {
        Thread.currentThread().setContextClassLoader(isolatedLoader); // want "tccl-not-restored"
        startServer();
    }

    // Hibernate's AbstractClassLoaderIsolatedTestCase: the previous loader is kept in a field,
    // for the restore in another method; the pair is the guard, the restore no switch of its own.
    public void enterIsolation() {
        parentLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(isolatedLoader);
        startServer();
    }

    public void leaveIsolation() {
        deploy();
        Thread.currentThread().setContextClassLoader(parentLoader); // want "tccl-not-restored" source:-
        isolatedLoader = null;
        parentLoader = null;
    }

    // Derby's ClassLoaderTestSetup: a helper that sets the loader its
    // caller passes, as unbind(original) does, here from a privileged
    // action: the caller owns the restore.
    public static void setThreadLoader(final ClassLoader which) {
        AccessController.doPrivileged(new PrivilegedAction<Void>() {
            @Override
            public Void run() {
                java.lang.Thread.currentThread().setContextClassLoader(which); // want "tccl-not-restored" source:-
                return null;
            }
        });
    }

    // In a loop, the next turn's code before the switch ran with the loader.
    public void startAll(List<ClassLoader> loaders) {
        for (ClassLoader l : loaders) {
            Thread.currentThread().setContextClassLoader(l.getParent()); // want "tccl-not-restored"
            startServer();
        }
    }

    // The body of an if without braces: a declaration cannot go before it.
    public void maybe(boolean on) {
        if (on)
            Thread.currentThread().setContextClassLoader(isolatedLoader); // want "tccl-not-restored"
        startServer();
    }

    // A case of a switch statement: the next case cannot move into a try.
    public void pick(int mode) {
        switch (mode) {
            case 1:
                Thread.currentThread().setContextClassLoader(isolatedLoader); // want "tccl-not-restored"
                startServer();
            default:
                deploy();
        }
    }

    // Save, switch, restore later, but a variable declared in between is
    // used after the restore: it cannot move into the try.
    public Object compute() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(isolatedLoader); // want "tccl-not-restored"
        Object result = catalinaDaemon.toString();
        Thread.currentThread().setContextClassLoader(previous);
        return result;
    }

    // Two statements on the switch's line.
    public void crowded() {
        startServer(); Thread.currentThread().setContextClassLoader(isolatedLoader); // want "tccl-not-restored"
        deploy();
    }

    private void startServer() {
    }

    private void deploy() {
    }
}
