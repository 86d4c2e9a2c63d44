package aegis.adapters.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack-style incoming webhook on 127.0.0.1: answers {@code 200 ok} (or what a test sets, e.g.
 * {@code 404 channel_not_found}) and records every post's path, content type and body.
 */
final class WebhookFixture implements AutoCloseable {
  record Post(String path, String contentType, String body) {}

  private final HttpServer server;
  final List<Post> posts = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String reply = "ok";

  WebhookFixture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The webhook URL; its path plays the part of Slack's secret token. */
  String url(String secretPath) { return "http://127.0.0.1:" + server.getAddress().getPort() + secretPath; }

  void answer(int status, String reply) {
    this.status = status;
    this.reply = reply;
  }

  @Override
  public void close() { server.stop(0); }

  private void handle(HttpExchange e) throws IOException {
    try (e) {
      posts.add(new Post(e.getRequestURI().getPath(), e.getRequestHeaders().getFirst("Content-Type"),
          new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      var bytes = reply.getBytes(StandardCharsets.UTF_8);
      e.getResponseHeaders().set("Content-Type", "text/plain");
      e.sendResponseHeaders(status, bytes.length);
      e.getResponseBody().write(bytes);
    }
  }
}
