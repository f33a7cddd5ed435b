// zookeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/watch/WatchManagerFactory.java (Apache-2.0).
// Not a module's hazard: the watch manager class is the system property
// zookeeper.watchManagerName, which defaults to ZooKeeper's own WatchManager.
// It is ZooKeeper's extension point, set by whoever runs the server; a
// module's class is looked up only if that configuration names one: a note.
package org.apache.zookeeper.server.watch;

import java.io.IOException;

public class WatchManagerFactory {
    public static final String ZOOKEEPER_WATCH_MANAGER_NAME = "zookeeper.watchManagerName";

    public static IWatchManager createWatchManager() throws IOException {
        String watchManagerName = System.getProperty(ZOOKEEPER_WATCH_MANAGER_NAME);
        if (watchManagerName == null) {
            watchManagerName = WatchManager.class.getName();
        }
        try {
            IWatchManager watchManager = (IWatchManager) Class.forName(watchManagerName).getConstructor().newInstance(); // want "class-forname-caller-loader:low"
            return watchManager;
        } catch (Exception e) {
            IOException ioe = new IOException("Couldn't instantiate " + watchManagerName, e);
            throw ioe;
        }
    }
}
