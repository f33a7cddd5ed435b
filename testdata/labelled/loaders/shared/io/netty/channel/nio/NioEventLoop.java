// netty 4.1.48, transport/src/main/java/io/netty/channel/nio/NioEventLoop.java (Apache-2.0).
// Safe look-alike: the same system-loader helper, for a JDK class every
// loader resolves alike.
package io.netty.channel.nio;

import io.netty.util.internal.PlatformDependent;
import java.security.AccessController;
import java.security.PrivilegedAction;

public final class NioEventLoop {
    Object selectorImpl() {
        return AccessController.doPrivileged(new PrivilegedAction<Object>() {
            @Override
            public Object run() {
                try {
                    return Class.forName(
                            "sun.nio.ch.SelectorImpl",
                            false,
                            PlatformDependent.getSystemClassLoader());
                } catch (Throwable cause) {
                    return cause;
                }
            }
        });
    }
}
