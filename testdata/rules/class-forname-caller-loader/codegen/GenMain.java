package fixtures.forname.gen.cli;

import fixtures.forname.gen.emit.CodeGenerator;

// A code generator's command line: main -> generate -> the utility's
// three-argument forName -> its one-argument overload -> Class.forName.
public class GenMain {
    public static void main(String[] args) throws Exception {
        new CodeGenerator().generate(args[0], new String[] {"java.util"});
    }
}
