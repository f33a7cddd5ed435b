package rules

import (
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func TestPropertyHelper(t *testing.T) {
	for _, tc := range []struct {
		name, decl string
		def        int
		ok         bool
	}{
		{"parse with valueOf default", `public static boolean get(String key, boolean def) {
			return Boolean.parseBoolean(props.getProperty(key, String.valueOf(def))); }`, 1, true},
		{"null check", `static boolean get(final String key, final boolean defaultValue) {
			String s = getProperty(key, null);
			if (s != null) { return Boolean.parseBoolean(s); }
			return defaultValue; }`, 1, true},
		{"ternary", `static boolean get(String k, boolean d) { String v = System.getenv(k); return v == null ? d : "true".equalsIgnoreCase(v); }`, 1, true},
		{"generic", `public static <T> T get(String key, T def) { Object v = CONFIG.get(key); return v == null ? def : (T) v; }`, 1, true},
		{"default first", `static boolean get(boolean def, String key) { return Boolean.parseBoolean(System.getProperty(key, Boolean.toString(def))); }`, 0, true},
		// The projects' own getters, as they are written.
		// H2 2.1.214, h2/src/main/org/h2/util/Utils.java.
		{"h2 Utils.getProperty", `public static boolean get(String key, boolean defaultValue) {
			return parseBoolean(getProperty(key, null), defaultValue, false); }`, 1, true},
		// Netty 4.1.48, common/src/main/java/io/netty/util/internal/SystemPropertyUtil.java.
		{"netty SystemPropertyUtil.getBoolean", `public static boolean get(String key, boolean def) {
			String value = get(key);
			if (value == null) { return def; }
			value = value.trim().toLowerCase();
			if (value.isEmpty()) { return def; }
			if ("true".equals(value) || "yes".equals(value) || "1".equals(value)) { return true; }
			if ("false".equals(value) || "no".equals(value) || "0".equals(value)) { return false; }
			logger.warn("Unable to parse the boolean system property '{}':{} - using the default value: {}", key, value, def);
			return def; }`, 1, true},
		// Log4j 2.19.0, log4j-api/src/main/java/org/apache/logging/log4j/util/PropertiesUtil.java.
		{"log4j PropertiesUtil.getBooleanProperty", `public boolean get(final String name, final boolean defaultValue) {
			final String prop = getStringProperty(name);
			return prop == null ? defaultValue : "true".equalsIgnoreCase(prop); }`, 1, true},
		// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/common/ZKConfig.java.
		{"zookeeper ZKConfig.getBoolean", `public boolean get(String key, boolean defaultValue) {
			String propertyValue = getProperty(key);
			if (propertyValue == null) { return defaultValue; } else { return Boolean.parseBoolean(propertyValue.trim()); } }`, 1, true},
		{"default held in a local", `public static boolean get(String name, boolean defaultValue) {
			boolean result = defaultValue;
			String value = getProp(name);
			if (value != null) { result = "true".equalsIgnoreCase(value.trim()); }
			return result; }`, 1, true},
		{"several branches", `public static boolean get(String name, boolean defaultValue) {
			String value = PROPS.getProperty(name);
			if (value == null) { return defaultValue; }
			try { value = value.trim(); if (value.isEmpty()) { return defaultValue; } return Boolean.parseBoolean(value); }
			catch (RuntimeException e) { return defaultValue; } }`, 1, true},
		{"table first", `static boolean get(Properties props, String key, boolean def) {
			String v = props.getProperty(key);
			return v == null ? def : Boolean.parseBoolean(v); }`, 2, true},
		{"local negated", `static boolean get(String key, boolean def) { boolean r = def; if (System.getProperty(key) != null) { r = !r; } return r; }`, -1, false},
		{"local not returned", `static boolean get(String key, boolean def) { boolean r = def; log(r); return Boolean.parseBoolean(System.getProperty(key)); }`, -1, false},
		{"negated default", `static boolean get(String key, boolean def) { return !def && System.getProperty(key) != null; }`, -1, false},
		{"no key read", `static boolean get(String key, boolean def) { return def; }`, -1, false},
		{"returns a string", `static String get(String key, boolean def) { return System.getProperty(key, String.valueOf(def)); }`, -1, false},
		{"no default", `static boolean get(String key) { return Boolean.getBoolean(key); }`, -1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			def, ok := PropertyHelper(javaCode(tc.decl), "get")
			if ok != tc.ok || ok && def != tc.def {
				t.Errorf("PropertyHelper = %d, %v; want %d, %v", def, ok, tc.def, tc.ok)
			}
		})
	}
}

