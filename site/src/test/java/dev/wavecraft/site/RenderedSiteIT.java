package dev.wavecraft.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the site that {@code package} rendered into {@code target/site}: every page the menu
 * promises is there, every link between pages (and to an anchor in a page) leads somewhere, and
 * the pages that restate the code still name what the code names.
 */
class RenderedSiteIT {

    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ANCHOR = Pattern.compile("\\s(?:id|name)=\"([^\"]*)\"");
    private static final Pattern RPC_NAME = Pattern.compile("String [A-Z_]+ = \"([A-Za-z]+)\";");

    /** The hand-written pages and the goal pages generated from the plugin's descriptor. */
    private static final List<String> PAGES = List.of("index.html", "quick-start.html", "concepts.html",
            "writing-a-processor.html", "protocol.html", "ci.html", "troubleshooting.html", "benchmark.html",
            "hardening.html", "sessions-and-presets.html", "plugin-info.html", "run-mojo.html",
            "classpath-mojo.html");

    private static Path site;
    private static final Map<Path, String> HTML = new HashMap<>();

    @BeforeAll
    static void readSite() throws IOException {
        site = Path.of(System.getProperty("wavecraft.site.dir", "target/site")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "No rendered site at " + site
                + "; it is rendered in the package phase (./mvnw package -pl site -am)");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).collect(Collectors.toList())) {
                HTML.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void hasEveryPageOfTheMenu() {
        List<String> missing = PAGES.stream().filter(page -> !Files.isRegularFile(site.resolve(page)))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "pages missing from " + site);
        String menu = HTML.get(site.resolve("index.html"));
        List<String> unlinked = PAGES.stream().filter(page -> !menu.contains("href=\"" + page + "\""))
                .collect(Collectors.toList());
        assertEquals(List.of(), unlinked, "pages not in the site menu (site/src/site/site.xml)");
    }

    @Test
    void everyLinkWithinTheSiteLeadsToAFileAndAnchor() {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<Path, String> page : HTML.entrySet()) {
            Matcher link = LINK.matcher(page.getValue());
            while (link.find()) {
                String target = link.group(1).replace("&amp;", "&");
                problem(page.getKey(), target).ifPresent(broken::add);
            }
        }
        assertEquals(List.of(), broken.stream().sorted().collect(Collectors.toList()), "broken links");
    }

    private Optional<String> problem(Path page, String target) {
        if (target.isEmpty() || target.startsWith("//") || URI.create(escape(target)).getScheme() != null) {
            return Optional.empty(); // external: not checked, the build runs offline from the web
        }
        String where = site.relativize(page) + " -> " + target;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path file = path.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
                .normalize();
        if (!file.startsWith(site)) {
            return Optional.of(where + " (leaves the site)");
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(where + " (no such file)");
        }
        if (fragment != null && !fragment.isEmpty() && HTML.containsKey(file) && !anchors(file).contains(fragment)) {
            return Optional.of(where + " (no such anchor)");
        }
        return Optional.empty();
    }

    private static Set<String> anchors(Path file) {
        Set<String> ids = new TreeSet<>();
        Matcher anchor = ANCHOR.matcher(HTML.get(file));
        while (anchor.find()) {
            ids.add(anchor.group(1));
        }
        return ids;
    }

    private static String escape(String target) {
        return target.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D").replace("|", "%7C");
    }

    @Test
    void protocolPageNamesEveryMethodAndNotificationOfTheServer() throws IOException {
        Path names = Path.of(System.getProperty("wavecraft.rpc.names"));
        Set<String> declared = new TreeSet<>();
        Matcher name = RPC_NAME.matcher(Files.readString(names, StandardCharsets.UTF_8));
        while (name.find()) {
            declared.add(name.group(1));
        }
        assertFalse(declared.isEmpty(), "no names read from " + names);
        String protocol = HTML.get(site.resolve("protocol.html"));
        List<String> missing = declared.stream().filter(method -> !protocol.contains("<code>" + method + "</code>"))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "names in " + names.getFileName() + " that protocol.md does not show");
    }

    @Test
    void benchmarkPageShowsTheReadmeFigures() {
        String benchmark = HTML.get(site.resolve("benchmark.html"));
        assertFalse(benchmark.contains("@README_BENCHMARK@"), "the README's figures were not filled in");
        assertTrue(benchmark.contains("./mvnw -Pbench verify") && benchmark.contains("p50"),
                "the benchmark page lacks the command or the figures");
    }
}
