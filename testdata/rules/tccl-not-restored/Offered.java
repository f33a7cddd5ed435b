package fixtures.tccl;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Switches whose restore is mechanical: the code that needs the loader runs
 * from the switch to the end of its block, and nothing of the method after it
 * (shapes of Ant's Launcher.run and plugin loaders).
 */
public class Offered {
    public interface AntMain {
        void startAnt(String[] args);
    }

    private static final Logger LOG = Logger.getLogger("offered");
    private final ClassLoader pluginLoader = new URLClassLoader(new URL[0], Offered.class.getClassLoader());
    private final List<Object> plugins = new ArrayList<>();

    // Ant's Launcher.run: the switch, then the work, then the method's end.
    public int run(URL[] jars, String mainClassname, String[] newArgs) {
        final URLClassLoader loader = new URLClassLoader(jars, Offered.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored"
        Class<? extends AntMain> mainClass = null;
        int exitCode = 0;
        Throwable thrown = null;
        try {
            mainClass = loader.loadClass(mainClassname).asSubclass(AntMain.class);
            final AntMain main = mainClass.getDeclaredConstructor().newInstance();
            main.startAnt(newArgs);
        } catch (final ClassNotFoundException cnfe) {
            LOG.warning(
                    "Failed to locate" + mainClassname);
            thrown = cnfe;
        } catch (final Throwable t) {
            LOG.log(Level.SEVERE, "Ant failed", t); //NOSONAR
            thrown = t;
        }
        if (thrown != null) {
            exitCode = 1;
        }
        return exitCode;
    }

    // Save, switch, work, restore outside finally: a throw skips the restore.
    // The restore moves into finally; what follows it stays after.
    public void loadPlugin(String className) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(pluginLoader); // want "tccl-not-restored"
        plugins.add(Class.forName(className, true, pluginLoader).getDeclaredConstructor().newInstance());

        Thread.currentThread().setContextClassLoader(previous); // restore
        LOG.fine("loaded " + className);
    }

    // The switch in one branch of the method's last statement: the else
    // branch never runs after it.
    public void render(boolean isolated, Runnable view) {
        if (isolated) {
            Thread.currentThread().setContextClassLoader(pluginLoader); // want "tccl-not-restored"
            view.run();
        } else {
            view.run();
        }
    }

    // Through a local thread variable, with an early return inside.
    public Object create(String name) throws Exception {
        Thread current = Thread.currentThread();
        current.setContextClassLoader(pluginLoader); // want "tccl-not-restored"
        if (name.isEmpty()) {
            return null;
        }
        return pluginLoader.loadClass(name).getDeclaredConstructor().newInstance();
    }
}
