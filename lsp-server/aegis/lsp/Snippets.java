package aegis.lsp;

import java.util.List;

/** The keyword snippets completion offers where a statement or declaration may start. */
final class Snippets {
  /** Where a snippet fits. */
  enum Where { TOP_LEVEL, STATEMENT, STATEMENT_OUTSIDE_STEP, HEADER }

  record Snippet(String label, String detail, String body, Where where) {}

  static final List<Snippet> ALL = List.of(
      new Snippet("runbook", "runbook header", "runbook ${1:name} \"${2:title}\"\n$0", Where.HEADER),
      new Snippet("module", "module header", "module ${1:name}\n$0", Where.HEADER),
      new Snippet("environment", "environment header", "environment ${1:name}\n$0", Where.HEADER),
      new Snippet("import", "import a stdlib module", "import ${1:k8s}", Where.TOP_LEVEL),
      new Snippet("import file", "import a module file", "import \"${1:lib/common.aegis}\" as ${2:common}", Where.TOP_LEVEL),
      new Snippet("param", "runbook parameter", "param ${1:name}: ${2:String}", Where.TOP_LEVEL),
      new Snippet("window", "change window", "window ${1:env.deployWindow}", Where.TOP_LEVEL),
      new Snippet("on failure", "compensation when a step fails", "on failure {\n\t$0\n}", Where.TOP_LEVEL),
      new Snippet("finally", "runs whatever happened", "finally {\n\t$0\n}", Where.TOP_LEVEL),
      new Snippet("record", "record type", "record ${1:Name} {\n\t${2:field}: ${3:String}\n}", Where.TOP_LEVEL),
      new Snippet("enum", "enum type", "enum ${1:Name} { ${2:A}, ${3:B} }", Where.TOP_LEVEL),
      new Snippet("fn", "function", "fn ${1:name}(${2:x}: ${3:String}) -> ${4:String} = ${0:x}", Where.TOP_LEVEL),
      new Snippet("step", "step with a name", "step \"${1:name}\" {\n\t$0\n}", Where.STATEMENT_OUTSIDE_STEP),
      new Snippet("step timeout retry", "step with timeout and retry",
          "step \"${1:name}\" timeout ${2:10m} retry(attempts: ${3:3}, backoff: ${4:30s}) {\n\t$0\n}", Where.STATEMENT_OUTSIDE_STEP),
      new Snippet("let", "local value", "let ${1:name} = ${0}", Where.STATEMENT),
      new Snippet("for", "loop", "for ${1:x} in ${2:xs} {\n\t$0\n}", Where.STATEMENT),
      new Snippet("for parallel", "parallel loop", "for ${1:x} in ${2:xs} parallel(limit: ${3:8}) {\n\t$0\n}", Where.STATEMENT),
      new Snippet("if", "conditional", "if ${1:condition} {\n\t$0\n}", Where.STATEMENT),
      new Snippet("if else", "conditional with else", "if ${1:condition} {\n\t$2\n} else {\n\t$0\n}", Where.STATEMENT),
      new Snippet("check", "check, failing the step", "check ${1:condition} else fail \"${2:message}\"", Where.STATEMENT),
      new Snippet("check warn", "check, warning only", "check ${1:condition} else warn \"${2:message}\"", Where.STATEMENT),
      new Snippet("wait until", "poll until true", "wait until ${1:condition} every ${2:10s} timeout ${3:5m}", Where.STATEMENT),
      new Snippet("approve", "wait for a person", "approve \"${1:why}\"", Where.STATEMENT),
      new Snippet("run", "run another runbook", "run ${1:runbook}($0)", Where.STATEMENT),
      new Snippet("report", "table or value in the report", "report \"${1:title}\" ${0:rows}", Where.STATEMENT),
      new Snippet("fail", "stop with an error", "fail \"${1:message}\"", Where.STATEMENT));

  private Snippets() {}
}
