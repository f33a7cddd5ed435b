package demo.poll;

import javax.annotation.PreDestroy;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

// Each class ties its thread to the context's close: nothing is flagged.
class PreDestroyPoller {
    private volatile boolean running = true;
    private Thread poller;

    void begin() {
        poller = new Thread(this::loop, "poller");
        poller.start();
    }

    @PreDestroy
    void end() {
        running = false;
        poller.interrupt();
    }

    private void loop() {
    }
}

class DisposablePoller implements DisposableBean {
    private volatile boolean running = true;

    void begin() {
        new Thread(this::loop).start();
    }

    @Override
    public void destroy() {
        running = false;
    }

    private void loop() {
    }
}

class ClosingPoller implements ApplicationListener<ContextClosedEvent> {
    void begin() {
        Thread t = new Thread(this::loop);
        t.start();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
    }

    private void loop() {
    }
}

class JoinedWorker {
    void runOnce() throws InterruptedException {
        Thread t = new Thread(this::work);
        t.start();
        t.join();
    }

    private void work() {
    }
}

class ManagedThread {
    void begin() {
        Thread t = com.alipay.sofa.koupleless.plugin.manager.handler.ForceStopThreadsOnUninstallEventHandler
                .manageThread(new Thread(this::work));
        t.start();
    }

    private void work() {
    }
}

class SelfStoppingThread extends Thread {
    private volatile boolean running = true;

    void halt2() {
        running = false;
    }

    @Override
    public void interrupt() {
        running = false;
        super.interrupt();
    }
}

class StartsSelfStopping {
    void go() {
        new SelfStoppingThread().start();
    }
}

class NotAThread {
    static class Thread {
        void start() {
        }
    }

    void go() {
        new Thread().start();
    }

    void engine(Engine e) {
        e.start();
    }

    interface Engine {
        void start();
    }
}

class Cli {
    public static void main(String[] args) {
        new java.lang.Thread(() -> { }).start();
    }
}
