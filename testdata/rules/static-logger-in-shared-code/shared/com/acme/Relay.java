package com.acme;

// Logs through another class's logger: Client.SHARED stays a finding.
class Relay {
    void relay(String message) {
        Client.SHARED.info(message);
    }
}
