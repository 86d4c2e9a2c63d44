package aegis.diagnostics;

/**
 * Every diagnostic aegis reports, with a stable code. Codes never change meaning once released:
 * {@code AEG1xx} syntax and files, {@code AEG2xx} names and types, {@code AEG3xx} plan and
 * adapters, {@code AEG4xx} execution. The template is a {@link String#format} pattern; the
 * summary is what {@code aegis check --explain} and the README list.
 */
public enum Code {
  // ------------------------------------------------------------ files and syntax
  AEG100(Severity.ERROR, "file cannot be read", "%s"),
  AEG101(Severity.ERROR, "syntax error", "%s"),
  AEG102(Severity.ERROR, "unterminated string", "this string is not closed before the end of the line"),
  AEG103(Severity.ERROR, "invalid escape", "unknown escape sequence `%s` in a string"),
  AEG104(Severity.ERROR, "unknown unit", "`%s` has an unknown unit `%s`"),
  AEG105(Severity.ERROR, "invalid number", "`%s` is not a valid number: %s"),
  AEG106(Severity.ERROR, "not UTF-8", "the file is not valid UTF-8 (first bad byte at offset %d)"),
  AEG107(Severity.ERROR, "file too large", "the file is %s; aegis reads source files up to %s"),
  AEG108(Severity.ERROR, "binary file", "the file looks binary (it contains a NUL byte), not aegis source"),
  AEG109(Severity.ERROR, "missing header", "the file does not start with `runbook NAME`, `module NAME` or `environment NAME`"),
  AEG110(Severity.ERROR, "declaration not allowed here", "%s"),
  AEG111(Severity.ERROR, "interpolation not allowed", "%s cannot contain `${...}`: it must be known before the runbook runs"),
  AEG112(Severity.ERROR, "nesting too deep", "%s nest too deeply here: aegis reads up to %d levels"),
  AEG113(Severity.ERROR, "cannot format", "%s"),

  // ------------------------------------------------------------ names and types
  AEG201(Severity.ERROR, "unknown name", "unknown name `%s`"),
  AEG202(Severity.ERROR, "type mismatch", "%s"),
  AEG203(Severity.ERROR, "unknown field", "%s has no field `%s`"),
  AEG204(Severity.ERROR, "unknown module", "unknown module `%s`"),
  AEG205(Severity.ERROR, "unknown type", "unknown type `%s`"),
  AEG206(Severity.ERROR, "bad arguments", "%s"),
  AEG207(Severity.ERROR, "not callable", "%s is not a function"),
  AEG208(Severity.ERROR, "secret interpolated", "a Secret cannot be interpolated into a string"),
  AEG209(Severity.ERROR, "secret disclosed", "%s"),
  AEG210(Severity.ERROR, "secret compared", "Secret values cannot be compared"),
  AEG211(Severity.ERROR, "duplicate declaration", "`%s` is already declared in this scope"),
  AEG212(Severity.ERROR, "effect outside a step", "`%s` %s; calls that change systems must be inside a `step`"),
  AEG213(Severity.ERROR, "unknown runbook", "no runbook `%s` next to this one (looked for %s)"),
  AEG214(Severity.ERROR, "optional value used directly", "%s may be null; use `?.` or `??`"),
  AEG215(Severity.WARNING, "unused", "%s `%s` is never used"),
  AEG216(Severity.WARNING, "unreachable code", "this code can never run: %s"),
  AEG217(Severity.ERROR, "file import failed", "%s"),
  AEG218(Severity.ERROR, "import cycle", "import cycle: %s"),
  AEG219(Severity.ERROR, "bad environment", "%s"),
  AEG220(Severity.ERROR, "bad option", "%s"),
  AEG221(Severity.ERROR, "nested step", "a step cannot contain another step; use a `for` or a separate runbook with `run`"),
  AEG222(Severity.ERROR, "cannot infer type", "%s"),
  AEG223(Severity.ERROR, "extern outside the standard library", "`extern fn %s` has no implementation: only stdlib modules may declare extern functions"),
  AEG224(Severity.ERROR, "invalid statement here", "%s"),
  AEG299(Severity.ERROR, "internal checker error", "the checker failed on this file (%s); please report this as a bug"),

  // ------------------------------------------------------------ plan and adapters
  AEG300(Severity.ERROR, "plan failed", "%s"),
  AEG301(Severity.ERROR, "bad input", "%s"),
  AEG302(Severity.ERROR, "unknown environment", "%s"),
  AEG303(Severity.ERROR, "adapter error", "%s"),
  AEG304(Severity.ERROR, "stale plan", "%s"),
  // runbooks from git (git+URL//path@ref)
  AEG310(Severity.ERROR, "bad git source", "%s"),
  AEG311(Severity.ERROR, "git remote unreachable", "%s"),
  AEG312(Severity.ERROR, "unknown git ref", "%s"),
  AEG313(Severity.ERROR, "not in the commit", "%s"),
  AEG314(Severity.ERROR, "signature refused", "%s"),

  // ------------------------------------------------------------ execution
  AEG400(Severity.ERROR, "step failed", "%s"),
  AEG401(Severity.ERROR, "check failed", "%s"),
  AEG402(Severity.WARNING, "check warned", "%s"),
  AEG403(Severity.ERROR, "timed out", "%s"),
  AEG404(Severity.ERROR, "locked", "%s"),
  AEG405(Severity.ERROR, "outside the change window", "%s"),
  AEG406(Severity.ERROR, "approval required", "%s");

  private final Severity severity;
  private final String summary;
  private final String template;

  Code(Severity severity, String summary, String template) {
    this.severity = severity;
    this.summary = summary;
    this.template = template;
  }

  public Severity defaultSeverity() { return severity; }

  /** A few words naming the problem, e.g. "unknown name". */
  public String summary() { return summary; }

  public String format(Object... args) {
    return args.length == 0 ? template : String.format(java.util.Locale.ROOT, template, args);
  }
}
