package com.example.rt;

import com.example.schema.SchemaExporter;

/** Runs generated parsers; its bit set is a stripped-down version of com.example.tool.misc.BitSet. */
public class Parser {
    private final long[] bits = new long[4];

    public void export(String ddl) {
        new SchemaExporter().export(ddl);
    }
}
