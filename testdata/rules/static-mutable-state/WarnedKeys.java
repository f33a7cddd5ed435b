package fixtures.state.logonly;

import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

// A set of the keys already warned about only decides whether a warning is
// logged again: every app gets the same answers. One of objects an app
// hands in pins them, and one whose contents decide more than the log is
// shared state. Class files have no text to read the uses from.
public final class WarnedKeys {
    private static final Logger LOG = Logger.getLogger(WarnedKeys.class.getName());
    private static final Set<Integer> WARNED = new HashSet<Integer>(); // want "static-mutable-state" source:-
    private static final Set<String> missing = new HashSet<>(); // want "static-mutable-state" source:-
    private static final Set<Object> seen = new HashSet<>(); // want "static-mutable-state"
    private static final Set<String> known = new HashSet<>(); // want "static-mutable-state"
    private static final Set<String> traced = new HashSet<>(); // want "static-mutable-state" source:-

    private WarnedKeys() {
    }

    public static void glyph(int codepoint) {
        if (!WarnedKeys.WARNED.contains(codepoint)) {
            WarnedKeys.WARNED.add(codepoint);
            final String hex = Integer.toHexString(codepoint);
            WarnedKeys.LOG
                    .warning("no font for " + hex);
        }
    }

    public static void resource(String name) {
        if (!missing.contains(name)) {
            missing.add(name);
            LOG.info("missing " + name);
        }
    }

    public static void object(Object o) {
        if (!seen.contains(o)) {
            seen.add(o);
            LOG.info("first " + o);
        }
    }

    // The logger handed in, the message built in a local first.
    public static synchronized void slicing(String typeId, Logger logger) {
        if (traced.add(typeId)) {
            java.io.StringWriter s = new java.io.StringWriter();
            s.write("unknown type `" + typeId + "'");
            logger.fine(s.toString());
        }
    }

    public static boolean register(String name) {
        if (known.contains(name)) {
            return false;
        }
        known.add(name);
        LOG.info("registered " + name);
        return true;
    }
}
