// groovy 2.4.21, src/main/org/codehaus/groovy/runtime/callsite/CallSiteClassLoader.java (Apache-2.0).
// Safe look-alike: a class loader's own loadClass delegating to the loader
// that defined it is what a loader is for, not a lookup of a module's name.
package org.codehaus.groovy.runtime.callsite;

import java.util.HashSet;
import java.util.Set;

public class CallSiteClassLoader extends ClassLoader {
    private static final Set<String> KNOWN_CLASSES = new HashSet<String>();

    protected synchronized Class loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (KNOWN_CLASSES.contains(name))
            return getClass().getClassLoader().loadClass(name);
        else {
            try {
                return super.loadClass(name, resolve);
            } catch (ClassNotFoundException e) {
                return getClass().getClassLoader().loadClass(name);
            }
        }
    }
}
