package aegis.format;

import aegis.format.Attachments.Placement;
import aegis.syntax.Comment;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.StringPart;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides where each comment goes. The tree has no comments, so each one is attached to a node by
 * where it sits among the tokens:
 * <ul>
 *   <li>a block comment with code after it on its line stays inline, before the node that starts
 *       right after it (or after the node that ends right before it);</li>
 *   <li>a line comment with code before it on its line stays at the end of that line, after the
 *       node that ends there (after a list item it also keeps the list broken); a block comment
 *       there stays right after that node;</li>
 *   <li>a comment on its own line stays on its own line above the node that starts right after it;
 *       before a closing bracket it stays inside (the end of a block, a list, the file); before
 *       other punctuation (an operator, a comma) it ends the line before.</li>
 * </ul>
 * Every comment lands somewhere: the last resort is the end of the line of the enclosing node.
 */
final class CommentPlacer {
  private final AegisFile root;
  private final SourceText source;
  /** The outermost node starting at each offset. */
  private final TreeMap<Integer, Node> byStart = new TreeMap<>();
  /** The outermost node ending at each offset. */
  private final TreeMap<Integer, Node> byEnd = new TreeMap<>();
  private final Map<Node, Node> parents = new IdentityHashMap<>();
  private final Attachments out = new Attachments();

  private CommentPlacer(AegisFile root, SourceText source) {
    this.root = root;
    this.source = source;
    index(root, null);
  }

  static Attachments place(AegisFile root, List<Comment> comments, SourceText source) {
    var placer = new CommentPlacer(root, source);
    for (var c : comments) placer.place(c);
    return placer.out;
  }

  /** Children as the printer sees them: string parts are not nodes of their own, their expressions are. */
  static List<Node> kids(Node node) {
    var kids = new ArrayList<Node>();
    for (var child : node.children()) {
      if (child instanceof StringPart.Interpolation i) kids.add(i.expr());
      else if (!(child instanceof StringPart)) kids.add(child);
    }
    return kids;
  }

  private void index(Node node, Node parent) {
    if (parent != null) {
      parents.put(node, parent);
      byEnd.putIfAbsent(node.span().end(), node);
      byStart.putIfAbsent(node.span().start(), node);
    }
    for (var kid : kids(node)) index(kid, node);
  }

  private void place(Comment c) {
    int start = c.span().start();
    int end = c.span().end();
    int prev = source.codeBefore(start);
    int next = source.codeAfter(end);
    boolean codeBefore = prev >= 0 && source.sameLine(prev, start);
    boolean codeAfter = next < source.length() && source.sameLine(end, next);
    boolean block = c.text().startsWith("/*");

    Node enclosing = enclosing(start, end);
    Node following = next < end(enclosing) ? byStart.get(next) : null;
    Node preceding = prev > start(enclosing) ? byEnd.get(prev) : null;
    // The first node after the comment inside the same node, past any punctuation or keyword.
    var after = byStart.ceilingEntry(next);
    Node below = after != null && after.getKey() < end(enclosing) ? after.getValue() : null;

    if (block && codeAfter && following != null) {
      add(following, c, Placement.BEFORE);
    } else if (block && codeAfter && preceding != null && codeBefore) {
      add(preceding, c, Placement.AFTER);
    } else if (codeBefore) {
      trailing(c, prev, enclosing, preceding, below);
    } else if (following != null) {
      add(following, c, Placement.OWN_LINE_BEFORE);
    } else {
      inside(enclosing, c, next, below);
    }
  }

  /** A comment with code before it on its line: it stays at the end of that line. */
  private void trailing(Comment c, int prev, Node enclosing, Node preceding, Node below) {
    if (preceding != null) {
      add(preceding, c, Placement.END_OF_LINE);
      return;
    }
    if (source.charAt(prev - 1) == ',') {
      var item = byEnd.get(source.codeBefore(prev - 1));
      if (item != null && isListItem(item)) {
        add(item, c, Placement.END_OF_LINE);
        return;
      }
    }
    if (opening(enclosing) == prev - 1) {
      out.add(enclosing, c, Placement.INSIDE_START, false);
      return;
    }
    // After a keyword or punctuation only: the comment is owed to the line of the code before it
    // (wherever that ends up), so that it is never queued behind a line break it came before. A doc
    // comment stays before the code after it instead: moved back past a keyword such as `param`,
    // it would come to document that declaration.
    var before = byEnd.floorEntry(c.span().start());
    if (c.doc() && below != null) {
      add(below, c, Placement.END_OF_LINE_BEFORE);
    } else if (before != null) {
      add(before.getValue(), c, Placement.END_OF_LINE, false);
    } else if (below != null) {
      add(below, c, Placement.END_OF_LINE_BEFORE);
    } else {
      add(enclosing, c, Placement.END_OF_LINE, false);
    }
  }

