package aegis.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A JDK HTTP(S) server on 127.0.0.1 with one handler, serving each exchange on a virtual thread. */
final class LoopbackHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackHttp(HttpServer server) {
    this.server = server;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
  }

  /** Starts serving {@code handler} on 127.0.0.1:{@code port}; {@code what} names the server in errors. */
  static LoopbackHttp start(int port, String what, HttpHandler handler) throws SandboxException {
    try {
      return started(HttpServer.create(address(port), 0), handler);
    } catch (BindException e) {
      throw portTaken(port, what);
    } catch (IOException e) {
      throw new SandboxException(what + " could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #start}, over TLS with {@code tls}. */
  static LoopbackHttp startTls(int port, String what, SSLContext tls, HttpHandler handler) throws SandboxException {
    try {
      var server = HttpsServer.create(address(port), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      return started(server, handler);
    } catch (BindException e) {
      throw portTaken(port, what);
    } catch (IOException e) {
      throw new SandboxException(what + " could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  static SandboxException portTaken(int port, String what) {
    return new SandboxException("port " + port + " is taken, so the sandbox's " + what + " cannot listen there: "
        + "stop what uses it (`ss -ltnp 'sport = :" + port + "'` shows it)");
  }

  private static InetSocketAddress address(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  private static LoopbackHttp started(HttpServer server, HttpHandler handler) {
    var http = new LoopbackHttp(server);
    server.createContext("/", handler);
    server.start();
    return http;
  }

  int port() { return server.getAddress().getPort(); }

  /** Sends {@code body} with {@code status}; a HEAD request gets the headers only. */
  static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD") || bytes.length == 0) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
