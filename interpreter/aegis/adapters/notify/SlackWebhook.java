package aegis.adapters.notify;

import aegis.adapters.AdapterException;
import aegis.adapters.http.HttpTransport;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts messages to a Slack-compatible incoming webhook: {@code POST} of
 * {@code {"channel": ..., "text": ...}} as JSON, as Slack, Mattermost and Rocket.Chat accept it.
 * The webhook URL is a credential (whoever holds it can post), so no message names it: failures
 * say where the URL came from instead.
 */
public final class SlackWebhook {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REPLY = 200;
  /** Of a reply, only the start can be quoted; the rest is not read. */
  private static final int MAX_REPLY_BYTES = 64 * 1024;

  private final Value.Secret url;
  private final String origin;

  /** @param origin where the URL came from, for messages, e.g. "environment variable SLACK_WEBHOOK" */
  public SlackWebhook(Value.Secret url, String origin) {
    this.url = url;
    this.origin = origin;
  }

  public void post(String channel, String text, Duration timeout) {
    var what = "posting to " + channel + " through the Slack webhook from " + origin;
    var body = JSON.createObjectNode().put("channel", channel).put("text", text).toString();
    var request = new HttpTransport.Request("POST", uri(what), Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8), timeout);
    HttpTransport.Response response;
    try {
      response = HttpTransport.JDK_TRUST.send(request, MAX_REPLY_BYTES);
    } catch (SocketTimeoutException e) {
      throw new AdapterException("slack", what + " failed: no answer in time");
    } catch (ConnectException e) {
      throw new AdapterException("slack", what + " failed: connection refused");
    } catch (IOException e) {
      // IOException texts can carry the URL; its class says enough.
      throw new AdapterException("slack", what + " failed: " + e.getClass().getSimpleName());
    }
    if (response.status() / 100 != 2) {
      throw new AdapterException("slack", what + " failed: the webhook answered HTTP " + response.status() + reply(new String(response.body(), StandardCharsets.UTF_8)));
    }
  }

  private URI uri(String what) {
    try {
      var uri = new URI(url.reveal());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // reported below, without the URL
    }
    throw new AdapterException("slack", what + " failed: the webhook URL is not an http:// or https:// URL");
  }

  /** Slack answers a short reason such as {@code channel_not_found}; anything quoting the URL is dropped. */
  private String reply(String body) {
    var text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (text.isEmpty() || text.contains(url.reveal()) || containsPath(text)) return "";
    return ": " + (text.length() > MAX_REPLY ? text.substring(0, MAX_REPLY) + "…" : text);
  }

  private boolean containsPath(String text) {
    var path = URI.create(url.reveal()).getPath();
    return path != null && path.length() > 1 && text.contains(path);
  }
}
