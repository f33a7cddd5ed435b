// groovy 2.4.21, src/main/org/codehaus/groovy/reflection/GeneratedMetaMethod.java (Apache-2.0).
// Safe look-alike: the class names come from META-INF/dgminfo, the index
// of Groovy's generated methods, read through the same loader that then
// loads them: that loader sees the classes its own index lists.
package org.codehaus.groovy.reflection;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

public abstract class GeneratedMetaMethod {
    public static class DgmMethodRecord {
        public static Map<Integer, Class> loadDgmInfo() throws IOException {
            ClassLoader loader = DgmMethodRecord.class.getClassLoader();
            DataInputStream in = new DataInputStream(new BufferedInputStream(loader.getResourceAsStream("META-INF/dgminfo")));
            Map<Integer, Class> classes = new HashMap<Integer, Class>();
            for (;;) {
                String name = in.readUTF();
                if (name.length() == 0)
                    break;
                int key = in.readInt();
                Class cls = null;
                try {
                    cls = loader.loadClass(name);
                } catch (ClassNotFoundException e) {
                    continue;
                }
                classes.put(key, cls);
            }
            return classes;
        }
    }
}
