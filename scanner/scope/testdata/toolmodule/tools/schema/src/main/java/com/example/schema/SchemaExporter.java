package com.example.schema;

/** Exports a schema; the runtime's session calls it at startup. */
public class SchemaExporter {
    public void export(String ddl) {
        System.out.println(ddl);
    }
}
