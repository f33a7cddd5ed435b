package fixtures.state;

import fixtures.state.own.Map;

// A project type named Map is not a JDK map, but shared the same way once put into at run time.
public class LookAlike {
    private static final Map SETTINGS = new Map(); // constants only: the same for every app

    void use() {
        SETTINGS.put("a", "b");
    }
}
