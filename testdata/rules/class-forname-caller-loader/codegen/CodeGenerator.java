package fixtures.forname.gen.emit;

import fixtures.forname.gen.util.TypeUtil;

public class CodeGenerator {
    public String generate(String type, String[] imports) throws ClassNotFoundException {
        Class<?> c = TypeUtil.forName(type, imports, new String[0]);
        return c.getName();
    }
}
