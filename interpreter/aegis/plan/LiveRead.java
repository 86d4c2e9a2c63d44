package aegis.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A read the plan made of live state, fingerprinted so apply can read again and compare.
 * The result itself is not kept (it may be large or secret), only its salted hash.
 *
 * @param call         the built-in: {@code pg.query}, {@code k8s.get}
 * @param args         its arguments as JSON, secrets already replaced by the sensitive marker
 * @param resultSha256 {@link Fingerprints#of} of the part of the result that must not change before
 *                     apply (adapters leave out what always changes: latency, resourceVersion, status)
 * @param location     where the call is in the runbook: {@code daily-check.aegis:14:13}
 */
public record LiveRead(String call, JsonNode args, String resultSha256, String location) {
  public LiveRead {
    if (call == null || call.isBlank()) throw new IllegalArgumentException("a live read needs a call");
    if (resultSha256 == null) throw new IllegalArgumentException("live read " + call + " needs a result hash");
    args = PlannedAction.orNull(args);
  }

  /** A read of {@code call(args)} that returned {@code result}, hashed for the plan {@code fp}. */
  public static LiveRead of(String call, JsonNode args, JsonNode result, String location, Fingerprints fp) {
    return new LiveRead(call, args, fp.of(result), location);
  }

  /** Identity of the read: the same call with the same arguments. */
  String key() {
    return call + Fingerprints.canonical(args);
  }

  /** {@code pg.query(["aegisshield","SELECT 1"])}, cut to {@code max} characters. */
  public String describe(int max) {
    String a = args == null ? "" : args.isArray() ? Fingerprints.canonical(args).replaceAll("^\\[|\\]$", "") : Fingerprints.canonical(args);
    String text = call + "(" + a + ")";
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
