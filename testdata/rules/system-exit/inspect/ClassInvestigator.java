package fixtures.exit.inspect;

// Tool code: only ClassLister's main names this class, and nothing
// outside the package can, so its methods no call reaches
// (removeAttributes) run in the tool's own process too.
class ClassInvestigator {
    private final String file;

    public ClassInvestigator(String file) {
        this.file = file;
    }

    public String list() {
        return file;
    }

    public void removeAttributes(String name) {
        if (name == null) {
            System.exit(1);
        }
    }
}
