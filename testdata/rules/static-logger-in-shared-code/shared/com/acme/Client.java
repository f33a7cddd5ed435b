package com.acme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Client {
    private static final Logger LOG = LoggerFactory.getLogger(Client.class); // want "static-logger-in-shared-code:info"
    private static final org.apache.logging.log4j.Logger L2 = org.apache.logging.log4j.LogManager.getLogger(Client.class); // want "static-logger-in-shared-code:info"

    private final Logger instanceLog = LoggerFactory.getLogger(getClass());

    void send() {
        Logger perCall = LoggerFactory.getLogger(Client.class);
        perCall.info("sent");
        instanceLog.info("sent");
    }
}
