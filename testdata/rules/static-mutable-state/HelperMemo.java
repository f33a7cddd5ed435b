package fixtures.state.helpermemo;

// Compilers of the library's own stateless classes, made on first use by a
// helper that returns the memo when set and otherwise loads the class named
// by an own-package constant: the same compiler for every app.
public class HelperMemo {
    private static final String PACKAGE_NAME = "fixtures.state.helpermemo.";

    static Compiler bitCompiler = null; // want "static-mutable-state" source:-
    static Compiler charCompiler = null; // want "static-mutable-state" source:-

    public Compiler compilerFor(TypeKey typeId) {
        switch (typeId.format()) {
            case 1:
                return bitCompiler = getAnInstance(PACKAGE_NAME + "BitCompiler", bitCompiler, typeId);
            default:
                return charCompiler = getAnInstance(PACKAGE_NAME + "CharCompiler", charCompiler, typeId);
        }
    }

    private static Compiler getAnInstance(String className, Compiler anInstance, TypeKey typeId) {
        if (anInstance == null) {
            try {
                Class<?> c = Class.forName(className); // want "class-forname-caller-loader" source:-
                anInstance = (Compiler) c.getConstructor().newInstance();
                ((BaseCompiler) anInstance).setTypeId(typeId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return anInstance;
    }
}

// Look-alikes: the class name comes from configuration, or the instance
// from the caller.
class ConfiguredMemo {
    static Compiler configured; // want "static-mutable-state" bytecode:0
    static Compiler handed; // want "static-mutable-state" bytecode:0

    public Compiler configured(TypeKey typeId) {
        return configured = getAnInstance(System.getProperty("compiler.class"), configured, typeId); // want "class-forname-caller-loader" bytecode:-
    }

    public Compiler handed(Compiler mine, TypeKey typeId) {
        return handed = getAnInstance("fixtures.state.helpermemo.BitCompiler", mine, typeId);
    }

    private static Compiler getAnInstance(String className, Compiler anInstance, TypeKey typeId) {
        if (anInstance == null) {
            try {
                anInstance = (Compiler) Class.forName(className).getConstructor().newInstance(); // want "class-forname-caller-loader"
                ((BaseCompiler) anInstance).setTypeId(typeId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return anInstance;
    }
}

interface Compiler {
    String compile(String s);
}

final class TypeKey {
    private final int format;

    TypeKey(int format) {
        this.format = format;
    }

    int format() {
        return format;
    }
}

abstract class BaseCompiler implements Compiler {
    private TypeKey typeId;

    void setTypeId(TypeKey typeId) {
        this.typeId = typeId;
    }

    public String compile(String s) {
        return s;
    }
}

class BitCompiler extends BaseCompiler {
}

class CharCompiler extends BaseCompiler {
}
