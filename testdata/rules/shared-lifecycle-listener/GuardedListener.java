package fixtures.listener;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

// Guarded, instance-only, or not a lifecycle event: none is flagged.
public class GuardedListener implements ApplicationListener<ContextClosedEvent> {
    private ApplicationContext context;
    private final Worker worker = new Worker();

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != this.context) {
            return;
        }
        GlobalClient.getInstance().shutdown();
    }

    @EventListener
    public void refreshed(ContextRefreshedEvent event) {
        if (getClass().getClassLoader() != Thread.currentThread().getContextClassLoader()) {
            return;
        }
        Registry.export();
    }

    @EventListener
    public void closed(ContextClosedEvent event) {
        worker.stop();
    }

    @EventListener
    public void custom(String payload) {
        Registry.export();
    }

    static class Worker {
        void stop() {
        }
    }
}
