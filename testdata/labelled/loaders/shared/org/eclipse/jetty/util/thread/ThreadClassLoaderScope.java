// jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/thread/ThreadClassLoaderScope.java
// (EPL-2.0 / Apache-2.0). Safe look-alike for tccl-not-restored: the
// constructor switches the context loader, close() sets it back; callers
// use it with try-with-resources.
package org.eclipse.jetty.util.thread;

import java.io.Closeable;

public class ThreadClassLoaderScope implements Closeable
{
    private final ClassLoader old;
    private final ClassLoader scopedClassLoader;

    public ThreadClassLoaderScope(ClassLoader cl)
    {
        old = Thread.currentThread().getContextClassLoader();
        scopedClassLoader = cl;
        Thread.currentThread().setContextClassLoader(scopedClassLoader);
    }

    @Override
    public void close()
    {
        Thread.currentThread().setContextClassLoader(old);
    }
}