func TestOptInTerm(t *testing.T) {
	f := &facts.File{Package: "p"}
	for _, tc := range []struct {
		term, sw string // sw "" when the term is no opt-in switch
		helper   bool
	}{
		{`Boolean.getBoolean("a.b")`, `system property "a.b"`, false},
		{`java.lang.Boolean.getBoolean(KEY)`, `system property KEY`, false},
		{`(Boolean.getBoolean("a.b"))`, `system property "a.b"`, false},
		{`Boolean.getBoolean("a.b") == true`, `system property "a.b"`, false},
		{`Boolean.parseBoolean(System.getProperty("a.b", "false"))`, `system property "a.b"`, false},
		{`Boolean.parseBoolean(System.getProperty("a.b"))`, `system property "a.b"`, false},
		{`Boolean.valueOf(System.getProperty("a.b")).booleanValue()`, `system property "a.b"`, false},
		{`"true".equals(System.getProperty("a.b"))`, `system property "a.b"`, false},
		{`"true".equalsIgnoreCase(System.getenv("AB"))`, `environment variable "AB"`, false},
		{`Boolean.parseBoolean(props.getProperty("a.b"))`, `property "a.b"`, false},
		{`conf.getBoolean("a.b", false)`, `setting "a.b"`, false},
		{`env.getProperty("a.b", Boolean.class, false)`, `setting "a.b"`, false},
		{`Utils.getPropDefault("a.b", false)`, `property "a.b"`, true},
		{`Utils.getPropDefault(PROPS, "a.b", false)`, `property "a.b"`, true},
		{`conf.getBoolean(PROPS, "a.b", false)`, "", false},
		{`PropertiesUtil.getProperties().getBooleanProperty("a.b", false)`, `setting "a.b"`, false},
		{`SystemPropertyUtil.getBoolean(NO_KEY_SET_OPTIMIZATION, false)`, `setting NO_KEY_SET_OPTIMIZATION`, false},
		{`x.size() > 0 && conf.getBoolean("a.b", false)`, "", false},
		{`factory().getPropDefault("a.b", false)`, "", false},
		// On by default, or not a switch.
		{`!Boolean.getBoolean("a.disable")`, "", false},
		{`Boolean.parseBoolean(System.getProperty("a.b", "true"))`, "", false},
		{`Boolean.parseBoolean(System.getenv("AB", "false"))`, "", false},
		{`!"false".equals(System.getProperty("a.b"))`, "", false},
		{`Utils.getPropDefault("a.b", true)`, "", false},
		{`conf.getBoolean("a.b", true)`, "", false},
		{`conf.isEnabled("a.b", false)`, "", false},
		{`json.getBoolean("shutdown", false)`, "", false},
		{`Utils.getPropDefault(key(), false)`, "", false},
		{`Boolean.valueOf(false)`, "", false},
		{`enabled`, "", false},
	} {
		t.Run(tc.term, func(t *testing.T) {
			o, ok := optInTerm(f, []byte(tc.term), tc.term, "p.C", "", 0)
			if ok != (tc.sw != "") {
				t.Fatalf("optInTerm ok = %v, want %v", ok, tc.sw != "")
			}
			if ok && (o.Switch != tc.sw || (o.Helper != nil) != tc.helper) {
				t.Errorf("optInTerm = %q (helper %v), want %q (helper %v)", o.Switch, o.Helper != nil, tc.sw, tc.helper)
			}
		})
	}
}

