package com.acme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Handler {
    // module code: the logger belongs to the module's own context
    private static final Logger LOG = LoggerFactory.getLogger(Handler.class);
}
