// jetty 9.4.57, jetty-memcached/jetty-memcached-sessions/src/main/java/org/eclipse/jetty/memcached/
// session/MemcachedSessionDataMap.java (Apache License 2.0 / EPL 2.0), trimmed. Safe: the session's
// attributes are read with jetty's ClassLoadingObjectInputStream, a subclass whose resolveClass asks the
// thread context loader (the web app's) first; only a plain java.io.ObjectInputStream resolves with
// the caller's loader.
package org.eclipse.jetty.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

public class SessionDataTranscoder {
    static class ClassLoadingObjectInputStream extends ObjectInputStream {
        ClassLoadingObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        public Class<?> resolveClass(ObjectStreamClass cl) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(cl.getName(), false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(cl);
            }
        }
    }

    protected Object deserialize(byte[] in) {
        Object rv = null;
        if (in != null) {
            try (ByteArrayInputStream bis = new ByteArrayInputStream(in);
                 ClassLoadingObjectInputStream is = new ClassLoadingObjectInputStream(bis)) {
                rv = is.readObject();
            } catch (IOException | ClassNotFoundException e) {
                rv = null;
            }
        }
        return rv;
    }
}
