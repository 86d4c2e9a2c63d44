package aegis.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * How the adapters that speak HTTP themselves send a request (the http module, Prometheus,
 * Alertmanager, the Slack webhook): one blocking HTTP/1.1 exchange over the JDK's
 * {@link HttpURLConnection}, within a deadline for the whole exchange. The JDK's keep-alive cache
 * reuses connections. No proxy (as before: none is configured for aegis), no redirects followed,
 * nothing cached.
 *
 * <p>Not {@code java.net.http.HttpClient}, which DESIGN.md named: measured on the 2-core machine,
 * 200 cold GETs at 64 in flight cost 0.66-0.73 s of CPU with it and 0.24-0.30 s with this (a fresh
 * JVM each, C1 only, a CDS archive of each), and its start-up alone, ~0.3 s of CPU, was a quarter
 * of what a daily-check may take in all. Its HTTP/2 is what is given up: health checks, Prometheus,
 * Alertmanager and webhooks all answer HTTP/1.1. (The Vault adapter keeps a JDK {@code HttpClient}:
 * the Vault driver sends through one.)
 */
public final class HttpTransport {
  /**
   * Headers that the connection sets itself (HttpURLConnection would drop them without a word, and
   * {@code Expect} changes how the body is sent): a runbook that sets one gets an error instead.
   */
  private static final Set<String> RESTRICTED = Set.of("access-control-request-headers", "access-control-request-method",
      "connection", "content-length", "content-transfer-encoding", "expect", "host", "keep-alive", "origin", "trailer",
      "transfer-encoding", "upgrade", "via");

  /**
   * One request.
   *
   * @param body    sent with a {@code Content-Length}; null for none
   * @param timeout for the whole exchange: connecting, sending, the headers and the body
   */
  public record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    public Request {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      headers.forEach(Request::checkHeader);
      if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("a request needs a positive timeout");
    }

    private static void checkHeader(String name, String value) {
      if (name.isEmpty() || !name.chars().allMatch(Request::tokenChar)) {
        throw new IllegalArgumentException("header `" + name + "` cannot be set: not a valid header name");
      }
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header `" + name + "` cannot be set: the HTTP client sets it itself");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header `" + name + "` cannot be set: its value has a line break");
      }
    }

    /** RFC 9110's token characters, which a header name consists of. */
    private static boolean tokenChar(int c) {
      return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
  }

  /**
   * The answer.
   *
   * @param version   from the status line, e.g. {@code HTTP/1.1}
   * @param headers   as received (names as the server spelled them)
   * @param truncated the body was longer than asked for and has been cut
   */
  public record Response(int status, String version, Map<String, List<String>> headers, byte[] body, boolean truncated) {}

  /** For services whose certificates the JDK's roots vouch for. */
  public static final HttpTransport JDK_TRUST = new HttpTransport(null);

  /** Where exchanges run: daemon threads, kept a minute when idle (a step's fan-out reuses them). */
  private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(task -> {
    var thread = new Thread(task, "aegis-http");
    thread.setDaemon(true);
    return thread;
  });

  private final SSLSocketFactory tls;

  /** @param tls how to make TLS connections (whom to trust); null for the JDK's default */
  public HttpTransport(SSLSocketFactory tls) {
    this.tls = tls;
  }

  /**
   * Sends {@code request} and reads the answer, of any status, keeping at most {@code maxBodyBytes}
   * of its body. The exchange runs on a platform thread of a shared pool while the caller waits
   * for it until the deadline, so that the caller's time is bounded for a server that trickles
   * its body too (HttpURLConnection's own timeouts apply to each read apart) and the exchange
   * needs no carrier of the virtual threads that call it (a caller pinned to its carrier would
   * otherwise wait for an exchange with no carrier left to run on). An exchange given up on ends
   * on its own: at its read timeout, or when the server ends the body (HttpURLConnection's
   * {@code disconnect} from another thread waits for the read in progress).
   *
   * @throws SocketTimeoutException when the deadline passed first
   * @throws IOException            when there was no answer (refused, unknown host, TLS, reset...)
   */
  public Response send(Request request, int maxBodyBytes) throws IOException {
    Future<Response> exchange = EXCHANGES.submit(() -> exchange(request, maxBodyBytes));
    try {
      return exchange.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new SocketTimeoutException("no answer within " + request.timeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      // Not naming the URL: a webhook's is a credential.
      throw new InterruptedIOException("interrupted while waiting for the answer");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  private Response exchange(Request request, int maxBodyBytes) throws IOException {
    int millis = (int) Math.clamp(request.timeout().toMillis(), 1, Integer.MAX_VALUE);
    var connection = (HttpURLConnection) request.uri().toURL().openConnection(Proxy.NO_PROXY);
    if (tls != null && connection instanceof HttpsURLConnection https) https.setSSLSocketFactory(tls);
    connection.setConnectTimeout(millis);
    connection.setReadTimeout(millis);
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestMethod(request.method());
    request.headers().forEach(connection::setRequestProperty);
    if (request.body() != null) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(request.body().length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(request.body());
      }
    }
    int status = connection.getResponseCode();
    String statusLine = connection.getHeaderField(0);
    var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    connection.getHeaderFields().forEach((name, values) -> {
      if (name != null) headers.put(name, values);
    });
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (in == null) return new Response(status, version(statusLine), headers, new byte[0], false);
    byte[] body = in.readNBytes(maxBodyBytes);
    boolean truncated = in.read() >= 0;
    if (truncated) connection.disconnect();   // not read to its end to keep the connection
    else in.close();
    return new Response(status, version(statusLine), headers, body, truncated);
  }

  private static String version(String statusLine) {
    if (statusLine == null || !statusLine.startsWith("HTTP/")) return "HTTP/1.1";
    int space = statusLine.indexOf(' ');
    return space < 0 ? statusLine : statusLine.substring(0, space);
  }
}
