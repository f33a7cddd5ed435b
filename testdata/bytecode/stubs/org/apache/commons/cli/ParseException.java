package org.apache.commons.cli;

public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }
}
