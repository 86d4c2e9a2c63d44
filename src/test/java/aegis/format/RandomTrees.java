package aegis.format;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.StringPart;
import aegis.syntax.ast.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random syntax trees of the shape the parser builds (no docs, no error nodes, constant strings
 * where the language wants them), for the formatter's property test. Spans all point at an empty
 * file: the formatter must not need the source to print a tree.
 */
final class RandomTrees {
  private static final SourceFile NOWHERE = SourceFile.virtual("random.aegis", "");
  private static final Span SPAN = new Span(NOWHERE, 0, 0);
  private static final String[] NAMES = {"a", "b", "env", "svc", "x", "pods", "k8s", "value_2", "_tmp"};
  /** Member names may be words that are keywords elsewhere. */
  private static final String[] MEMBERS = {"name", "status", "read", "timeout", "run", "if", "phase", "with"};
  private static final String[] TYPES = {"Int", "String", "Bool", "Duration", "Pod", "Environment"};
  private static final String[] UNITS = {"ms", "s", "m", "h", "d", "Gi", "Mi", "k"};
  private static final String STRING_CHARS = "ab \"\\${}\n\t\r_é";

  private final Random random;
  private int budget;

  RandomTrees(long seed, int size) {
    this.random = new Random(seed);
    this.budget = size;
  }

  AegisFile file() {
    Header header = switch (random.nextInt(3)) {
      case 0 -> new Header.Runbook(null, id(), random.nextBoolean() ? constantString() : null, SPAN);
      case 1 -> new Header.Module(null, id(), SPAN);
      default -> new Header.Environment(null, id(), SPAN);
    };
    List<ImportDecl> imports = this.<ImportDecl>list(3, () -> random.nextBoolean()
        ? new ImportDecl.Module(id(), random.nextBoolean() ? id() : null, SPAN)
        : new ImportDecl.File(constantString(), id(), SPAN));
    var decls = list(6, this::decl);
    return new AegisFile(NOWHERE, header, imports, decls, SPAN);
  }

  private Decl decl() {
    return switch (random.nextInt(10)) {
      case 0 -> new Decl.Param(null, id(), type(2), random.nextBoolean() ? expr(3) : null, SPAN);
      case 1 -> new Decl.Window(expr(2), SPAN);
      case 2 -> new Decl.OnFailure(block(2), SPAN);
      case 3 -> new Decl.Finally(block(2), SPAN);
      case 4 -> new Decl.Record(null, id(), list(3, () -> new FieldDecl(null, new Ident(member(), SPAN), type(2),
          random.nextBoolean() ? expr(2) : null, SPAN)), SPAN);
      case 5 -> new Decl.Enum(null, id(), distinctIds(4), SPAN);
      case 6 -> new Decl.ExternFn(null, Effect.values()[random.nextInt(4)], new Ident(member(), SPAN), distinctIds(2), params(),
          random.nextBoolean() ? type(2) : null, SPAN);
      case 7 -> new Decl.Fn(null, new Ident(member(), SPAN), distinctIds(2), params(), random.nextBoolean() ? type(2) : null, expr(3), SPAN);
      default -> stmt(2);
    };
  }

  private List<ParamSpec> params() {
    return list(3, () -> new ParamSpec(new Ident(member(), SPAN), type(2), random.nextInt(3) == 0 ? expr(2) : null, SPAN));
  }

  private Stmt.Block block(int depth) {
    return new Stmt.Block(depth <= 0 ? List.of() : list(3, () -> stmt(depth - 1)), SPAN);
  }

  private Stmt stmt(int depth) {
    budget--;
    return switch (random.nextInt(depth <= 0 || budget <= 0 ? 5 : 11)) {
      case 0 -> new Stmt.Let(null, id(), random.nextBoolean() ? type(2) : null, expr(3), SPAN);
      case 1 -> new Stmt.Check(expr(3), random.nextBoolean() ? Stmt.CheckSeverity.FAIL : Stmt.CheckSeverity.WARN, expr(2), SPAN);
      case 2 -> new Stmt.Approve(expr(2), SPAN);
      case 3 -> new Stmt.Fail(expr(2), SPAN);
      case 4 -> new Stmt.ExprStmt(statementCall(), SPAN);
      case 5 -> new Stmt.Step(null, string(1), stepOptions(), block(depth - 1), SPAN);
      case 6 -> new Stmt.For(id(), expr(2), random.nextBoolean() ? args(2) : null, block(depth - 1), SPAN);
      case 7 -> ifStmt(depth);
      case 8 -> new Stmt.Wait(expr(2), expr(1), expr(1), SPAN);
      case 9 -> new Stmt.Run(id(), args(2), SPAN);
      default -> new Stmt.Report(string(1), expr(2), SPAN);
    };
  }

