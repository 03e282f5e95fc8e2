package org.tcyledger.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket: java.net.http refuses to send what a hostile client sends (control characters
 * in a header, spaces in a path), so malformed requests go out this way, byte for byte as given.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** @param target path and query exactly as they go on the request line */
    static Http.Answer send(String baseUrl, String method, String target, Map<String, String> headers, byte[] body) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 3000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // a server may answer 413 and close before reading a large body: read what it said
            }
            byte[] response = readAll(socket.getInputStream());
            String text = new String(response, StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.")) {
                return new Http.Answer(0, null, Map.of(), "no status line: " + Checker.abbreviate(text));
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Http.Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4), Map.of(), null);
        } catch (IOException | RuntimeException e) {
            return new Http.Answer(0, null, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0 && bytes.size() < 64 * 1024) {
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }
}
