// H2 2.1.214, src/main/org/h2/util/MathUtils.java (MPL 2.0 / EPL 1.0). Hazard behind a helper:
// getSecureRandom() reports a failed seeding through warn(s, t), which prints to System.out and
// System.err: in a shared JVM the warning lands in the base's console, not the app's log. One
// finding for the helper, at its first print; its printStackTrace is a related location.
package org.h2.util;

import java.security.SecureRandom;

public class MathUtils {
    private static SecureRandom cachedSecureRandom;

    private static synchronized SecureRandom getSecureRandom() {
        try {
            cachedSecureRandom = SecureRandom.getInstance("SHA1PRNG");
        } catch (Exception e) {
            warn("SecureRandom", e);
            cachedSecureRandom = new SecureRandom();
        }
        return cachedSecureRandom;
    }

    static void warn(String s, Throwable t) {
        // not a fatal problem, but maybe reduced security
        System.out.println("Warning: " + s); // want "stdout-usage"
        if (t != null) {
            t.printStackTrace();
        }
    }
}