func TestOptInTermHeldString(t *testing.T) {
	f := &facts.File{Package: "p"}
	for _, tc := range []struct {
		before, term, sw string
	}{
		{`String v = System.getProperty("a.b"); `, `v.equalsIgnoreCase("true")`, `system property "a.b"`},
		{`final String v = System.getenv("AB"); `, `"true".equals(v)`, `environment variable "AB"`},
		{`var v = System.getProperty("a.b", "false"); `, `Boolean.parseBoolean(v)`, `system property "a.b"`},
		{``, `System.getProperty("a.b").equals("true")`, `system property "a.b"`},
		{`String v = System.getProperty("a.b", "true"); `, `v.equalsIgnoreCase("true")`, ""},
		{`String v = System.getProperty("a.b"); v = other; `, `v.equals("true")`, ""},
		{`String v = name(); `, `v.equals("true")`, ""},
		{``, `v.equals("true")`, ""},
		{`String v = System.getProperty("a.b"); `, `v.equals("yes")`, ""},
	} {
		t.Run(tc.term, func(t *testing.T) {
			o, ok := optInTerm(f, []byte(tc.term), tc.term, "p.C", tc.before, 0)
			if ok != (tc.sw != "") {
				t.Fatalf("optInTerm ok = %v, want %v", ok, tc.sw != "")
			}
			if ok && o.Switch != tc.sw {
				t.Errorf("optInTerm = %q, want %q", o.Switch, tc.sw)
			}
		})
	}
}

func TestSettleOptIn(t *testing.T) {
	utils := []byte(`package p;
public class Utils {
    public static boolean getPropDefault(String key, boolean def) {
        return Boolean.parseBoolean(System.getProperty(key, String.valueOf(def)));
    }
    public static boolean getPropDefault(String key, boolean def, int unused) {
        return def;
    }
    public static int getPropDefault(String key, int def) {
        String v = System.getProperty(key);
        if (v == null) {
            return def;
        }
        return Integer.parseInt(v);
    }
    public static String getPropDefault(String key, String def) {
        return def;
    }
    public static boolean both(String key, boolean def) {
        return Boolean.parseBoolean(System.getProperty(key, String.valueOf(def)));
    }
    public static boolean both(String key, Object def) {
        return key.isEmpty();
    }
    public static boolean odd(String key, boolean def) {
        return key.isEmpty();
    }
    static void use() {
        odd("x", false);
    }
}`)
	sys := []byte(`package q;
import p.Utils;
public final class Sys {
    public static final boolean EXIT = Utils.getPropDefault("x.exit", false);
    public static final boolean ON = Utils.getPropDefault("x.on", true);
    public static boolean MUTABLE = Boolean.getBoolean("x.mutable");
    public static final boolean DIRECT = Boolean.parseBoolean(System.getProperty("x.direct", "false"));
    public static boolean exit() {
        return EXIT;
    }
    public static boolean on() {
        return ON;
    }
    public static boolean twice() {
        log("x");
        return EXIT;
    }
}`)
	source := func(class string) []byte {
		switch class {
		case "p.Utils":
			return utils
		case "q.Sys":
			return sys
		}
		return nil
	}
	for _, tc := range []struct {
		name string
		o    facts.OptIn
		ok   bool
	}{
		{"property helper", facts.OptIn{Switch: "s", Helper: &facts.MethodKey{Class: "p.Utils", Name: "getPropDefault", Arity: 2}, Default: 1}, true},
		{"other default index", facts.OptIn{Switch: "s", Helper: &facts.MethodKey{Class: "p.Utils", Name: "getPropDefault", Arity: 2}, Default: 0}, false},
		{"overload taking false is not a read", facts.OptIn{Switch: "s", Helper: &facts.MethodKey{Class: "p.Utils", Name: "both", Arity: 2}, Default: 1}, false},
		{"no property read", facts.OptIn{Switch: "s", Helper: &facts.MethodKey{Class: "p.Utils", Name: "odd", Arity: 2}, Default: 1}, false},
		{"no such method", facts.OptIn{Switch: "s", Helper: &facts.MethodKey{Class: "p.Utils", Name: "missing", Arity: 2}, Default: 1}, false},
		{"no source", facts.OptIn{Switch: "s", Helper: &facts.MethodKey{Class: "q.Utils", Name: "getPropDefault", Arity: 2}, Default: 1}, false},
		{"known switch", facts.OptIn{Switch: "s"}, true},
		{"constant through a helper", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "EXIT"}, true},
		{"constant read directly", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "DIRECT"}, true},
		{"constant on by default", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "ON"}, false},
		{"not final", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "MUTABLE"}, false},
		{"no such constant", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "NONE"}, false},
		{"getter of a constant", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "exit()"}, true},
		{"getter of a default-on constant", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "on()"}, false},
		{"getter doing more", facts.OptIn{Switch: "s", FieldClass: "q.Sys", Field: "twice()"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o
			if _, ok := SettleOptIn(&o, source); ok != tc.ok {
				t.Errorf("SettleOptIn = %v, want %v", ok, tc.ok)
			}
		})
	}
}
