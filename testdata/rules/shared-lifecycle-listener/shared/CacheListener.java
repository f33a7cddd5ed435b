package fixtures.listener.shared;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

public class CacheListener implements ApplicationListener<ContextRefreshedEvent> {
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) { // want "shared-lifecycle-listener:high" bytecode:-
        CacheServer.start();
    }

    static class CacheServer {
        static void start() {
        }
    }
}
