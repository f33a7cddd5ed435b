// spring 4.3.30, spring-tx/src/main/java/org/springframework/jca/endpoint/AbstractMessageEndpointFactory.java
// (Apache-2.0), trimmed. Safe look-alike for tccl-not-restored: JCA's
// beforeDelivery keeps the previous context loader in a field and
// afterDelivery, which the container calls after each delivery, sets it
// back; the restore is not a switch of its own either.
package org.springframework.jca.endpoint;

import java.lang.reflect.Method;

public abstract class AbstractMessageEndpointFactory {

	protected abstract class AbstractMessageEndpoint {

		private boolean beforeDeliveryCalled = false;

		private ClassLoader previousContextClassLoader;

		public void beforeDelivery(Method method) {
			this.beforeDeliveryCalled = true;
			Thread currentThread = Thread.currentThread();
			this.previousContextClassLoader = currentThread.getContextClassLoader();
			currentThread.setContextClassLoader(getEndpointClassLoader());
		}

		protected abstract ClassLoader getEndpointClassLoader();

		public void afterDelivery() {
			this.beforeDeliveryCalled = false;
			Thread.currentThread().setContextClassLoader(this.previousContextClassLoader);
			this.previousContextClassLoader = null;
		}
	}
}
