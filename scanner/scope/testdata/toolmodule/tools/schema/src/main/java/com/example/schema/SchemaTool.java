package com.example.schema;

/** Prints the DDL of a schema. */
public class SchemaTool {
    public static void main(String[] args) {
        new SchemaExporter().export(args[0]);
    }
}
