// Netty 4.1, transport/src/main/java/io/netty/channel/ChannelHandlerMask.java (Apache License 2.0).
// Safe: the per-thread cache is a WeakHashMap keyed by handler classes with Integer values: the keys
// are held weakly and the values are JDK types, so nothing pins a module's ClassLoader.
package io.netty.channel;

import java.util.Map;
import java.util.WeakHashMap;

final class ChannelHandlerMask {
    private static final ThreadLocal<Map<Class<?>, Integer>> MASKS =
            new ThreadLocal<Map<Class<?>, Integer>>() {
                @Override
                protected Map<Class<?>, Integer> initialValue() {
                    return new WeakHashMap<Class<?>, Integer>(32);
                }
            };

    static int mask(Class<?> clazz) {
        Map<Class<?>, Integer> cache = MASKS.get();
        Integer mask = cache.get(clazz);
        if (mask == null) {
            mask = clazz.getName().length();
            cache.put(clazz, mask);
        }
        return mask;
    }
}
