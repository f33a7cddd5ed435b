package org.acme.cli;

// A command line handing names from its own arguments down to the code
// that loads them: the process is the tool's own, no shared JVM.
public class Launcher {
    public static void main(String[] args) throws Exception {
        new Runner().run(args[0]);
        String driver = args[1];
        Drivers.load(driver);
        String codec = null;
        for (int i = 2; i < args.length; i++) {
            if ("-codec".equals(args[i])) {
                codec = args[++i];
            }
        }
        if (codec != null) {
            Codecs.forCodec(codec);
        }
    }
}

class Runner {
    public void run(String className) throws Exception {
        Class.forName(className).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader" source:-
    }
}

class Drivers {
    static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }
}

class Codecs {
    static Object forCodec(String name) throws Exception {
        return Codecs.class.getClassLoader().loadClass(name).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader" source:-
    }
}
