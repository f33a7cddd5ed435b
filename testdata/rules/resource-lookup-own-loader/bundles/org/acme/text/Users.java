package org.acme.text;

// Every caller names one of the library's own bundles, by a constant or
// by a name under its own bundle package, one or more hops away.
class Users {
    String errors() {
        return Localizer.text(Localizer.CORE, "error") + Localizer.text(Localizer.SQL, "sql");
    }

    String prefixed() {
        return Localizer.res("Parser", "parse") + Localizer.msg("Lexer", "lex");
    }
}
