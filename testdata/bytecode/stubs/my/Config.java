package my;

public interface Config {
    void setDefault(String value);
}
