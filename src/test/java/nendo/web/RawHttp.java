package nendo.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 requests whose request target reaches the server byte for byte. A target is a
 * "wire string": every char is one byte (0–255, written as ISO-8859-1), so malformed percent
 * escapes, raw UTF-8 or invalid bytes are sent exactly as given. Targets that
 * {@link java.net.URI} accepts and that are plain printable ASCII go through
 * {@link java.net.http.HttpClient} (a second, independent HTTP parser for the answer); everything
 * else through a plain socket with {@code Connection: close}.
 */
final class RawHttp {
    /** No answer within this time counts as a hang. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    /** Above this the target goes over a socket: the server may answer 414 before reading it all. */
    private static final int CLIENT_MAX_TARGET = 8 * 1024;

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length:\\s*(\\d+)");

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** One answer: status, headers (lower-case names, last value wins), body bytes. */
    record Response(int status, Map<String, String> headers, byte[] body, String via) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }
    }

    /** Thrown when the server closes the connection or stays silent instead of answering. */
    static final class NoAnswer extends IOException {
        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** GET (or another method) with the wire-string target; HttpClient where it can carry it exactly. */
    Response send(String method, String target, byte[] body) throws IOException {
        // With a body the server may answer (405) before reading it: only the socket reads that answer.
        if (body == null && clientCanCarry(target)) {
            try {
                return viaClient(method, target, body);
            } catch (IllegalArgumentException rejected) {
                // HttpClient refuses some methods or URIs; the socket carries anything.
            }
        }
        return viaSocket(method, target, body, Map.of());
    }

    Response get(String target) throws IOException {
        return send("GET", target, null);
    }

    static boolean clientCanCarry(String target) {
        if (target.length() > CLIENT_MAX_TARGET) return false;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F) return false;
        }
        try {
            URI uri = URI.create("http://h" + target);
            // HttpClient writes getRawPath() + "?" + getRawQuery(): it must round-trip exactly.
            String back = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return back.equals(target) && uri.getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Response viaClient(String method, String target, byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + target))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(v.size() - 1)));
            return new Response(r.statusCode(), headers, r.body(), "client");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new NoAnswer("no answer within " + TIMEOUT + " to " + method + " " + abbreviate(target), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Writes the request exactly as given (target and extra headers as wire strings). */
    Response viaSocket(String method, String target, byte[] body, Map<String, String> extraHeaders) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        extraHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        byte[] bytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body != null) {
            byte[] all = Arrays.copyOf(bytes, bytes.length + body.length);
            System.arraycopy(body, 0, all, bytes.length, body.length);
            bytes = all;
        }
        return exchange(bytes, method + " " + abbreviate(target));
    }

    /** Sends arbitrary bytes and reads one answer until the server closes the connection. */
    Response exchange(byte[] request, String label) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            // Written on its own thread: the server may answer (414/431/405) and stop reading before
            // the end, and a blocked write must not keep us from reading that answer.
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException e) {
                    // The answer (if any) is read below.
                }
            });
            byte[] raw;
            try {
                raw = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new NoAnswer("no answer within " + TIMEOUT + " to " + label, e);
            } catch (IOException e) {
                throw new NoAnswer("connection failed (" + e + ") for " + label, e);
            } finally {
                socket.close();
                try {
                    writer.join(TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (raw.length == 0) throw new NoAnswer("connection closed without an answer to " + label, null);
            return parse(raw, label);
        }
    }

    /**
     * Reads one answer: until its Content-Length or last chunk is in, or the server closes. (Not
     * just until the close: after some requests, e.g. CONNECT, the server keeps the connection open
     * despite "Connection: close", and a complete answer must not count as a hang.)
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        try {
            for (int n; (n = in.read(chunk)) != -1; ) {
                buffer.write(chunk, 0, n);
                if (complete(buffer.toByteArray())) break;
            }
        } catch (java.net.SocketException reset) {
            // A reset after the answer was written still leaves the answer in the buffer.
            if (buffer.size() == 0) throw reset;
        }
        return buffer.toByteArray();
    }

    private static boolean complete(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) return false;
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) return raw.length - (end + 4) >= Long.parseLong(length.group(1));
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            String tail = new String(raw, Math.max(end, raw.length - 7), raw.length - Math.max(end, raw.length - 7), StandardCharsets.ISO_8859_1);
            return tail.endsWith("\r\n0\r\n\r\n");
        }
        return false;
    }

    private static Response parse(byte[] raw, String label) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) throw new NoAnswer("incomplete answer to " + label + ": " + abbreviate(new String(raw, StandardCharsets.ISO_8859_1)), null);
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new NoAnswer("not an HTTP answer to " + label + ": " + abbreviate(lines[0]), null);
        }
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body, label);
        else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (body.length < length) throw new NoAnswer("truncated body (" + body.length + " of " + length + ") for " + label, null);
            body = Arrays.copyOf(body, length);
        }
        return new Response(status, headers, body, "socket");
    }

    private static byte[] dechunk(byte[] body, String label) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, i);
            if (lineEnd < 0) throw new NoAnswer("bad chunked body for " + label, null);
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            i = lineEnd + 2;
            if (size == 0) return out.toByteArray();
            if (i + size > body.length) throw new NoAnswer("truncated chunk for " + label, null);
            out.write(body, i, size);
            i += size + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }
}
