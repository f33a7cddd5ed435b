package antlr;

// A library whose classes sit in a one-word top-level package: the
// default node class it names is one of its own.
public class ASTFactory {
    protected String theASTNodeType = null;

    public Object create(String className) {
        return createUsingCtor(className);
    }

    protected Object createUsingCtor(String className) {
        try {
            return Class.forName(className).newInstance(); // want "class-forname-caller-loader" source:-
        } catch (Exception e) {
            throw new IllegalArgumentException(className, e);
        }
    }

    public Object createDefault() {
        return create("antlr.CommonAST");
    }

    public Object createTree() {
        return create("antlr." + "CommonASTWithHiddenTokens");
    }
}
