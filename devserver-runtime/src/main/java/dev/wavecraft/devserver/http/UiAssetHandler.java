package dev.wavecraft.devserver.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.CanonicalPathUtils;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the built-in UI from this jar. Every answer says {@code Cache-Control: no-cache} and
 * carries a strong ETag of the content, so a browser revalidates each time (a cheap 304 while
 * nothing changed) and never keeps a stale page or script after an upgrade of the runtime. Jar
 * entries all share the build's fixed timestamp, so Last-Modified could not tell versions apart
 * and is not sent.
 */
final class UiAssetHandler implements HttpHandler {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final ClassLoader loader;
    private final String root;
    private final HttpHandler notFound;
    /** The jar does not change while the server runs, so each asset is read and hashed once (misses are not kept). */
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();

    UiAssetHandler(ClassLoader loader, String root, HttpHandler notFound) {
        this.loader = loader;
        this.root = root;
        this.notFound = notFound;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
            exchange.endExchange();
            return;
        }
        Optional<Asset> asset = resolve(exchange.getRelativePath());
        if (asset.isEmpty()) {
            notFound.handleRequest(exchange);
            return;
        }
        Asset found = asset.get();
        exchange.getResponseHeaders()
                .put(Headers.CACHE_CONTROL, "no-cache")
                .put(Headers.ETAG, found.etag())
                .put(Headers.CONTENT_TYPE, found.contentType());
        if (matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH), found.etag())) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        exchange.setResponseContentLength(found.bytes().length);
        if (method.equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(found.bytes()));
    }

    private Optional<Asset> resolve(String requestPath) {
        String canonical = CanonicalPathUtils.canonicalize(requestPath == null || requestPath.isEmpty() ? "/" : requestPath);
        String path = canonical.endsWith("/") ? canonical + "index.html" : canonical;
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            return Optional.empty();
        }
        Asset cached = assets.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Asset> loaded = load(path);
        loaded.ifPresent(asset -> assets.put(path, asset));
        return loaded;
    }

    private Optional<Asset> load(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty(); // only the kinds of file a page is made of; never .class files
        }
        try (InputStream in = loader.getResourceAsStream(root + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + root + path + " from the runtime jar", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** If-None-Match: "*" or a list of (possibly weak) tags. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private record Asset(byte[] bytes, String contentType, String etag) {
    }
}
