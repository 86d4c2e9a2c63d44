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
import java.util.HashMap;
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
 *   <li>a comment with code before it on its line stays at the end of that line, after the node
 *       that ends there (a line comment after a list item also keeps the list broken);</li>
 *   <li>a comment on its own line goes above the node that starts after it, or, when only a closing
 *       bracket follows, stays inside that bracket (the end of a block, a list, the file).</li>
 * </ul>
 * Every comment lands somewhere: the last resort is the end of the line of the enclosing node.
 */
final class CommentPlacer {
  private final AegisFile root;
  private final SourceText source;
  private final Map<Integer, Node> outermostStartingAt = new HashMap<>();
  private final Map<Integer, Node> outermostEndingAt = new HashMap<>();
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
      outermostStartingAt.putIfAbsent(node.span().start(), node);
      outermostEndingAt.putIfAbsent(node.span().end(), node);
      byEnd.putIfAbsent(node.span().end(), node);
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
    Node following = next < end(enclosing) ? outermostStartingAt.get(next) : null;
    Node preceding = prev > start(enclosing) ? outermostEndingAt.get(prev) : null;

    if (block && codeAfter) {
      if (following != null) out.add(following, c, Placement.BEFORE, false);
      else if (preceding != null && codeBefore) out.add(preceding, c, Placement.AFTER, false);
      else inside(enclosing, c, next);
    } else if (codeBefore) {
      trailing(c, start, prev, enclosing, following, preceding);
    } else if (following != null) {
      out.add(following, c, Placement.OWN_LINE_BEFORE, false);
    } else {
      inside(enclosing, c, next);
    }
  }

  /** A comment with code before it on its line. */
  private void trailing(Comment c, int start, int prev, Node enclosing, Node following, Node preceding) {
    if (preceding != null) {
      out.add(preceding, c, Placement.END_OF_LINE, isListItem(preceding));
      return;
    }
    if (source.charAt(prev - 1) == ',') {
      var item = outermostEndingAt.get(source.codeBefore(prev - 1));
      if (item != null && isListItem(item)) {
        out.add(item, c, Placement.END_OF_LINE, true);
        return;
      }
    }
    var before = byEnd.floorEntry(start);
    if (before != null && source.sameLine(before.getKey(), start)) {
      out.add(before.getValue(), c, Placement.END_OF_LINE, false);
    } else if (opensOwnLine(enclosing)) {
      out.add(enclosing, c, Placement.INSIDE_START, false);
    } else if (following != null) {
      out.add(following, c, Placement.OWN_LINE_BEFORE, false);
    } else {
      out.add(enclosing, c, Placement.END_OF_LINE, false);
    }
  }

  /** A comment followed by a closing bracket, or by nothing the tree has a node for. */
  private void inside(Node enclosing, Comment c, int next) {
    boolean closing = enclosing == root ? next >= source.length() : closesWithBracket(enclosing) && next == end(enclosing) - 1;
    if (closing) {
      out.add(enclosing, c, Placement.INSIDE_END, false);
      return;
    }
    var before = byEnd.floorEntry(c.span().start());
    if (before != null && before.getKey() > start(enclosing)) out.add(before.getValue(), c, Placement.END_OF_LINE, false);
    else out.add(enclosing, c, Placement.END_OF_LINE, false);
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

  private static boolean opensOwnLine(Node n) {
    return n instanceof Stmt.Block || n instanceof Decl.Record || n instanceof Decl.Enum || n instanceof Expr.ListLit
        || n instanceof Expr.MapLit || n instanceof Expr.Call;
  }
}
