// netty 4.1.48, common/src/main/java/io/netty/util/internal/PlatformDependent0.java (Apache-2.0).
// The system loader, behind doPrivileged: the helper a wrapper returns.
package io.netty.util.internal;

import java.security.AccessController;
import java.security.PrivilegedAction;

final class PlatformDependent0 {
    static ClassLoader getSystemClassLoader() {
        if (System.getSecurityManager() == null) {
            return ClassLoader.getSystemClassLoader();
        } else {
            return AccessController.doPrivileged(new PrivilegedAction<ClassLoader>() {
                @Override
                public ClassLoader run() {
                    return ClassLoader.getSystemClassLoader();
                }
            });
        }
    }
}
