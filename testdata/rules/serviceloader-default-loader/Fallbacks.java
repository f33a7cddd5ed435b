package fixtures.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

// The thread context loader is asked first (ServiceLoader.load(S)); the
// library's own loader only when that finds nothing or fails: a module's
// providers are found.
public class Fallbacks {
    public interface Plugin {
    }

    static List<Plugin> whenEmpty() {
        List<Plugin> found = new ArrayList<>();
        for (Plugin p : ServiceLoader.load(Plugin.class)) {
            found.add(p);
        }
        if (found.isEmpty()) {
            for (Plugin p : ServiceLoader.load(Plugin.class, Fallbacks.class.getClassLoader())) {
                found.add(p);
            }
        }
        return found;
    }

    static Plugin whenNoNext() {
        Iterator<Plugin> it = ServiceLoader.load(Plugin.class).iterator();
        if (!it.hasNext()) {
            it = ServiceLoader.load(Plugin.class, Fallbacks.class.getClassLoader()).iterator();
        }
        return it.hasNext() ? it.next() : null;
    }

    static List<Plugin> whenFailed() {
        List<Plugin> found = new ArrayList<>();
        try {
            for (Plugin p : ServiceLoader.load(Plugin.class)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            for (Plugin p : ServiceLoader.load(Plugin.class, Fallbacks.class.getClassLoader())) {
                found.add(p);
            }
        }
        return found;
    }

    // The reverse: the own loader first, the context loader only when it
    // finds nothing. A provider the library's loader sees hides a module's.
    static List<Plugin> ownFirst() {
        List<Plugin> found = new ArrayList<>();
        for (Plugin p : ServiceLoader.load(Plugin.class, Fallbacks.class.getClassLoader())) { // want "serviceloader-default-loader:medium"
            found.add(p);
        }
        if (found.isEmpty()) {
            for (Plugin p : ServiceLoader.load(Plugin.class)) {
                found.add(p);
            }
        }
        return found;
    }

    static Plugin ownFirstRead() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Iterator<Plugin> it = ServiceLoader.load(Plugin.class, Fallbacks.class.getClassLoader()).iterator(); // want "serviceloader-default-loader:medium" bytecode:-
        if (!it.hasNext()) {
            it = ServiceLoader.load(Plugin.class, tccl).iterator();
        }
        return it.hasNext() ? it.next() : null;
    }

    // A context lookup in another method does not make this one safe.
    static List<Plugin> ownOnly() {
        List<Plugin> found = new ArrayList<>();
        for (Plugin p : ServiceLoader.load(Plugin.class, Fallbacks.class.getClassLoader())) { // want "serviceloader-default-loader"
            found.add(p);
        }
        return found;
    }
}
