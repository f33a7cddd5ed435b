package org.acme.ast;

import java.lang.reflect.Constructor;

// A parser generator's node factory: it makes a node of the class its
// caller names. The generated parsers of the library call it with the
// names of its own node classes, written into them as constants.
public class AstFactory {
    public Node create(Token tok, String className) {
        return createUsingCtor(tok, className);
    }

    protected Node createUsingCtor(Token token, String className) {
        try {
            Class<?> c = Class.forName(className);
            Constructor<?> ctor = c.getConstructor(Token.class);
            return (Node) ctor.newInstance(token);
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid class or can't make instance, " + className, e);
        }
    }
}
