package aegis.adapters.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code http} module's built-ins: {@code http.get}, {@code http.head}, {@code http.post} and
 * TLS certificate inspection, over {@link HttpTransport} (HTTP/1.1); one adapter, with the trust
 * of the run's environment, serves a whole run. Every call returns a result — a response of any
 * status, or a typed {@link HttpFailure} — and never throws for network trouble. Redirects are
 * not followed: a 301 is the answer (a health endpoint that redirects is misconfigured, and a
 * check should say so).
 */
public final class HttpAdapter {
  /** Bodies are kept up to 1 MiB unless configured otherwise; longer ones are cut and flagged. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  /**
   * How the adapter behaves.
   *
   * @param maxBodyBytes     longest body kept, in bytes
   * @param trustedCerts     certificates trusted in addition to the JDK's roots (an internal CA)
   * @param clock            the time {@link TlsCertificate#daysLeft()} is counted from
   */
  public record Options(int maxBodyBytes, List<X509Certificate> trustedCerts, Clock clock) {
    public Options {
      if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must not be negative");
      trustedCerts = List.copyOf(trustedCerts);
    }

    public static Options defaults() {
      return new Options(DEFAULT_MAX_BODY_BYTES, List.of(), Clock.systemUTC());
    }

    public Options withTrustedCerts(List<X509Certificate> certs) {
      return new Options(maxBodyBytes, certs, clock);
    }

    public Options withMaxBodyBytes(int bytes) {
      return new Options(bytes, trustedCerts, clock);
    }

    public Options withClock(Clock c) {
      return new Options(maxBodyBytes, trustedCerts, c);
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
  private final HttpTransport transport;
  private final TlsInspector inspector;

  public HttpAdapter() {
    this(Options.defaults());
  }

  public HttpAdapter(Options options) {
    this.options = options;
    Trust trust = Trust.of(options.trustedCerts());
    this.transport = new HttpTransport(trust.sslContext().getSocketFactory());
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
    HttpTransport.Request request;
    try {
      uri = parse(call.url());
      request = new HttpTransport.Request(call.method().toUpperCase(Locale.ROOT), uri, call.headers(),
          call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8), call.timeout());
    } catch (IllegalArgumentException e) {
      return HttpResult.failed(call.method(), call.url(), since(start), new HttpFailure(HttpFailure.Kind.INVALID, e.getMessage()));
    }
    try {
      HttpTransport.Response response = transport.send(request, options.maxBodyBytes());
      List<String> contentType = response.headers().get("content-type");
      Charset charset = charsetOf(contentType == null || contentType.isEmpty() ? "" : contentType.getFirst());
      return new HttpResult(call.method(), call.url(), response.status(), response.version(), response.headers(),
          new String(response.body(), charset), response.truncated(), since(start), null);
    } catch (IOException e) {
      return HttpResult.failed(call.method(), call.url(), since(start), Failures.classify(e, uri.getHost(), port(uri), call.timeout()));
    }
  }

  /** The certificate {@code host:port} presents, whether it is trusted, and how long it is valid. */
  public TlsResult tlsCertificate(String host, int port, Duration timeout) {
    if (host == null || host.isBlank() || port < 1 || port > 65_535) {
      return TlsResult.failed(host, port, Duration.ZERO, new HttpFailure(HttpFailure.Kind.INVALID, "expected a host and a port 1-65535, got `" + host + ":" + port + "`"));
    }
    return inspector.inspect(host, port, timeout);
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

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
