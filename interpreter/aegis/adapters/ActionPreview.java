package aegis.adapters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a write would do, worked out during a plan without changing anything.
 *
 * @param target      what is changed, e.g. {@code "pg aegisshield"} or {@code "k8s Deployment aegisshield-prod/api-gateway"}
 * @param operation   {@code create}, {@code update}, {@code delete}, {@code noop}, or a verb such as {@code "VACUUM ANALYZE"}
 * @param description one line for people, e.g. "VACUUM ANALYZE aegisshield: 14 tables, 3 never vacuumed"
 * @param live        the live state read now (null when there is none), secrets already redacted
 * @param desired     the state after the call (null when not applicable), secrets already redacted
 */
public record ActionPreview(String target, String operation, String description, JsonNode live, JsonNode desired) {}
