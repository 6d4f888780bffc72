package dev.wavecraft.devserver.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 spoken byte for byte over a plain socket, for what no client lets a test set: any
 * {@code Host}, {@code Sec-Fetch-*} headers, or a WebSocket upgrade whose answer is read as is.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MS = 10_000;
    /** A fixed handshake key: the test reads the server's answer, not the accept hash. */
    private static final String WEBSOCKET_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private RawHttp() {
    }

    /** A response: its status, headers (names in lower case) and body (none after a 101). */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? Optional.empty() : Optional.of(values.get(0));
        }

        /** Header names that start with {@code prefix}, in lower case. */
        public List<String> headerNamesStartingWith(String prefix) {
            String lowerCase = prefix.toLowerCase(Locale.ROOT);
            return headers.keySet().stream().filter(name -> name.startsWith(lowerCase)).toList();
        }
    }

    /** {@code GET path} with the given headers besides {@code Host} and {@code Connection: close}. */
    public static Response get(int port, String path, String host, Map<String, String> headers) throws IOException {
        return send(port, "GET", path, host, headers);
    }

    /** A WebSocket upgrade of {@code path} with the given headers besides the handshake's own. */
    public static Response upgrade(int port, String path, String host, Map<String, String> headers)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(Map.of(
                "Upgrade", "websocket",
                "Connection", "Upgrade",
                "Sec-WebSocket-Key", WEBSOCKET_KEY,
                "Sec-WebSocket-Version", "13"));
        all.putAll(headers);
        return exchange(port, "GET", path, host, all);
    }

    public static Response send(int port, String method, String path, String host, Map<String, String> headers)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Connection", "close");
        return exchange(port, method, path, host, all);
    }

    /**
     * Connects {@code socket} (set up as the caller needs, say with a small receive buffer) to
     * 127.0.0.1, upgrades {@code path} to a WebSocket with a loopback Host and leaves it open.
     *
     * @throws IOException when the server answers anything but 101
     */
    public static void openWebSocket(Socket socket, int port, String path) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        write(socket, "GET", path, "127.0.0.1:" + port, Map.of(
                "Upgrade", "websocket",
                "Connection", "Upgrade",
                "Sec-WebSocket-Key", WEBSOCKET_KEY,
                "Sec-WebSocket-Version", "13"));
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("The upgrade was refused: " + head);
        }
    }

    private static Response exchange(int port, String method, String path, String host, Map<String, String> headers)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            write(socket, method, path, host, headers);
            return read(socket.getInputStream());
        }
    }

    private static void write(Socket socket, String method, String path, String host, Map<String, String> headers)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (host != null) {
            request.append("Host: ").append(host).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        List<String> lines = List.of(head.split("\r\n"));
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        if (status == 101 || status == 304) {
            return new Response(status, headers, "");
        }
        List<String> length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Up to and without the blank line that ends the headers. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The server closed the connection inside the headers: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - end.length);
    }
}
