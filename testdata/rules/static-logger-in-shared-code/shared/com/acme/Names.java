package com.acme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// An interface's constants belong to the class, with no modifier saying
// so: its logger is bound once, as a class field's is.
public interface Names {
    Logger LOG = LoggerFactory.getLogger(Names.class); // want "static-logger-in-shared-code:info"

    default void greet(String who) {
        LOG.info("hello " + who);
    }
}
