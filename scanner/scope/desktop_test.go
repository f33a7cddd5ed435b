package scope

import (
	"bytes"
	"testing"
)

// mentionsDesktop must agree with searching each prefix on its own.
func TestMentionsDesktop(t *testing.T) {
	for _, s := range []string{"", "java", "javax/swing/JFrame", "Ljava/awt/Frame;", "java/lang/Object", "javajavax/swing/",
		"jav", "java/aw", "javax/swin", "()Ljavax/swing/JPanel;", "java/util/javax/swing/", "javajava/awt/",
		"javafx/stage/Stage", "Ljavafx/scene/Node;", "javafx", "javafxx/", "java/fx/"} {
		want := bytes.Contains([]byte(s), []byte("javax/swing/")) || bytes.Contains([]byte(s), []byte("java/awt/")) || bytes.Contains([]byte(s), []byte("javafx/"))
		if got := mentionsDesktop([]byte(s)); got != want {
			t.Errorf("mentionsDesktop(%q) = %v, want %v", s, got, want)
		}
	}
}

// mentionsDesktopAnywhere must agree with searching the whole text for
// each prefix on its own.
func TestMentionsDesktopAnywhere(t *testing.T) {
	for _, s := range []string{
		"", "w", "javax/swing/", "javax/swing", "xjavax/swing/JPanel", "java/awt/", "java/awt", "java/awtx/",
		"wjava/awt/w", "java/lang/Object java/awt/Frame", "javax/swingjavax/swing/", "java/aw", "ww java/awt",
		"Ljavax/swing/JFrame;", "java/awt/event/ActionListener", "javax/swin/", "java/awt/ javax/swing/",
		"javafx/stage/Stage", "xjavafx/scene/", "javafx", "java/fx/",
	} {
		b := []byte(s)
		want := bytes.Contains(b, []byte("javax/swing/")) || bytes.Contains(b, []byte("java/awt/")) || bytes.Contains(b, []byte("javafx/"))
		if got := mentionsDesktopAnywhere(b); got != want {
			t.Errorf("mentionsDesktopAnywhere(%q) = %v, want %v", s, got, want)
		}
	}
}
