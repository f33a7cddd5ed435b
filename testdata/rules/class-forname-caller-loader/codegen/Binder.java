package fixtures.forname.gen.bind;

import fixtures.forname.gen.util.Types;

public class Binder {
    public Object bind(String type) throws Exception {
        return Types.load(type, new String[0]).getDeclaredConstructor().newInstance();
    }
}
