package aegis.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A JDK {@code HttpServer} on 127.0.0.1 answering by exact path: canned answers (optionally
 * after a delay), answers computed from the request, and gates that hold the connection until
 * the test opens them (a service that never answers, a step that blocks until released). Every
 * request is counted per path. Each exchange runs on a virtual thread of its own, so a held
 * connection never delays another.
 */
public final class FixtureServer implements AutoCloseable {
  /** What a request asked: method, path, raw query and body text. */
  public record Request(String method, String path, String query, String body) {}

  /** An HTTP answer, sent after {@code delayMillis}. */
  public record Answer(int status, String contentType, String body, long delayMillis) {
    public static Answer text(int status, String body) { return new Answer(status, "text/plain", body, 0); }

    public static Answer json(String body) { return new Answer(200, "application/json", body, 0); }

    public Answer delayed(long millis) { return new Answer(status, contentType, body, millis); }
  }

  private static final Answer NOT_FOUND = Answer.text(404, "no route");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, Request> last = new ConcurrentHashMap<>();

  private FixtureServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server on a free port. */
  public static FixtureServer start() {
    return start(0);
  }

  /** A server on {@code port} (0 for a free one). */
  public static FixtureServer start(int port) {
    try {
      return new FixtureServer(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash. */
  public String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

  /** {@code path} always gives {@code answer}. */
  public FixtureServer answer(String path, Answer answer) {
    routes.put(path, r -> answer);
    return this;
  }

  /** {@code path} answers what {@code answer} computes from the request. */
  public FixtureServer answer(String path, Function<Request, Answer> answer) {
    routes.put(path, answer);
    return this;
  }

  /**
   * {@code path} holds every request until {@link #open} (or {@link #close}), then answers
   * {@code answer}; a gate that is never opened is a server that never answers.
   */
  public FixtureServer gate(String path, Answer answer) {
    var latch = new CountDownLatch(1);
    gates.put(path, latch);
    routes.put(path, r -> {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer;
    });
    return this;
  }

  /** Lets the requests held at {@code path} (and every later one) through. */
  public void open(String path) {
    var latch = gates.get(path);
    if (latch == null) throw new IllegalArgumentException("no gate at " + path);
    latch.countDown();
  }

  /** How many requests reached {@code path} (held ones included). */
  public int hits(String path) {
    var n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** Waits until {@code path} has had {@code n} requests; fails after {@code limit}. */
  public void awaitHits(String path, int n, java.time.Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (hits(path) < n) {
      if (System.nanoTime() > deadline) throw new AssertionError(path + " had " + hits(path) + " of " + n + " requests after " + limit);
      Thread.sleep(20);
    }
  }

  /** The last request to {@code path}, or null. */
  public Request lastRequest(String path) { return last.get(path); }

  @Override
  public void close() {
    gates.values().forEach(CountDownLatch::countDown);
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange e) throws IOException {
    try (e) {
      String path = e.getRequestURI().getPath();
      var request = new Request(e.getRequestMethod(), path, e.getRequestURI().getRawQuery(),
          new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      last.put(path, request);
      var route = routes.get(path);
      Answer answer = route == null ? NOT_FOUND : route.apply(request);
      if (answer.delayMillis() > 0) Thread.sleep(answer.delayMillis());
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      e.getResponseHeaders().set("Content-Type", answer.contentType());
      e.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) e.getResponseBody().write(body);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
