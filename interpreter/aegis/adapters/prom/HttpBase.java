package aegis.adapters.prom;

import aegis.adapters.AdapterException;
import java.net.URI;
import java.net.URISyntaxException;

/** A service's base URL, checked and without a trailing slash. */
final class HttpBase {
  private HttpBase() {}

  static String of(String url, String system, String name) {
    try {
      var uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return url.replaceAll("/+$", "");
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new AdapterException(system, "the " + name + " URL `" + url + "` is not an http:// or https:// URL");
  }
}
