package com.example.sql.codegen;

// A generator the build runs through its main: it writes the parser's tables.
public class ParserGen {
    public static void main(String[] args) throws Exception {
        new Grammar().load(args[0]);
    }
}
