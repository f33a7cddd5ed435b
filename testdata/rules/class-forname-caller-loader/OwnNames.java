package fixtures.forname;

// Names built from a class literal's name are the library's own (or a
// class linked against it): the caller's loader resolves them.
public class OwnNames {
    static final String IMPL_NAME = OwnNames.class.getName() + "$Impl";
    static final String NESTED_NAME = Holder.class.getName();
    static final String PLUGIN_PREFIX = "com.acme.plugins.";

    static class Holder {
    }

    static class Impl {
    }

    Object impl() throws Exception {
        return Class.forName(IMPL_NAME); // want "class-forname-caller-loader" source:-
    }

    Object nested() throws Exception {
        return Class.forName(NESTED_NAME); // want "class-forname-caller-loader" source:-
    }

    Object plugin(String simple) throws Exception {
        return Class.forName(PLUGIN_PREFIX + simple); // want "class-forname-caller-loader:hint"
    }
}
