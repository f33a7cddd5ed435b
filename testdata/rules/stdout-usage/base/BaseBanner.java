package demo.base;

public class BaseBanner {
    void banner() {
        System.out.println("base started"); // want "stdout-usage:info"
    }
}
