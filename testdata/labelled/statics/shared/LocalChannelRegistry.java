// netty 4.1.48, transport/src/main/java/io/netty/channel/local/LocalChannelRegistry.java
// (Apache License 2.0), trimmed. Hazard: the registry is keyed by a LocalAddress, which an app builds
// from an id it chooses (new LocalAddress("server")) and which equals every other address with that id;
// put on bind and removed on unbind as it is, two apps binding the same id collide, and one app's
// connect reaches another app's server. (Public here: in netty the package's channels call it.)
package io.netty.channel.local;

import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public final class LocalChannelRegistry {

    interface Channel {
    }

    static final class LocalAddress extends SocketAddress {
        LocalAddress(Channel channel) {
        }
    }

    private static final ConcurrentMap<LocalAddress, Channel> boundChannels = new ConcurrentHashMap<>(); // want "static-mutable-state"

    public static LocalAddress register(Channel channel, SocketAddress localAddress) {
        LocalAddress addr = (LocalAddress) localAddress;
        Channel boundChannel = boundChannels.putIfAbsent(addr, channel);
        if (boundChannel != null) {
            throw new IllegalStateException("address already in use by: " + boundChannel);
        }
        return addr;
    }

    static Channel get(SocketAddress localAddress) {
        return boundChannels.get(localAddress);
    }

    public static void unregister(LocalAddress localAddress) {
        boundChannels.remove(localAddress);
    }
}
