package fixtures.forname.cmdline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// The same check in an application's own main class: its main runs as a
// module does, inside the shared JVM, so the names main hands the lookup
// still decide it.
@SpringBootApplication
public class AppCheck {
    public static void main(String[] args) throws Exception {
        SpringApplication.run(AppCheck.class, args);
        for (String a : args) {
            found(a);
        }
    }

    public static boolean report() throws Exception {
        return found("fixtures.forname.cmdline.AppCheck");
    }

    private static boolean found(String cn) throws Exception {
        return Class.forName(cn) != null; // want "class-forname-caller-loader"
    }
}
