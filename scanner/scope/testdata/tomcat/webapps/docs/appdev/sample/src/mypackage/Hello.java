package mypackage;

public class Hello {
}
