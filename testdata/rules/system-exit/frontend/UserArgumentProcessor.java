package frontend;

// What an aligner's main hands its command line to.
public interface UserArgumentProcessor {
    void process(String[] argv);
}
