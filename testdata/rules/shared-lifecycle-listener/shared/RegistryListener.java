package fixtures.listener.shared;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

// A handler that only looks a singleton up to register names with it starts
// or stops nothing: not a finding. One that starts it is.
public class RegistryListener implements ApplicationListener<ContextRefreshedEvent> {
    private final String[] points = {"query", "publish"};

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        for (String name : points) {
            Center.getInstance().getManager().registerPoint(name);
        }
    }

    static class Center {
        static Center getInstance() {
            return new Center();
        }

        Manager getManager() {
            return new Manager();
        }
    }

    static class Manager {
        void registerPoint(String name) {
        }
    }
}

class StartingListener implements ApplicationListener<ContextRefreshedEvent> {
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) { // want "shared-lifecycle-listener:high" bytecode:-
        Workers.getInstance().startAll();
    }

    static class Workers {
        static Workers getInstance() {
            return new Workers();
        }

        void startAll() {
        }
    }
}
