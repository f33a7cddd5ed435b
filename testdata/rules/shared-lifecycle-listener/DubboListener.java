package fixtures.listener;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

public class DubboListener implements ApplicationListener<ContextClosedEvent> {
    @Override
    public void onApplicationEvent(ContextClosedEvent event) { // want "shared-lifecycle-listener:high" bytecode:-
        GlobalClient.getInstance().shutdown();
    }

    @EventListener
    public void refreshed(ContextRefreshedEvent event) { // want "shared-lifecycle-listener" bytecode:-
        Registry.export();
    }
}

class GlobalClient {
    static GlobalClient getInstance() {
        return new GlobalClient();
    }

    void shutdown() {
    }
}

class Registry {
    static void export() {
    }
}
