package demo.shared;

import java.util.Timer;

public class SharedTimers {
    private final Timer refresh = new Timer("refresh", true);
}
