package optin;

import java.security.Security;

// Changes made only while a security manager is installed: deprecated, and
// absent unless whoever runs the JVM installs one, so a note naming it.
// The same change outside the test, or under its negation, keeps the level.
public class SecurityGuarded {
    private void protect(String key, String packages) {
        if (System.getSecurityManager() != null) {
            String current = Security.getProperty(key);
            Security.setProperty(key, current == null ? packages : current + "," + packages); // want "jvm-global-default-mutation:low"
        }
    }

    public void protectAll() {
        protect("package.access", "org.lib.");
        protect("package.definition", "org.lib.");
    }

    public void always(String packages) {
        Security.setProperty("package.definition", packages); // want "jvm-global-default-mutation:high"
    }

    public void withoutOne(String packages) {
        if (System.getSecurityManager() == null) {
            Security.setProperty("package.access", packages); // want "jvm-global-default-mutation:high"
        }
    }
}
