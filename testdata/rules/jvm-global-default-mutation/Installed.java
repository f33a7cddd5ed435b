package fixtures.jvmglobal;

import java.util.Locale;
import java.util.TimeZone;
import org.graalvm.nativeimage.ImageInfo;

// Changes made where only one application's process can be: a branch taken
// only inside a native image (a closed-world executable), a SecurityManager
// the JVM installs at start from -Djava.security.manager. Code that never
// runs (a private method nothing calls) changes nothing either.
public class Installed {
    public void init() {
        if (ImageInfo.inImageCode()) {
            Locale.setDefault(Locale.ROOT); // want "jvm-global-default-mutation" source:-
        }
        if (ImageInfo.inImageRuntimeCode() && Locale.getDefault() == null) {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation" source:-
        }
        if (!ImageInfo.inImageCode()) {
            Locale.setDefault(Locale.ROOT); // want "jvm-global-default-mutation"
        }
        if (ImageInfo.inImageCode() || Locale.getDefault() == null) {
            Locale.setDefault(Locale.US); // want "jvm-global-default-mutation"
        }
        Locale.setDefault(Locale.UK); // want "jvm-global-default-mutation"
    }

    private void unused() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation" source:-
    }

    // Installed by -Djava.security.manager=fixtures.jvmglobal.Installed$OneShot:
    // it removes itself on first use.
    public static class OneShot extends SecurityManager {
        @Override
        public void checkPermission(java.security.Permission perm) {
            System.setSecurityManager(null);
        }
    }

    // Not a SecurityManager: an app's helper that installs one.
    public static class Installer {
        public void lockDown() {
            System.setSecurityManager(new SecurityManager()); // want "jvm-global-default-mutation"
        }
    }
}
