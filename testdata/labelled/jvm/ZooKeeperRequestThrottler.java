// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/RequestThrottler.java
// (Apache License 2.0), shutdown(): a fatal interrupt calls the
// requestSystemExit helper of ServiceUtils (ZooKeeperServiceUtils.java): the
// hazard one call away, reported at the call with the helper related.
package org.apache.zookeeper.server;

import org.apache.zookeeper.util.ServiceUtils;

public class RequestThrottler extends Thread {
    private volatile boolean killed;

    public void shutdown() {
        killed = true;
        try {
            this.join();
        } catch (InterruptedException e) {
            ServiceUtils.requestSystemExit(14); // want "system-exit"
        }
    }
}
