// Compile-time signatures only (see ../../build.sh): a look-alike whose
// exit(int) testdata/rules/system-exit/Exits.java calls, which must not be
// taken for System.exit or Runtime.exit.
package my;

public interface Shell {
    void exit(int status);

    void requestSystemExit(int status);
}
