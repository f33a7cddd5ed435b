package my;

public interface Shell {
    void exit(int status);

    void requestSystemExit(int status);
}
