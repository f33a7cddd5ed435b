package fixtures.hooks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

public class Hooks {
    void flushOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::flush)); // want "shutdown-hook:medium"
    }

    void viaVariable() {
        Runtime runtime = Runtime.getRuntime();
        runtime.addShutdownHook(new Thread(() -> flush())); // want "shutdown-hook"
    }

    void spring(ConfigurableApplicationContext ctx) {
        ctx.registerShutdownHook(); // want "shutdown-hook:info"
        AnnotationConfigApplicationContext ac = new AnnotationConfigApplicationContext();
        ac.registerShutdownHook(); // want "shutdown-hook:info"
    }

    void flush() {
    }

    // Safe look-alikes.

    void ownHooks(my.Hooks hooks, Thread t) {
        hooks.addShutdownHook(t);
        hooks.registerShutdownHook();
    }
}
