package org.acme.ant;

// An Ant task (Ant calls a public execute() by introspection).
public class Deploy {
    public void execute() {
        new org.acme.wagon.Http().open("repo.example.org");
    }
}
