// spring 4.3.30, spring-core/src/main/java/org/springframework/util/WeakReferenceMonitor.java
// (Apache License 2.0), trimmed. Safe: the monitoring thread runs while weakly held handles are
// tracked (keepMonitoringThreadAlive() asks whether the map is empty, one call away) and ends once
// the last one is collected and taken off the ReferenceQueue.
package org.springframework.util;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

public class WeakReferenceMonitor {
	private static final ReferenceQueue<Object> handleQueue = new ReferenceQueue<Object>();
	private static final Map<Reference<?>, ReleaseListener> trackedEntries = new HashMap<Reference<?>, ReleaseListener>();
	private static Thread monitoringThread = null;

	public static void monitor(Object handle, ReleaseListener listener) {
		WeakReference<Object> weakRef = new WeakReference<Object>(handle, handleQueue);
		addEntry(weakRef, listener);
	}

	private static void addEntry(Reference<?> ref, ReleaseListener entry) {
		synchronized (WeakReferenceMonitor.class) {
			trackedEntries.put(ref, entry);
			if (monitoringThread == null) {
				monitoringThread = new Thread(new MonitoringProcess(), WeakReferenceMonitor.class.getName());
				monitoringThread.setDaemon(true);
				monitoringThread.start();
			}
		}
	}

	private static ReleaseListener removeEntry(Reference<?> reference) {
		synchronized (WeakReferenceMonitor.class) {
			return trackedEntries.remove(reference);
		}
	}

	private static boolean keepMonitoringThreadAlive() {
		synchronized (WeakReferenceMonitor.class) {
			if (!trackedEntries.isEmpty()) {
				return true;
			}
			else {
				monitoringThread = null;
				return false;
			}
		}
	}

	private static class MonitoringProcess implements Runnable {
		@Override
		public void run() {
			while (keepMonitoringThreadAlive()) {
				try {
					Reference<?> reference = handleQueue.remove();
					ReleaseListener entry = removeEntry(reference);
					if (entry != null) {
						entry.released();
					}
				}
				catch (InterruptedException ex) {
					synchronized (WeakReferenceMonitor.class) {
						monitoringThread = null;
					}
					break;
				}
			}
		}
	}

	public static interface ReleaseListener {
		void released();
	}
}
