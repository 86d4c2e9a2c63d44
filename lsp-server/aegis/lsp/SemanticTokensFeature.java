package aegis.lsp;

import aegis.syntax.Tokens;
import aegis.types.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens: the lexer says what is a keyword, number, string, comment or operator; the
 * checker's symbols say what each name is (a param, a let, a function, a record, a module, a
 * field, an enum member), whether this is its declaration, and whether it comes from the stdlib.
 * A keyword used as a name ({@code vault.read}, {@code timeout:}) is coloured as the name.
 */
public final class SemanticTokensFeature {
  public static final List<String> TYPES = List.of("namespace", "type", "enum", "struct", "enumMember", "property",
      "function", "method", "parameter", "variable", "keyword", "string", "number", "comment", "operator",
      "typeParameter");
  public static final List<String> MODIFIERS = List.of("declaration", "readonly", "defaultLibrary", "documentation");

  private final StdlibFiles stdlib;

  public SemanticTokensFeature(StdlibFiles stdlib) { this.stdlib = stdlib; }

  public static SemanticTokensLegend legend() { return new SemanticTokensLegend(TYPES, MODIFIERS); }

  public SemanticTokens tokens(Analysis a) {
    var names = new HashMap<Integer, Symbol>();
    for (var e : a.program().symbols().entrySet()) {
      var span = SymbolAt.nameSpan(e.getKey());
      if (span.file() == a.source()) names.putIfAbsent(span.start(), e.getValue());
    }
    var data = new Encoder(a);
    for (var t : a.tokens()) {
      switch (t.kind()) {
        case IDENTIFIER, KEYWORD -> {
          var s = names.get(t.span().start());
          if (s != null) data.add(t, type(s), modifiers(s, t, a));
          else if (t.kind() == Tokens.Kind.KEYWORD) data.add(t, "keyword", 0);
        }
        case NUMBER, UNIT_NUMBER -> data.add(t, "number", 0);
        case STRING -> data.add(t, "string", 0);
        case COMMENT -> data.add(t, "comment", 0);
        case DOC_COMMENT -> data.add(t, "comment", bit("documentation"));
        case OPERATOR -> data.add(t, "operator", 0);
        default -> { }
      }
    }
    return new SemanticTokens(data.out);
  }

  private static String type(Symbol s) {
    return switch (s.kind()) {
      case MODULE -> "namespace";
      case RECORD -> "struct";
      case ENUM -> "enum";
      case ENUM_MEMBER -> "enumMember";
      case FIELD -> "property";
      case FUNCTION, EXTERN_FUNCTION, RUNBOOK -> "function";
      case PARAM, FUNCTION_PARAM, LAMBDA_PARAM -> "parameter";
      case LET, LOOP_VARIABLE -> "variable";
      case TYPE_PARAM -> "typeParameter";
      case BUILTIN_TYPE -> "type";
    };
  }

  private int modifiers(Symbol s, Tokens.Tok t, Analysis a) {
    int m = 0;
    if (s.span() != null && s.span().file() == a.source() && s.span().start() == t.span().start()) m |= bit("declaration");
    if (switch (s.kind()) {
      case LET, PARAM, FUNCTION_PARAM, LAMBDA_PARAM, LOOP_VARIABLE -> true;
      default -> false;
    }) {
      m |= bit("readonly");
    }
    if (s.span() == null || stdlib.moduleOf(s.span().file()) != null) m |= bit("defaultLibrary");
    return m;
  }

  private static int bit(String modifier) { return 1 << MODIFIERS.indexOf(modifier); }

  /** LSP's relative encoding; tokens spanning lines are cut at line ends (editors need one line each). */
  private static final class Encoder {
    final List<Integer> out = new ArrayList<>();
    final Analysis a;
    final Map<String, Integer> typeIndex = new HashMap<>();
    int lastLine;
    int lastChar;

    Encoder(Analysis a) {
      this.a = a;
      for (int i = 0; i < TYPES.size(); i++) typeIndex.put(TYPES.get(i), i);
    }

    void add(Tokens.Tok t, String type, int modifiers) {
      var text = a.source().text();
      int start = t.span().start();
      int end = t.span().end();
      while (start < end) {
        int lineEnd = start;
        while (lineEnd < end && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') lineEnd++;
        if (lineEnd > start) emit(start, lineEnd - start, typeIndex.get(type), modifiers);
        start = lineEnd;
        while (start < end && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) start++;
      }
    }

    private void emit(int offset, int length, int type, int modifiers) {
      int line = a.source().line(offset) - 1;
      int col = a.source().utf16Column(offset);
      out.add(line - lastLine);
      out.add(line == lastLine ? col - lastChar : col);
      out.add(length);
      out.add(type);
      out.add(modifiers);
      lastLine = line;
      lastChar = col;
    }
  }
}
