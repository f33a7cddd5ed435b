package org.acme.ast;

// Generated: the token types of the grammar, with the node class of each.
public interface GrammarTokenTypes {
    int IDENT = 4;
    String IDENT_NODE = "org.acme.ast.IdentNode";
    String CALL_NODE = "org.acme.ast.CallNode";
}