  private Stmt.If ifStmt(int depth) {
    var otherwise = switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> block(depth - 1);
      default -> ifStmt(depth - 1);
    };
    return new Stmt.If(expr(3), block(depth - 1), otherwise, SPAN);
  }

  private List<StepOption> stepOptions() {
    return list(2, () -> random.nextBoolean() ? new StepOption.Timeout(unit(), SPAN) : new StepOption.Retry(args(2), SPAN));
  }

  /**
   * A call for an expression statement. Statements are not separated by line breaks, so a statement
   * may not start with what could continue the one before ({@code (}, {@code [}, {@code -}).
   */
  private Expr statementCall() {
    Expr callee = random.nextBoolean() ? name() : new Expr.Field(name(), new Ident(member(), SPAN), false, SPAN);
    return new Expr.Call(callee, args(2), SPAN);
  }

  private List<Arg> args(int depth) {
    return list(4, () -> new Arg(random.nextBoolean() ? new Ident(member(), SPAN) : null, expr(depth), SPAN));
  }

  Expr expr(int depth) {
    budget--;
    if (depth <= 0 || budget <= 0) return leaf();
    return switch (random.nextInt(13)) {
      case 0 -> new Expr.Field(expr(depth - 1), new Ident(member(), SPAN), random.nextBoolean(), SPAN);
      case 1 -> new Expr.Call(expr(depth - 1), args(depth - 1), SPAN);
      case 2 -> new Expr.Index(expr(depth - 1), expr(depth - 1), SPAN);
      case 3 -> new Expr.Unary(random.nextBoolean() ? Expr.UnaryOp.NOT : Expr.UnaryOp.NEG, expr(depth - 1), SPAN);
      case 4, 5, 6 -> new Expr.Binary(Expr.BinaryOp.values()[random.nextInt(Expr.BinaryOp.values().length)],
          expr(depth - 1), expr(depth - 1), SPAN);
      case 7 -> new Expr.If(expr(depth - 1), expr(depth - 1), expr(depth - 1), SPAN);
      case 8 -> new Expr.Lambda(distinctIds(3), expr(depth - 1), SPAN);
      case 9 -> new Expr.ListLit(list(4, () -> expr(depth - 1)), SPAN);
      case 10 -> new Expr.MapLit(list(3, () -> new Expr.MapEntry(expr(depth - 1), expr(depth - 1), SPAN)), SPAN);
      default -> string(depth - 1);
    };
  }

  private Expr leaf() {
    return switch (random.nextInt(8)) {
      case 0 -> new Expr.IntLit(random.nextInt(3) == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextInt(1000), SPAN);
      case 1 -> new Expr.FloatLit(random.nextInt(100_000) / 64.0, SPAN);
      case 2 -> unit();
      case 3 -> new Expr.BoolLit(random.nextBoolean(), SPAN);
      case 4 -> new Expr.NullLit(SPAN);
      case 5 -> constantString();
      default -> name();
    };
  }

  private Expr unit() {
    var number = random.nextBoolean() ? String.valueOf(random.nextInt(5000)) : random.nextInt(100) + "." + random.nextInt(100);
    return new Expr.UnitLit(number, UNITS[random.nextInt(UNITS.length)], SPAN);
  }

  private Expr.StringLit constantString() {
    boolean multiline = random.nextInt(4) == 0;
    var text = text();
    return new Expr.StringLit(text.isEmpty() ? List.of() : List.of(new StringPart.Text(text, SPAN)), multiline, SPAN);
  }

  /** A string with text and interpolations alternating, as the parser splits them. */
  private Expr.StringLit string(int depth) {
    var parts = new ArrayList<StringPart>();
    int n = random.nextInt(4);
    boolean text = random.nextBoolean();
    for (int i = 0; i < n; i++, text = !text) {
      if (text) {
        String t = text();
        if (!t.isEmpty()) parts.add(new StringPart.Text(t, SPAN));
      } else {
        parts.add(new StringPart.Interpolation(expr(depth), SPAN));
      }
    }
    return new Expr.StringLit(parts, random.nextInt(4) == 0, SPAN);
  }

  private String text() {
    var sb = new StringBuilder();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) sb.append(STRING_CHARS.charAt(random.nextInt(STRING_CHARS.length())));
    return sb.toString();
  }

  private TypeRef type(int depth) {
    if (depth <= 0 || random.nextInt(3) > 0) {
      var named = new TypeRef.Named(random.nextInt(4) == 0 ? List.of(id(), id()) : List.of(typeName()),
          depth <= 0 ? List.of() : list(2, () -> type(depth - 1)), SPAN);
      return random.nextInt(4) == 0 ? new TypeRef.Optional(named, SPAN) : named;
    }
    return new TypeRef.Function(list(2, () -> type(depth - 1)), type(depth - 1), SPAN);
  }

  private Ident typeName() { return new Ident(TYPES[random.nextInt(TYPES.length)], SPAN); }

  private Expr name() { return new Expr.Name(NAMES[random.nextInt(NAMES.length)], SPAN); }

  private Ident id() { return new Ident(NAMES[random.nextInt(NAMES.length)], SPAN); }

  private String member() { return MEMBERS[random.nextInt(MEMBERS.length)]; }

  private List<Ident> distinctIds(int max) {
    var names = new LinkedHashSet<String>();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) names.add(NAMES[random.nextInt(NAMES.length)]);
    return names.stream().map(s -> new Ident(s, SPAN)).toList();
  }

  private <T> List<T> list(int max, Supplier<T> item) {
    int n = budget <= 0 ? 0 : random.nextInt(max + 1);
    var out = new ArrayList<T>();
    for (int i = 0; i < n; i++) out.add(item.get());
    return out;
  }
}
