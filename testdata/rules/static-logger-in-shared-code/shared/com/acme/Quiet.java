package com.acme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// A private logger nothing in its class logs through cannot send a
// module's lines to the base's files. A class file keeps no reads of a
// field, so there it is still reported.
public class Quiet {
    private static final Logger LOG = LoggerFactory.getLogger(Quiet.class); // want "static-logger-in-shared-code:info" source:-
    private static final Logger USED = LoggerFactory.getLogger(Quiet.class); // want "static-logger-in-shared-code:info"

    public void work() {
        USED.info("working");
    }
}
