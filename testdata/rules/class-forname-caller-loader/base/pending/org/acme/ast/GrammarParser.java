package org.acme.ast;

// Generated: a parser naming its node classes by string constants, as
// the grammar's options wrote them.
public class GrammarParser implements GrammarTokenTypes {
    private static final String PAREN_NODE = CALL_NODE;
    protected AstFactory astFactory = new AstFactory();

    Node ident(Token t) {
        return astFactory.create(t, IDENT_NODE);
    }

    Node call(Token t) {
        return astFactory.create(t, "org.acme.ast.CallNode");
    }

    Node paren(Token t) {
        return astFactory.create(t, PAREN_NODE);
    }

    Node qualified(Token t) {
        return astFactory.create(t, GrammarTokenTypes.CALL_NODE);
    }
}
