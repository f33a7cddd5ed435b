// spring 4.3.30, spring-context/src/main/java/org/springframework/scheduling/concurrent/ConcurrentTaskScheduler.java
// (Apache License 2.0), trimmed. Hazard behind a helper: the default constructor calls the setter with
// null, which keeps a single-thread scheduled pool in a field that nothing shuts down; bundled in a
// module, its thread outlives the uninstall.
package org.springframework.scheduling.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

public class ConcurrentTaskScheduler {
	private ScheduledExecutorService scheduledExecutor;

	public ConcurrentTaskScheduler() {
		setScheduledExecutor(null);
	}

	public ConcurrentTaskScheduler(ScheduledExecutorService scheduledExecutor) {
		setScheduledExecutor(scheduledExecutor);
	}

	public final void setScheduledExecutor(ScheduledExecutorService scheduledExecutor) {
		if (scheduledExecutor != null) {
			this.scheduledExecutor = scheduledExecutor;
		}
		else {
			this.scheduledExecutor = Executors.newSingleThreadScheduledExecutor(); // want "executor-leak"
		}
	}
}
