// groovy 2.4.21, src/main/org/codehaus/groovy/runtime/callsite/GroovySunClassLoader.java (Apache-2.0).
// The one caller of SunClassLoader.loadFromRes: Groovy's own classes.
package org.codehaus.groovy.runtime.callsite;

import org.codehaus.groovy.reflection.SunClassLoader;

public class GroovySunClassLoader extends SunClassLoader {
    protected GroovySunClassLoader() throws Throwable {
        super();
        loadFromRes("org.codehaus.groovy.runtime.callsite.MetaClassSite");
        loadFromRes("org.codehaus.groovy.runtime.callsite.MetaMethodSite");
        loadFromRes("org.codehaus.groovy.runtime.callsite.PogoMetaMethodSite");
    }
}
