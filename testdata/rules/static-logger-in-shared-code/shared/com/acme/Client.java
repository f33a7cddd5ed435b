package com.acme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Client {
    private static final Logger LOG = LoggerFactory.getLogger(Client.class); // want "static-logger-in-shared-code:info"
    private static final org.apache.logging.log4j.Logger L2 = org.apache.logging.log4j.LogManager.getLogger(Client.class); // want "static-logger-in-shared-code:info"
    // Declared and never used: nothing is logged through it, so nothing
    // lands in the base's files (Quiet.java has it in a class file too).
    private static final Logger UNUSED = LoggerFactory.getLogger(Client.class);
    // Not private: another class of the package logs through it (Relay).
    static final Logger SHARED = LoggerFactory.getLogger(Client.class); // want "static-logger-in-shared-code:info"
    // Not private, but no class of the project logs through it.
    static final Logger IDLE = LoggerFactory.getLogger("idle");

    private final Logger instanceLog = LoggerFactory.getLogger(getClass());

    void send() {
        Logger perCall = LoggerFactory.getLogger(Client.class);
        perCall.info("sent");
        instanceLog.info("sent");
        LOG.debug("sending");
        L2.trace("sent");
    }
}
