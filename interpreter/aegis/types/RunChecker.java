package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code run NAME(args)}: finds {@code NAME.aegis} (or the name with {@code _} as {@code -}) next to
 * the runbook, checks it, and checks the arguments against its params. Its effect joins the caller's.
 */
final class RunChecker {
  private final FileContext fc;
  private final ExprChecker exprs;

  RunChecker(FileContext fc, ExprChecker exprs) {
    this.fc = fc;
    this.exprs = exprs;
  }

  void run(Stmt.Run r, Ctx ctx) {
    String name = r.runbook().name();
    var files = new LinkedHashSet<String>(List.of(name + ".aegis", name.replace('_', '-') + ".aegis"));
    Session.Loaded found = null;
    String foundFile = null;
    for (var file : files) {
      var loaded = fc.session.runbook(fc.source, file);
      if (loaded instanceof Session.Missing) continue;
      found = loaded;
      foundFile = file;
      break;
    }
    switch (found) {
      case null -> {
        var near = Suggestions.didYouMean(name, fc.session.siblingRunbooks(fc.source));
        fc.add(Diagnostic.of(Code.AEG213, r.runbook().span(), name,
            String.join(" and ", files.stream().map(f -> "`" + f + "`").toList())).withHint(near));
        loose(r, ctx);
      }
      case Session.Failed f -> {
        fc.error(f.problem().code(), r.runbook().span(), "cannot run `" + foundFile + "`: " + Session.reason(f.problem()),
            f.problem().hints().toArray(String[]::new));
        loose(r, ctx);
      }
      case Session.Recursive rec -> {
        fc.facts.runs.put(r, new CheckedProgram.RunTarget(name, rec.path(), null));
        loose(r, ctx);
      }
      case Session.Checked c -> target(r, c.program(), foundFile, ctx);
      case Session.Missing m -> loose(r, ctx);
    }
  }

  private void target(Stmt.Run r, CheckedProgram target, String file, Ctx ctx) {
    if (target.kind() != Header.Kind.RUNBOOK) {
      fc.error(Code.AEG213, r.runbook().span(), "`" + file + "` is " + (target.kind() == Header.Kind.MODULE
          ? "a module" : "an environment") + ", not a runbook");
      loose(r, ctx);
      return;
    }
    String name = r.runbook().name();
    var header = target.ast().header();
    fc.bind(r.runbook(), new Symbol(Symbol.Kind.RUNBOOK, name, Type.UNIT, header == null ? null : header.doc(),
        header == null ? null : header.name().span(), null, target.effect(), null, header));
    fc.facts.runs.put(r, new CheckedProgram.RunTarget(name, target.source().path(), target));
    var given = new HashSet<String>();
    boolean rejected = false;
    for (var arg : r.args()) {
      if (arg.name() == null) {
        rejected = true;
        fc.error(Code.AEG206, arg.span(), "runbook arguments are named: `run " + name + "(param: value)`");
        exprs.check(arg.value(), null, ctx);
        continue;
      }
      String p = arg.name().name();
      var param = target.params().stream().filter(s -> s.name().equals(p)).findFirst().orElse(null);
      if (param == null) {
        rejected = true;
        var names = target.params().stream().map(Symbol::name).toList();
        var near = Suggestions.didYouMean(p, names);
        if (near == null) {
          near = names.isEmpty() ? "`" + name + "` has no params"
              : "its params are " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
        }
        fc.add(Diagnostic.of(Code.AEG206, arg.name().span(), "runbook `" + name + "` has no param `" + p + "`")
            .withHint(near));
        exprs.check(arg.value(), null, ctx);
      } else if (!given.add(p)) {
        fc.error(Code.AEG206, arg.span(), "argument `" + p + "` is given twice");
      } else {
        fc.bind(arg.name(), param);
        exprs.expect(arg.value(), param.type(), ctx, "param `" + p + "` of runbook `" + name + "`");
      }
    }
    var missing = new ArrayList<String>();
    for (var param : target.params()) {
      if (!given.contains(param.name()) && param.declaration() instanceof Decl.Param d && d.defaultValue() == null) {
        missing.add("`" + param.name() + "`");
      }
    }
    if (!missing.isEmpty() && !rejected) {
      fc.error(Code.AEG206, r.span(), "missing " + (missing.size() == 1 ? "argument " : "arguments ")
          + String.join(", ", missing) + " of runbook `" + name + "`");
    }
    ctx.effects().add(target.effect());
  }

  private void loose(Stmt.Run r, Ctx ctx) {
    for (var a : r.args()) exprs.check(a.value(), null, ctx);
  }
}
