package demo.timers;

import java.util.Timer;
import java.util.TimerTask;
import javax.annotation.PreDestroy;
import com.alipay.sofa.koupleless.plugin.manager.handler.CancelTimersOnUninstallEventHandler;

// Cancelled, registered, local or not a java.util.Timer: nothing is flagged.
class Cancelled {
    private final Timer timer = new Timer("refresh", true);

    @PreDestroy
    void stop() {
        timer.cancel();
    }
}

class Managed {
    private final Timer timer = CancelTimersOnUninstallEventHandler.manageTimer(new Timer("refresh", true));
    private final Timer other = new Timer();

    Managed() {
        CancelTimersOnUninstallEventHandler.manageTimer(other);
    }
}

class LocalTimer {
    void once(TimerTask task) {
        Timer t = new Timer();
        t.schedule(task, 10L);
    }
}

class SwingLike {
    private final javax.swing.Timer swing = new javax.swing.Timer(100, null);
}

class OwnTimer {
    static class Timer {
    }

    private final Timer mine = new Timer();
}
