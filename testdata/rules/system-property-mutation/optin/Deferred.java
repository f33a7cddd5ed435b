package optin;

import java.util.concurrent.Executor;

// A property written by code the switch makes (an anonymous class, a
// lambda) runs only when the switch is on: a note. Made outside the
// switch, or under one on by default, it keeps the level.
public class Deferred {
    private static final boolean EXPORT = Boolean.getBoolean("lib.export.props");
    private static final boolean EXPORT_ON = !Boolean.getBoolean("lib.export.disable");

    void export(Executor executor) {
        if (EXPORT) {
            executor.execute(new Runnable() {
                @Override
                public void run() {
                    System.setProperty("lib.exported", "true"); // want "system-property-mutation:low"
                }
            });
            executor.execute(() -> System.clearProperty("lib.exported.old")); // want "system-property-mutation:low"
        }
    }

    void exportLater(Executor executor) {
        if (!EXPORT) {
            return;
        }
        executor.execute(new Runnable() {
            @Override
            public void run() {
                System.setProperty("lib.exported.later", "true"); // want "system-property-mutation:low"
            }
        });
    }

    void exportOn(Executor executor) {
        if (EXPORT_ON) {
            executor.execute(new Runnable() {
                @Override
                public void run() {
                    System.setProperty("lib.exported.on", "true"); // want "system-property-mutation:high"
                }
            });
        }
    }

    void exportAlways(Executor executor) {
        executor.execute(new Runnable() {
            @Override
            public void run() {
                System.setProperty("lib.exported.always", "true"); // want "system-property-mutation:high"
            }
        });
    }
}
