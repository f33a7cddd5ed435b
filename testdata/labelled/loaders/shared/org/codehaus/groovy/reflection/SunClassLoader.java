// groovy 2.4.21, src/main/org/codehaus/groovy/reflection/SunClassLoader.java (Apache-2.0).
// Safe look-alike behind a helper: loadFromRes(name) reads the class file
// of the class it is handed through its own loader, and its only caller,
// the subclass GroovySunClassLoader, hands it the names of Groovy's own
// call-site classes.
package org.codehaus.groovy.reflection;

import java.io.IOException;
import java.io.InputStream;

public class SunClassLoader extends ClassLoader {
    protected void loadFromRes(String name) throws IOException {
        final InputStream asStream = SunClassLoader.class.getClassLoader().getResourceAsStream(resName(name));
        asStream.close();
    }

    protected static String resName(String s) {
        return s.replace('.', '/') + ".class";
    }
}
