package org.acme.tables;

// A library's own classes in tables indexed by a numeric type id: slots
// with no class are null, names are built on the library's own package.
public final class TypeNames {
    private static final String PKG = "org.acme.tables.";

    static final String[] CLASS_NAMES = {
        null,
        PKG + "IntType",
        "org.acme.tables.StringType",
        null,
    };

    static final String[][] CODECS = {
        { "int", PKG + "IntCodec" },
        { "str", null },
        { "date", PKG + "DateCodec" },
    };

    private TypeNames() {
    }

    public static String getClassName(int id) {
        return CLASS_NAMES[id];
    }

    public static String getCodecName(int id) {
        return CODECS[id][1];
    }

    static Object byId(int id) throws Exception {
        return Class.forName(CLASS_NAMES[id]).newInstance(); // want "class-forname-caller-loader" source:-
    }

    static Object codec(int id) throws Exception {
        return Class.forName(CODECS[id][1]).newInstance(); // want "class-forname-caller-loader" source:-
    }

    static Object viaGetter(int id) throws Exception {
        String n = getClassName(id);
        return Class.forName(n).newInstance(); // want "class-forname-caller-loader" source:-
    }
}
