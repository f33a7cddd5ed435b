package my.net;

public interface Factory {
    Object getInstance();
}
