package aegis.adapters.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code http} module's built-ins: {@code http.get}, {@code http.head}, {@code http.post} and
 * TLS certificate inspection. One adapter (one JDK {@link HttpClient}, HTTP/2 with fallback to
 * HTTP/1.1, on virtual threads) serves a whole run; close it when the run ends. Every call returns
 * a result — a response of any status, or a typed {@link HttpFailure} — and never throws for
 * network trouble. Redirects are not followed: a 301 is the answer (a health endpoint that
 * redirects is misconfigured, and a check should say so).
 */
public final class HttpAdapter implements AutoCloseable {
  /** Bodies are kept up to 1 MiB unless configured otherwise; longer ones are cut and flagged. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  /**
   * How the adapter behaves.
   *
   * @param maxBodyBytes     longest body kept, in bytes
   * @param trustedCerts     certificates trusted in addition to the JDK's roots (an internal CA)
   * @param version          the preferred HTTP version; HTTP/2 falls back to HTTP/1.1 by itself
   * @param clock            the time {@link TlsCertificate#daysLeft()} is counted from
   */
  public record Options(int maxBodyBytes, List<X509Certificate> trustedCerts, HttpClient.Version version, Clock clock) {
    public Options {
      if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must not be negative");
      trustedCerts = List.copyOf(trustedCerts);
    }

    public static Options defaults() {
      return new Options(DEFAULT_MAX_BODY_BYTES, List.of(), HttpClient.Version.HTTP_2, Clock.systemUTC());
    }

    public Options withTrustedCerts(List<X509Certificate> certs) {
      return new Options(maxBodyBytes, certs, version, clock);
    }

    public Options withMaxBodyBytes(int bytes) {
      return new Options(bytes, trustedCerts, version, clock);
    }

    public Options withClock(Clock c) {
      return new Options(maxBodyBytes, trustedCerts, version, c);
    }
  }

  /** One request: method, absolute http(s) URL, headers, body (null for none), timeout for the whole exchange. */
  public record HttpCall(String method, String url, Map<String, String> headers, String body, Duration timeout) {
    public HttpCall {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("a call needs a positive timeout");
    }
  }

  private final Options options;
  private final ExecutorService executor;
  private final HttpClient client;
  private final TlsInspector inspector;

  public HttpAdapter() {
    this(Options.defaults());
  }

  public HttpAdapter(Options options) {
    this.options = options;
    Trust trust = Trust.of(options.trustedCerts());
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.client = HttpClient.newBuilder()
        .executor(executor)
        .version(options.version())
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(trust.sslContext())
        .build();
    this.inspector = new TlsInspector(trust, options.clock());
  }

  public HttpResult get(String url, Map<String, String> headers, Duration timeout) {
    return send(new HttpCall("GET", url, headers, null, timeout));
  }

  public HttpResult head(String url, Map<String, String> headers, Duration timeout) {
    return send(new HttpCall("HEAD", url, headers, null, timeout));
  }

  public HttpResult post(String url, Map<String, String> headers, String body, Duration timeout) {
    return send(new HttpCall("POST", url, headers, body == null ? "" : body, timeout));
  }

  /**
   * Sends one request and waits for the whole response, at most {@code call.timeout()} in all
   * (connect, headers and body): a server that sends headers and then stalls times out too.
   */
  public HttpResult send(HttpCall call) {
    long start = System.nanoTime();
    URI uri;
    HttpRequest request;
    try {
      uri = parse(call.url());
      var builder = HttpRequest.newBuilder(uri).timeout(call.timeout())
          .method(call.method().toUpperCase(Locale.ROOT), call.body() == null
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
      call.headers().forEach((name, value) -> header(builder, name, value));
      request = builder.build();
    } catch (IllegalArgumentException e) {
      return HttpResult.failed(call.method(), call.url(), since(start), new HttpFailure(HttpFailure.Kind.INVALID, e.getMessage()));
    }
    CompletableFuture<HttpResponse<CappedBody.Bytes>> pending =
        client.sendAsync(request, info -> new CappedBody(options.maxBodyBytes()));
    try {
      HttpResponse<CappedBody.Bytes> response = pending.get(call.timeout().toNanos(), TimeUnit.NANOSECONDS);
      CappedBody.Bytes bytes = response.body();
      Charset charset = charsetOf(response.headers().firstValue("content-type").orElse(""));
      return new HttpResult(call.method(), call.url(), response.statusCode(), versionName(response.version()), response.headers().map(),
          new String(bytes.data(), charset), bytes.truncated(), since(start), null);
    } catch (ExecutionException | TimeoutException e) {
      pending.cancel(true);
      return HttpResult.failed(call.method(), call.url(), since(start), Failures.classify(e, uri.getHost(), port(uri), call.timeout()));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return HttpResult.failed(call.method(), call.url(), since(start), new HttpFailure(HttpFailure.Kind.IO, "interrupted while waiting for " + call.url()));
    }
  }

  /** The certificate {@code host:port} presents, whether it is trusted, and how long it is valid. */
  public TlsResult tlsCertificate(String host, int port, Duration timeout) {
    if (host == null || host.isBlank() || port < 1 || port > 65_535) {
      return TlsResult.failed(host, port, Duration.ZERO, new HttpFailure(HttpFailure.Kind.INVALID, "expected a host and a port 1-65535, got `" + host + ":" + port + "`"));
    }
    return inspector.inspect(host, port, timeout);
  }

  /** Waits a little for calls in flight, then aborts them: a run that ends does not wait for a stalled server. */
  @Override
  public void close() {
    client.shutdown();
    try {
      if (!client.awaitTermination(Duration.ofSeconds(2))) client.shutdownNow();
    } catch (InterruptedException e) {
      client.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  private static URI parse(String url) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("the URL is empty");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("`" + url + "` is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("`" + url + "` is not an http:// or https:// URL");
    }
    if (uri.getHost() == null) throw new IllegalArgumentException("`" + url + "` has no host");
    return uri;
  }

  private static void header(HttpRequest.Builder builder, String name, String value) {
    try {
      builder.header(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("header `" + name + "` cannot be set: " + e.getMessage());
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) return uri.getPort();
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static Charset charsetOf(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1));
      } catch (IllegalArgumentException unsupported) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String versionName(HttpClient.Version v) {
    return v == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
