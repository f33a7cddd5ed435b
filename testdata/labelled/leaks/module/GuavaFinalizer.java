// guava 31.1, guava/src/com/google/common/base/internal/Finalizer.java (Apache License 2.0), trimmed.
// Safe: the finalizer thread, made through a reflective Thread constructor or a plain one, takes from a
// ReferenceQueue and stops once the FinalizableReferenceQueue that started it is collected (its phantom
// reference comes off the queue): after uninstall it ends by itself.
package com.google.common.base.internal;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;

public class Finalizer implements Runnable {
  public static void startFinalizer(
      Class<?> finalizableReferenceClass,
      ReferenceQueue<Object> queue,
      PhantomReference<Object> frqReference) {
    Finalizer finalizer = new Finalizer(finalizableReferenceClass, queue, frqReference);
    String threadName = Finalizer.class.getName();
    Thread thread = null;
    if (bigThreadConstructor != null) {
      try {
        boolean inheritThreadLocals = false;
        long defaultStackSize = 0;
        thread =
            bigThreadConstructor.newInstance(
                (ThreadGroup) null, finalizer, threadName, defaultStackSize, inheritThreadLocals);
      } catch (Throwable t) {
        // logged
      }
    }
    if (thread == null) {
      thread = new Thread((ThreadGroup) null, finalizer, threadName);
    }
    thread.setDaemon(true);
    thread.start();
  }

  private final WeakReference<Class<?>> finalizableReferenceClassReference;
  private final PhantomReference<Object> frqReference;
  private final ReferenceQueue<Object> queue;
  private static final Constructor<Thread> bigThreadConstructor = null;

  private Finalizer(
      Class<?> finalizableReferenceClass,
      ReferenceQueue<Object> queue,
      PhantomReference<Object> frqReference) {
    this.queue = queue;
    this.finalizableReferenceClassReference = new WeakReference<>(finalizableReferenceClass);
    this.frqReference = frqReference;
  }

  @Override
  public void run() {
    while (true) {
      try {
        if (!cleanUp(queue.remove())) {
          break;
        }
      } catch (InterruptedException e) {
        // ignore
      }
    }
  }

  private boolean cleanUp(Reference<?> reference) {
    do {
      reference.clear();
      if (reference == frqReference) {
        return false;
      }
    } while ((reference = queue.poll()) != null);
    return true;
  }
}
