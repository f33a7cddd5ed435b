package ch.qos.logback.classic.selector;

import ch.qos.logback.classic.LoggerContext;

// A logging framework's own implementation of its stop and reset API (a
// selector detaching a context it created) is the API itself: its callers
// are where the hazard is.
public class OwnSelector {
    public LoggerContext detach(LoggerContext lc) {
        lc.reset();
        lc.stop();
        return lc;
    }
}
