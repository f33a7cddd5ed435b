package org.acme.probe;

// Look-alikes that stay probes: no earlier probe of that library, or one
// of another library's package.
class FollowUpHazards {
    Object unprobed() throws Exception {
        return Class.forName("org.quartz.Scheduler"); // want "class-forname-caller-loader:info"
    }

    Object otherLibrary() throws Exception {
        Class.forName("org.slf4j.Logger"); // want "class-forname-caller-loader" source:-
        return Class.forName("org.apache.commons.logging.Log"); // want "class-forname-caller-loader:info"
    }
}
