package org.acme.tables;

// Tables of another class holding names a module may supply.
class TypeFactory {
    Object configured(int id) throws Exception {
        return Class.forName(PluginNames.getName(id)).newInstance(); // want "class-forname-caller-loader"
    }

    Object filled(int id) throws Exception {
        return Class.forName(PluginNames.SLOTS[id]).newInstance(); // want "class-forname-caller-loader"
    }

    Object named(int id) throws Exception {
        return Class.forName(PluginNames.NAMES[id]).newInstance(); // want "class-forname-caller-loader"
    }
}

// Look-alikes: a table with a slot read from configuration, and one whose
// slots are written at run time, hold names a module may supply.
class PluginNames {
    static final String[] NAMES = { "org.acme.tables.IntType", System.getProperty("acme.plugin") };
    static final String[] SLOTS = new String[4];

    static String getName(int id) {
        return NAMES[id];
    }

    static void register(int id, String className) {
        SLOTS[id] = className;
    }

    Object local(int id) throws Exception {
        return Class.forName(NAMES[id]).newInstance(); // want "class-forname-caller-loader"
    }

    Object slot(int id) throws Exception {
        return Class.forName(SLOTS[id]).newInstance(); // want "class-forname-caller-loader"
    }
}
