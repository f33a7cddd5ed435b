package org.acme.ast;

import java.util.Properties;

// The same factory shape, where one caller names the class from
// configuration: a module's node class is not found. The public wrapper
// is where the name leaves the library's hands.
public class OpenAstFactory {
    public Object create(Object tok, String className) {
        return createUsingCtor(tok, className); // want "class-forname-caller-loader" bytecode:-
    }

    protected Object createUsingCtor(Object token, String className) {
        try {
            return Class.forName(className).getConstructor(Object.class).newInstance(token); // want "class-forname-caller-loader"
        } catch (Exception e) {
            throw new IllegalArgumentException(className, e);
        }
    }
}

class ConfiguredParser {
    static final String IDENT_NODE = "org.acme.ast.IdentNode";
    private final OpenAstFactory factory = new OpenAstFactory();

    Object ident(Object t) {
        return factory.create(t, IDENT_NODE);
    }

    Object configured(Object t, Properties p) {
        return factory.create(t, p.getProperty("node.class"));
    }
}
