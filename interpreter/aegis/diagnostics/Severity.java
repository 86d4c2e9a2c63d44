package aegis.diagnostics;

/** How bad a diagnostic is. Errors stop a runbook from being planned; warnings do not. */
public enum Severity {
  ERROR, WARNING, INFO;

  public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
