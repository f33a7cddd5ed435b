package inherit;

public class Rats extends Driver {
    public String name() {
        return "rats";
    }

    public static void main(String[] args) {
        new Rats().run(args);
    }
}
