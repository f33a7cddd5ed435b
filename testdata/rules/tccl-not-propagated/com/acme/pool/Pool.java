package com.acme.pool;

import java.lang.ref.WeakReference;

// commons-pool2's BaseGenericObjectPool: the evictor runs under the loader
// of the pool's factory and sets the previous one back.
public class Pool {
    private WeakReference<ClassLoader> factoryClassLoader;
    private Factory factory;

    interface Factory {
        void destroy(Object o);
    }

    public class Evictor implements Runnable {
        @Override
        public void run() {
            final ClassLoader saved = Thread.currentThread().getContextClassLoader();
            try {
                ClassLoader cl = factoryClassLoader.get();
                if (cl != null) {
                    Thread.currentThread().setContextClassLoader(cl);
                }
                factory.destroy(this);
            } finally {
                Thread.currentThread().setContextClassLoader(saved);
            }
        }
    }

    // Calls the app's factory without the factory's loader.
    public class Sweeper implements Runnable {
        @Override
        public void run() {
            factory.destroy(this);
        }
    }

    void start() {
        EvictionTimer.schedule(new Evictor());
        EvictionTimer.sweep(new Sweeper());
    }
}
