package demo.base;

import java.util.Timer;

public class BaseTimers {
    private final Timer refresh = new Timer("refresh", true);
}
