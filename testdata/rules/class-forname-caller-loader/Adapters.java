package fixtures.forname;

// A class made for one library (named after it) that names that library's
// classes: it ships beside the library, whose classes its own loader sees.
// A probe of a library the class is not named after stays a probe.
class WebLogicTransactionAdapter {
    private static final String HELPER = "weblogic.transaction.TransactionHelper";

    Object helper() throws Exception {
        return getClass().getClassLoader().loadClass(HELPER);
    }

    Object other() throws Exception {
        return Class.forName("org.slf4j.Logger"); // want "class-forname-caller-loader:hint"
    }
}

class HsqlDatabaseConfigurer {
    Object driver() throws Exception {
        return Class.forName("org.hsqldb.jdbcDriver");
    }
}

class CustomLookup {
    Object custom() throws Exception {
        // A package users fill (their own metaclasses), which no class
        // here is named after.
        return Class.forName("groovy.runtime.metaclass.CustomHandle"); // want "class-forname-caller-loader:hint"
    }
}

class FornameBridge {
    Object client() throws Exception {
        // The library this package bridges to, named like the package.
        return Class.forName("org.forname.Client");
    }

    Object mirrored() throws Exception {
        // A mirror of the library's own package, which its users fill.
        return Class.forName("custom.fixtures.forname.Handle"); // want "class-forname-caller-loader:hint"
    }
}

// A product whose package joins its name to another word with an
// underscore ("acmetx_core"): the class named after it ships beside it.
class AcmetxTransactionLookup {
    Object current() throws Exception {
        return Class.forName("net.acmetx_core.Current");
    }

    Object other() throws Exception {
        return Class.forName("net.otherco_tm.Current"); // want "class-forname-caller-loader:hint"
    }
}