  /**
   * A comment on its own line before a token that starts no node: a closing bracket (it stays
   * inside), or punctuation such as an operator or a comma (it ends the line before, so that it
   * never moves past code into another line).
   */
  private void inside(Node enclosing, Comment c, int next, Node below) {
    boolean closing = enclosing == root ? next >= source.length() : closesWithBracket(enclosing) && next == end(enclosing) - 1;
    if (closing) {
      out.add(enclosing, c, Placement.INSIDE_END, false);
      return;
    }
    var before = byEnd.floorEntry(c.span().start());
    if (before != null && before.getKey() > start(enclosing)) {
      add(before.getValue(), c, Placement.END_OF_LINE);
    } else if (below != null) {
      add(below, c, Placement.OWN_LINE_BEFORE);
    } else {
      add(enclosing, c, Placement.END_OF_LINE, false);
    }
  }

  private void add(Node node, Comment c, Placement placement) { add(node, c, placement, true); }

  /**
   * Attaches a comment to the outermost node that prints starting (or, for comments after it,
   * ending) with {@code node}: in the source, parentheses may have stood in between, but once
   * printed without them the comment is next to that outer node, and must be placed the same way
   * the next time the output is formatted. {@code itemBreaks}: a comment ending the line of a list
   * item keeps the list broken.
   */
  private void add(Node node, Comment c, Placement requested, boolean itemBreaks) {
    // A block comment ends nothing: it stays right where it is instead of moving to the end of the
    // line (which, as later code joins the line, would make it an inline comment the next time).
    // Neither does a doc comment move: past code, it could come to document the next declaration.
    boolean inPlace = (c.text().startsWith("/*") || c.doc()) && node != root;
    var placement = !inPlace ? requested : switch (requested) {
      case END_OF_LINE -> Placement.AFTER;
      case END_OF_LINE_BEFORE -> Placement.BEFORE;
      default -> requested;
    };
    boolean after = placement == Placement.AFTER || placement == Placement.END_OF_LINE;
    Node n = node;
    for (var parent = parents.get(n); parent != null; parent = parents.get(n)) {
      if (after ? !Precedence.printedLast(parent, n) : !Precedence.printedFirst(parent, n)) break;
      n = parent;
    }
    out.add(n, c, placement, itemBreaks && placement == Placement.END_OF_LINE && isListItem(n));
  }

  /** The innermost node whose text strictly surrounds the comment. */
  private Node enclosing(int start, int end) {
    Node node = root;
    descend:
    while (true) {
      for (var kid : kids(node)) {
        if (kid.span().start() < start && end <= kid.span().end()) {
          node = kid;
          continue descend;
        }
      }
      return node;
    }
  }

  private int start(Node n) { return n == root ? -1 : n.span().start(); }

  private int end(Node n) { return n == root ? source.length() : n.span().end(); }

  /** Items of a bracketed list: a comment ending their line keeps the list one item per line. */
  private boolean isListItem(Node n) {
    if (n instanceof Arg || n instanceof Expr.MapEntry || n instanceof ParamSpec || n instanceof FieldDecl) return true;
    var parent = parents.get(n);
    return (parent instanceof Expr.ListLit && n instanceof Expr)
        || (parent instanceof Decl.Enum e && n instanceof Ident && e.name() != n);
  }

  private static boolean closesWithBracket(Node n) {
    return n instanceof Stmt.Block || n instanceof Decl.Record || n instanceof Decl.Enum || n instanceof Expr.ListLit
        || n instanceof Expr.MapLit || n instanceof Expr.Call || n instanceof Stmt.Run || n instanceof StepOption.Retry;
  }

  /**
   * Where the opening bracket of a node's items is ({@code {}, {@code [} or the {@code (} of a call's
   * arguments): comments right after it stay there. -1 for other nodes.
   */
  private int opening(Node n) {
    return switch (n) {
      case Stmt.Block b -> b.span().start();
      case Expr.ListLit l -> l.span().start();
      case Expr.MapLit m -> m.span().start();
      case Decl.Record r -> source.codeAfter(r.name().span().end());
      case Decl.Enum e -> source.codeAfter(e.name().span().end());
      case Expr.Call c -> c.args().isEmpty()
          ? source.codeBefore(source.codeBefore(c.span().end()) - 1) - 1
          : source.codeBefore(c.args().getFirst().span().start()) - 1;
      default -> -1;
    };
  }
}
