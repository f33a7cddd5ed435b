package org.acme.tables;

// The tables of another class of the library, read directly or through
// its static getters.
class TableUsers {
    Object make(int id) throws Exception {
        String n = TypeNames.getClassName(id);
        return Class.forName(n).newInstance();
    }

    Object codec(int id) throws Exception {
        return Class.forName(TypeNames.getCodecName(id)).newInstance();
    }

    Object direct(int id) throws Exception {
        return Class.forName(TypeNames.CLASS_NAMES[id]).newInstance();
    }

    Object column(int id) throws Exception {
        return Class.forName(TypeNames.CODECS[id][1]).newInstance();
    }
}
