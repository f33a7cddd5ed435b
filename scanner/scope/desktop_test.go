package scope

import (
	"bytes"
	"testing"
)

// mentionsDesktop must agree with searching each prefix on its own.
func TestMentionsDesktop(t *testing.T) {
	for _, s := range []string{"", "java", "javax/swing/JFrame", "Ljava/awt/Frame;", "java/lang/Object", "javajavax/swing/",
		"jav", "java/aw", "javax/swin", "()Ljavax/swing/JPanel;", "java/util/javax/swing/", "javajava/awt/"} {
		want := bytes.Contains([]byte(s), []byte("javax/swing/")) || bytes.Contains([]byte(s), []byte("java/awt/"))
		if got := mentionsDesktop([]byte(s)); got != want {
			t.Errorf("mentionsDesktop(%q) = %v, want %v", s, got, want)
		}
	}
}
