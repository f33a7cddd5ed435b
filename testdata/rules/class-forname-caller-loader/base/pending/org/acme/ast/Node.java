package org.acme.ast;

public class Node {
    public Node(Token t) {
    }
}

class IdentNode extends Node {
    public IdentNode(Token t) {
        super(t);
    }
}

class CallNode extends Node {
    public CallNode(Token t) {
        super(t);
    }
}

class Token {
}
