package $package;

public class App {
    public static void main(String[] args) {
        System.exit(0);
    }
}
