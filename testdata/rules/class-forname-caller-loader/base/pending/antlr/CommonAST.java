package antlr;

public class CommonAST {
}
