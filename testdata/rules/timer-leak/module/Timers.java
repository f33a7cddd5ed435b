package demo.timers;

import java.util.Timer;
import java.util.TimerTask;

public class Timers {
    private final Timer refresh = new Timer("refresh", true); // want "timer-leak:medium" bytecode:-
    private Timer later;

    void begin(TimerTask task) {
        later = new Timer(); // want "timer-leak:medium" bytecode:-
        new Timer(true).scheduleAtFixedRate(task, 0L, 1000L); // want "timer-leak:medium" bytecode:-
    }
}
