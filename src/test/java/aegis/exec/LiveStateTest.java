package aegis.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What of a live read makes a saved plan stale, and what changes on its own. */
class LiveStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode response(String date, String body, long latencyMs) throws Exception {
    return JSON.readTree("""
        {"method":"GET","url":"http://svc/health","status":200,
         "headers":{"content-type":"text/plain","date":"%s","etag":"v1"},"body":"%s","latency":"%dms"}
        """.formatted(date, body, latencyMs));
  }

  @Test
  void theDateAndLatencyOfAnAnswerDoNotMakeAPlanStale() throws Exception {
    assertEquals(LiveState.stable(response("Fri, 27 Nov 2026 10:00:00 GMT", "ok", 12)),
        LiveState.stable(response("Fri, 27 Nov 2026 10:00:01 GMT", "ok", 30)));
  }

  @Test
  void whatTheServerAnswersDoes() throws Exception {
    assertNotEquals(LiveState.stable(response("Fri, 27 Nov 2026 10:00:00 GMT", "ok", 12)),
        LiveState.stable(response("Fri, 27 Nov 2026 10:00:00 GMT", "degraded", 12)));
    var stable = LiveState.stable(response("Fri, 27 Nov 2026 10:00:00 GMT", "ok", 12));
    assertEquals("v1", stable.path("headers").path("etag").asText(), "other headers are state");
  }
}
