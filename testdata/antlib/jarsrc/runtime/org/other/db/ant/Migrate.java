package org.other.db.ant;

public class Migrate {
    public void execute() {
        org.other.db.Engine.start();
    }
}
