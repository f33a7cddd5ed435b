package inherit;

public class Lint extends Driver {
    public String name() {
        return "lint";
    }

    public static void main(String[] args) {
        Lint l = new Lint();
        l.run(args);
        l.check(args);
    }
}
