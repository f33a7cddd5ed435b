package demo.runner;

import java.util.Locale;
import java.util.TimeZone;

// What only the launcher's main reaches runs in the command line's own
// process, never inside the shared JVM; compiled code has no call graph.
public class Runner {
    public void start(String[] args) {
        if (args.length > 0) {
            Locale.setDefault(Locale.ENGLISH);
            batch(args);
        }
    }

    private void batch(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(args[0]));
    }

    // Nothing in the project calls it: library callers may, inside the
    // shared JVM.
    public void configure(String zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone)); // want "jvm-global-default-mutation:high"
    }
}
