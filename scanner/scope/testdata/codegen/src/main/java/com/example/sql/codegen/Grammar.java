package com.example.sql.codegen;

// Only the generator's main uses it.
public class Grammar {
    public Object load(String name) throws Exception {
        return Class.forName(name).newInstance();
    }
}
