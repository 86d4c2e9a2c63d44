package aegis.adapters.notify;

import aegis.eval.Value;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The core records a checked runbook would pass to the notify module. */
final class NotifyValues {
  private NotifyValues() {}

  static Value.Rec rec(String type, Object... namesAndValues) {
    var fields = new LinkedHashMap<String, Value>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      var v = namesAndValues[i + 1];
      fields.put((String) namesAndValues[i], v instanceof String s ? new Value.Str(s) : (Value) v);
    }
    return new Value.Rec(type, fields);
  }

  static Value.Rec envCredential(String variable) {
    return rec("Credential", "vaultPath", Value.Null.INSTANCE, "key", "password", "envVar", variable);
  }

  static Value.Rec smtp(int port, String user, Value password, boolean startTls) {
    return rec("SmtpEndpoint", "host", "127.0.0.1", "port", new Value.Int(port), "from", "aegis@aegisshield.com",
        "startTls", Value.Bool.of(startTls), "user", user == null ? Value.Null.INSTANCE : new Value.Str(user),
        "password", password);
  }

  static Value.Rec slack(String webhookVariable) {
    return rec("SlackSettings", "webhook", envCredential(webhookVariable), "productionChannel", "#aegisshield-production",
        "alertsChannel", "#aegisshield-alerts", "oncallChannel", "#aegisshield-oncall");
  }

  static Value list(String... items) {
    return new Value.ListV(List.of(items).stream().map(s -> (Value) new Value.Str(s)).toList());
  }

  static Value.Rec level(Duration response, List<String> path, List<String> contacts, String channel, boolean page, boolean businessHours) {
    return rec("EscalationLevel", "responseTime", new Value.Dur(response), "path", list(path.toArray(String[]::new)),
        "contacts", list(contacts.toArray(String[]::new)), "slackChannel", channel, "page", Value.Bool.of(page),
        "businessHoursOnly", Value.Bool.of(businessHours));
  }

  /** The guide's escalation matrix. */
  static Value.Rec escalation() {
    return rec("Escalation",
        "critical", level(Duration.ofMinutes(15), List.of("On-call", "Team Lead", "Manager"),
            List.of("devops@aegisshield.com", "engineering-manager@aegisshield.com"), "#aegisshield-oncall", true, false),
        "high", level(Duration.ofHours(1), List.of("On-call", "Team Lead"), List.of("devops@aegisshield.com"),
            "#aegisshield-oncall", false, false),
        "medium", level(Duration.ofHours(4), List.of("Team"), List.of("dev-team@aegisshield.com"), "#aegisshield-alerts", false, true),
        "low", level(Duration.ofHours(24), List.of("Team"), List.of(), "#aegisshield-alerts", false, true),
        "oncallPhone", "+1-800-AEGIS-OPS");
  }

  /** An Environment with just the fields escalation reads (records carry only what a test needs). */
  static Value.Rec environment(Value.Rec smtp, Value.Rec slack) {
    return rec("Environment", "name", "production", "smtp", smtp, "slack", slack, "escalation", escalation());
  }

  static Value severity(String member) { return new Value.EnumV("notify.Severity", member); }

  static Map<String, String> secrets(String... pairs) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
    return map;
  }
}
