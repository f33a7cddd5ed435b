// netty 4.1.48, common/src/main/java/io/netty/util/internal/PlatformDependent.java (Apache-2.0).
// The public wrapper: callers see the system loader two calls away.
package io.netty.util.internal;

public final class PlatformDependent {
    public static ClassLoader getSystemClassLoader() {
        return PlatformDependent0.getSystemClassLoader();
    }
}
