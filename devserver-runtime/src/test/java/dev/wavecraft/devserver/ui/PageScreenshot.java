package dev.wavecraft.devserver.ui;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A PNG the browser took of a page, decoded, with the boxes the page's elements had when it was
 * taken: to check what the picture shows where, not only that a file was written.
 */
final class PageScreenshot {

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)");
    /** An element's box in the picture's pixels: in the document, or in the window, times the pixel ratio. */
    private static final String BOXES = """
            const [selector, wholePage] = arguments;
            const ratio = window.devicePixelRatio;
            return [...document.querySelectorAll(selector)].map(e => {
              const r = e.getBoundingClientRect();
              const x = r.left + (wholePage ? window.scrollX : 0), y = r.top + (wholePage ? window.scrollY : 0);
              return [x, y, r.width, r.height].map(n => Math.round(n * ratio));
            });""";

    /** The size of what is taken (the document, or the window) in the picture's pixels. */
    private static final String SIZE = """
            const [wholePage] = arguments, e = document.documentElement, ratio = window.devicePixelRatio;
            return (wholePage ? [e.scrollWidth, e.scrollHeight] : [innerWidth, innerHeight]).map(n => Math.round(n * ratio));""";

    private final byte[] png;
    private final BufferedImage image;
    private final List<Integer> measuredSize;
    private final Map<String, List<Rectangle>> boxes;

    private PageScreenshot(byte[] png, List<Integer> measuredSize, Map<String, List<Rectangle>> boxes) {
        this.png = png;
        this.measuredSize = measuredSize;
        this.boxes = boxes;
        try {
            this.image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            throw new AssertionError("The screenshot is not an image ImageIO can read (" + png.length + " bytes)");
        }
    }

    /**
     * The whole page, below the window's bottom edge too, with its size and the boxes of the
     * elements {@code selectors} find, measured just before it is taken.
     */
    static PageScreenshot wholePage(HeadlessChromium page, String... selectors) {
        List<Integer> size = size(page, true);
        Map<String, List<Rectangle>> boxes = boxes(page, true, selectors);
        return new PageScreenshot(page.fullPageScreenshot(), size, boxes);
    }

    /** What the window shows, with its size and the boxes of the elements {@code selectors} find. */
    static PageScreenshot window(HeadlessChromium page, String... selectors) {
        List<Integer> size = size(page, false);
        Map<String, List<Rectangle>> boxes = boxes(page, false, selectors);
        return new PageScreenshot(page.screenshot(), size, boxes);
    }

    private static List<Integer> size(HeadlessChromium page, boolean wholePage) {
        return ((List<?>) page.script(SIZE, wholePage)).stream().map(n -> ((Number) n).intValue()).toList();
    }

    private static Map<String, List<Rectangle>> boxes(HeadlessChromium page, boolean wholePage, String... selectors) {
        Map<String, List<Rectangle>> boxes = new LinkedHashMap<>();
        for (String selector : selectors) {
            List<Rectangle> found = new ArrayList<>();
            for (Object box : (List<?>) page.script(BOXES, selector, wholePage)) {
                List<?> numbers = (List<?>) box;
                found.add(new Rectangle(number(numbers, 0), number(numbers, 1), number(numbers, 2), number(numbers, 3)));
            }
            boxes.put(selector, found);
        }
        return boxes;
    }

    private static int number(List<?> numbers, int index) {
        return ((Number) numbers.get(index)).intValue();
    }

    /** The background colour the page computes for the first element {@code selector} finds, as 0xRRGGBB. */
    static int backgroundColour(HeadlessChromium page, String selector) {
        Object computed = page.script("return getComputedStyle(document.querySelector(arguments[0])).backgroundColor",
                selector);
        Matcher matcher = RGB.matcher(String.valueOf(computed));
        if (!matcher.matches() || (matcher.group(4) != null && Double.parseDouble(matcher.group(4)) < 1)) {
            throw new AssertionError("The background of " + selector + " is not an opaque rgb() colour: " + computed);
        }
        return Integer.parseInt(matcher.group(1)) << 16 | Integer.parseInt(matcher.group(2)) << 8
                | Integer.parseInt(matcher.group(3));
    }

    byte[] png() {
        return png;
    }

    /** Width and height of what was taken, as the page measured them just before. */
    List<Integer> measuredSize() {
        return measuredSize;
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    /** The boxes of the elements {@code selector} found when the picture was taken. */
    List<Rectangle> boxes(String selector) {
        List<Rectangle> found = boxes.get(selector);
        if (found == null) {
            throw new IllegalArgumentException(selector + " was not measured; measured: " + boxes.keySet());
        }
        return found;
    }

    /** The one box of {@code selector}. */
    Rectangle box(String selector) {
        List<Rectangle> found = boxes(selector);
        if (found.size() != 1) {
            throw new AssertionError(selector + " matched " + found.size() + " elements, not one");
        }
        return found.get(0);
    }

    /** The pixels inside {@code box} (clipped to the picture), less {@code inset} on every side. */
    ImageRegion region(Rectangle box, int inset) {
        Rectangle inner = new Rectangle(box.x + inset, box.y + inset, box.width - 2 * inset, box.height - 2 * inset)
                .intersection(new Rectangle(0, 0, width(), height()));
        if (inner.isEmpty()) {
            throw new AssertionError("The box " + box + " lies outside the " + width() + " × " + height() + " picture");
        }
        return new ImageRegion(image, inner);
    }

    /** All of the picture. */
    ImageRegion whole() {
        return new ImageRegion(image, new Rectangle(0, 0, width(), height()));
    }
}
