package org.acme.fw;

// A framework that installs a security manager when configured to, and
// removes the one it installed when it stops: the removal undoes the
// change reported at the install.
public class ResetOwn {
    private SecurityManager installed;

    public void init(java.util.Map<String, String> config) {
        if (config.get("security") != null) {
            System.setSecurityManager(installed = new SecurityManager()); // want "jvm-global-default-mutation"
        }
    }

    public void stop() {
        if (installed != null) {
            System.setSecurityManager(null);
            installed = null;
        }
    }

    // The framework's activator stops it: the same nest.
    class Activator {
        void stop() {
            if (installed != null) {
                System.setSecurityManager(null); // want "jvm-global-default-mutation" source:-
            }
        }
    }
}

// Another class removing a security manager it never installed changes
// what the JVM's owner chose.
class Remover {
    public void unlock() {
        System.setSecurityManager(null); // want "jvm-global-default-mutation"
    }
}
