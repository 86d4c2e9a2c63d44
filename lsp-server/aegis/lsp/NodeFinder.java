package aegis.lsp;

import aegis.syntax.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Finds what is under the cursor: the chain of syntax nodes whose spans hold an offset. */
public final class NodeFinder {
  private NodeFinder() {}

  /**
   * The nodes containing {@code offset}, outermost (the file) first. A node ending exactly at the
   * offset counts (the cursor just after a name is on that name); among siblings the one starting
   * at the offset wins over the one ending there.
   */
  public static List<Node> path(Node root, int offset) {
    var out = new ArrayList<Node>();
    Node current = root;
    while (current != null) {
      out.add(current);
      Node next = null;
      for (var child : current.children()) {
        var s = child.span();
        if (s.start() <= offset && offset <= s.end()) {
          next = child;
          if (s.start() == offset || offset < s.end()) break;
        }
      }
      current = next;
    }
    return out;
  }

  /** The innermost node of type {@code type} on the path, or null. */
  public static <T extends Node> T innermost(List<Node> path, Class<T> type) {
    for (int i = path.size() - 1; i >= 0; i--) if (type.isInstance(path.get(i))) return type.cast(path.get(i));
    return null;
  }
}
