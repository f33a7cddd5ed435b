package org.acme.lookup;

import java.util.HashMap;
import java.util.Map;

// A grammar's node factory mapping token types to the names of its own
// node classes, by a switch or a table filled with constants.
class NodeNames {
    static final String IDENT = "org.acme.lookup.IdentNode";
    static final String CALL = "org.acme.lookup.CallNode";
}

class IdentNode {
}

class CallNode {
}

class NodeFactory {
    static final int IDENT = 1;
    static final int CALL = 2;
    private static final Map<Integer, String> TYPES = new HashMap<>();

    static {
        TYPES.put(IDENT, NodeNames.IDENT);
        TYPES.put(CALL, NodeNames.CALL);
    }

    String nodeClassFor(int type) {
        switch (type) {
            case IDENT:
                return NodeNames.IDENT;
            default:
                return NodeNames.CALL;
        }
    }

    Object bySwitch(int type) throws Exception {
        String name = nodeClassFor(type);
        return Class.forName(name).newInstance(); // want "class-forname-caller-loader" source:-
    }

    Object byTable(int type) throws Exception {
        return Class.forName(TYPES.get(type)).newInstance(); // want "class-forname-caller-loader" source:-
    }
}

// A table clients fill with names of their own.
class OpenNodeFactory {
    private static final Map<Integer, String> TYPES = new HashMap<>(); // want "static-mutable-state"

    static {
        TYPES.put(1, NodeNames.IDENT);
    }

    public static void register(int type, String className) {
        TYPES.put(type, className);
    }

    Object byTable(int type) throws Exception {
        return Class.forName(TYPES.get(type)).newInstance(); // want "class-forname-caller-loader"
    }
}
