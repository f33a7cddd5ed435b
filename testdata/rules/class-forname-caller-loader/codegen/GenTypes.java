package fixtures.forname.gen.cli;

import fixtures.forname.gen.util.Types;

public class GenTypes {
    public static void main(String[] args) throws Exception {
        Types.load(args[0], args);
    }
}
