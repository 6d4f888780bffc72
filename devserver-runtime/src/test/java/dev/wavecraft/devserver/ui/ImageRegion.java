package dev.wavecraft.devserver.ui;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * A rectangle of a decoded screenshot and what is painted in it: its most common colour (the
 * background of that part of the page), how much differs from it (text, controls, drawings) and
 * how many colours there are (a blank or one-colour area has one).
 */
record ImageRegion(BufferedImage image, Rectangle area) {

    /** How far two colours may be apart, per channel, and still count as the same colour. */
    static final int SAME = 3;

    /** The most common colour, as 0xRRGGBB. */
    int background() {
        Map<Integer, Integer> counts = colourCounts();
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** How many different colours the region has. */
    int colours() {
        return colourCounts().size();
    }

    /** The share of pixels of {@code rgb} (within {@link #SAME}), from 0 to 1. */
    double shareOf(int rgb) {
        long same = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if (distance(image.getRGB(x, y), rgb) <= SAME) {
                    same++;
                }
            }
        }
        return (double) same / ((long) area.width * area.height);
    }

    /** The share of pixels that are not the region's own {@link #background}: what is drawn on it. */
    double drawnShare() {
        return 1 - shareOf(background());
    }

    /** The largest difference of one channel between two colours. */
    static int distance(int rgb, int other) {
        int red = Math.abs((rgb >> 16 & 0xff) - (other >> 16 & 0xff));
        int green = Math.abs((rgb >> 8 & 0xff) - (other >> 8 & 0xff));
        int blue = Math.abs((rgb & 0xff) - (other & 0xff));
        return Math.max(red, Math.max(green, blue));
    }

    /** Relative luminance of a colour, from 0 (black) to 1 (white), as WCAG defines it. */
    static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private Map<Integer, Integer> colourCounts() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        return counts;
    }

    static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    @Override
    public String toString() {
        return "the region " + area.x + "," + area.y + " " + area.width + " × " + area.height + " (background "
                + hex(background()) + ", " + colours() + " colours, " + Math.round(drawnShare() * 1000) / 10.0
                + "% drawn)";
    }
}
