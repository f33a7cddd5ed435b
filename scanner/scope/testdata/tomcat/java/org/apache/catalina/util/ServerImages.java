package org.apache.catalina.util;

// A server draws with java.awt's images and keeps listeners in Swing's
// EventListenerList: neither makes it a desktop GUI.
import java.awt.Color;
import java.awt.image.BufferedImage;
import javax.swing.event.EventListenerList;

public class ServerImages {
    private final EventListenerList listeners = new EventListenerList();

    public BufferedImage blank(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }
}
