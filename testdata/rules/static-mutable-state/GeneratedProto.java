package fixtures.state.proto;

// Older protoc output: the file descriptor is handed to the class through
// an assigner that FileDescriptor.internalBuildGeneratedFileFrom calls
// before it returns, while the class initialises, from the constant
// descriptor data. Every app gets the same descriptor.
public final class GeneratedProto {
    private GeneratedProto() {
    }

    public static com.google.protobuf.Descriptors.FileDescriptor getDescriptor() {
        return descriptor;
    }

    private static com.google.protobuf.Descriptors.FileDescriptor descriptor;

    static {
        java.lang.String[] descriptorData = {
            "\n\020fixture.proto\022\007fixture",
        };
        com.google.protobuf.Descriptors.FileDescriptor.InternalDescriptorAssigner assigner =
            new com.google.protobuf.Descriptors.FileDescriptor.InternalDescriptorAssigner() {
                public com.google.protobuf.ExtensionRegistry assignDescriptors(
                        com.google.protobuf.Descriptors.FileDescriptor root) {
                    descriptor = root;
                    return null;
                }
            };
        com.google.protobuf.Descriptors.FileDescriptor.internalBuildGeneratedFileFrom(descriptorData,
            new com.google.protobuf.Descriptors.FileDescriptor[] {}, assigner);
    }
}

// The look-alike: an assigner a static initialiser registers for later,
// which runs whenever a caller asks.
final class Registered {
    private static Object current; // want "static-mutable-state"

    interface Assigner {
        Object assignDescriptors(Object root);
    }

    static Assigner pending;

    static {
        pending = new Assigner() {
            public Object assignDescriptors(Object root) {
                current = root;
                return null;
            }
        };
    }
}
