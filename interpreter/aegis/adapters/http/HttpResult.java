package aegis.adapters.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to one HTTP call, or why there was none. A response with any status (a 503 is an
 * answer) has {@code error == null}; a call that got no response has {@code status == 0}, no
 * headers, an empty body and an {@link HttpFailure}.
 *
 * @param method        {@code GET}, {@code HEAD}, {@code POST}
 * @param url           as requested
 * @param status        HTTP status, or 0 when there was no response
 * @param version       from the status line ({@code HTTP/1.1}), or null when there was no response
 * @param headers       response headers, names in lowercase
 * @param body          the body decoded with the response's charset (UTF-8 when none is given),
 *                      at most {@link HttpAdapter.Options#maxBodyBytes} bytes of it
 * @param bodyTruncated the body was longer than that and has been cut
 * @param latency       from sending the request to the end of the body (or to the failure)
 */
public record HttpResult(String method, String url, int status, String version, Map<String, List<String>> headers, String body,
                         boolean bodyTruncated, Duration latency, HttpFailure error) {
  public HttpResult {
    var copy = new TreeMap<String, List<String>>();
    if (headers != null) headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
    body = body == null ? "" : body;
  }

  static HttpResult failed(String method, String url, Duration latency, HttpFailure error) {
    return new HttpResult(method, url, 0, null, Map.of(), "", false, latency, error);
  }

  /** A response with a 2xx status. */
  public boolean ok() {
    return error == null && status >= 200 && status < 300;
  }

  public boolean failed() {
    return error != null;
  }

  /** The first value of a response header (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
