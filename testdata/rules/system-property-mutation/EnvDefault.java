package fixtures.props;

// A property no one set, filled from the process environment, holds the
// same value whichever app fills it, and replaces no app's value: not a
// hazard, nor is the read that checks it is unset. The environment's value
// written over a set property, a caller's value, or a fill guarded by
// another key still is.
public class EnvDefault {
    public void logDir() {
        if (System.getProperty("hadoop.log.dir") == null // want "system-property-mutation" source:-
                && System.getenv("HADOOP_LOG_DIR") != null) {
            System.setProperty("hadoop.log.dir", System.getenv("HADOOP_LOG_DIR")); // want "system-property-mutation" source:-
        }
    }

    public void home() {
        if (null == System.getProperty("tool.home")) { // want "system-property-mutation" source:-
            System.setProperty("tool.home", System.getenv("TOOL_HOME")); // want "system-property-mutation" source:-
        }
    }

    public void unguarded() {
        System.setProperty("cache.dir", System.getenv("CACHE_DIR")); // want "system-property-mutation"
    }

    public void callers(String dir) {
        if (System.getProperty("work.dir") == null) { // want "system-property-mutation"
            System.setProperty("work.dir", dir); // want "system-property-mutation"
        }
    }

    public void otherKey() {
        if (System.getProperty("tmp.dir") == null) {
            System.setProperty("spool.dir", System.getenv("SPOOL_DIR")); // want "system-property-mutation"
        }
    }

    public void whenSet() {
        if (System.getProperty("data.dir") != null) { // want "system-property-mutation"
            System.setProperty("data.dir", System.getenv("DATA_DIR")); // want "system-property-mutation"
        }
    }
}
