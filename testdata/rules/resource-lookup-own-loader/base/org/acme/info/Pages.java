package org.acme.info;

import java.net.URL;

// A private lookup whose project caller names the library's own page,
// and a public method no project code calls that hands a client's name
// on: the client's page is never found through the library's loader.
public class Pages {
    private static URL find(String page) {
        return Pages.class.getResource(page); // want "resource-lookup-own-loader"
    }

    static URL home() {
        return find("/org/acme/info/pages/home.html");
    }

    public static URL page(String page) {
        return find(page);
    }
}

// A lookup helper called with the library's own page, and a wrapper in
// another class that no project code calls: a new way in for a client.
class PageFinder {
    static URL find(String page) {
        return PageFinder.class.getResource(page); // want "resource-lookup-own-loader"
    }

    static URL home() {
        return find("/org/acme/info/pages/home.html");
    }
}

class PageApi {
    public URL page(String page) {
        return PageFinder.find(page);
    }
}

// Only a recursive call besides none: no project caller names a page.
class PageWalker {
    static URL walk(String page, int depth) {
        if (depth > 0) {
            return walk(page, depth - 1);
        }
        return PageWalker.class.getResource(page); // want "resource-lookup-own-loader"
    }
}
