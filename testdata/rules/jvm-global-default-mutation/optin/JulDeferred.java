package optin;

import java.util.Locale;
import java.util.TimeZone;

// A default changed by a thread the switch starts: a note. The same
// thread started outside the switch keeps the level.
public class JulDeferred {
    static void utcLater() {
        if (Boolean.getBoolean("lib.utc.later")) {
            new Thread(new Runnable() {
                @Override
                public void run() {
                    TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
                }
            }).start();
            new Thread(() -> Locale.setDefault(Locale.ROOT)).start(); // want "jvm-global-default-mutation:low"
        }
    }

    static void utcAlways() {
        new Thread(new Runnable() {
            @Override
            public void run() {
                TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:high"
            }
        }).start();
    }
}
