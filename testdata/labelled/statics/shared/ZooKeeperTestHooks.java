// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/ClientCnxnSocketNetty.java and
// zookeeper-server/src/main/java/org/apache/zookeeper/server/PrepRequestProcessor.java (Apache License
// 2.0). Safe: hooks only tests call, a field named for tests with setTestAllocator/clearTestAllocator,
// and a flag whose comments say "only for testing purposes" and "method for tests"; no app writes them.
package org.apache.zookeeper;

import java.util.concurrent.atomic.AtomicReference;

public class ClientCnxnSocketNetty {
    private static final AtomicReference<Object> TEST_ALLOCATOR = new AtomicReference<>(null);

    static void setTestAllocator(Object allocator) {
        TEST_ALLOCATOR.set(allocator);
    }

    static void clearTestAllocator() {
        TEST_ALLOCATOR.set(null);
    }
}

class PrepRequestProcessor {
    /**
     * this is only for testing purposes.
     * should never be used otherwise
     */
    private static boolean failCreate = false;

    /**
     * method for tests to set failCreate
     * @param b
     */
    public static void setFailCreate(boolean b) {
        failCreate = b;
    }
}
