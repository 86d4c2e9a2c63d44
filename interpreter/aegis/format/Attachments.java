package aegis.format;

import aegis.syntax.Comment;
import aegis.syntax.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Every comment of a file, attached to one node with a placement; see {@link CommentPlacer}. */
final class Attachments {
  /** Where a comment is printed relative to the node that holds it. */
  enum Placement {
    /** On its own line above the node (breaking the line when the node does not start one). */
    OWN_LINE_BEFORE,
    /** A block comment just before the node, on its line: {@code /* c *}{@code / node}. */
    BEFORE,
    /** A block comment just after the node, on its line. */
    AFTER,
    /** At the end of the line on which the node ends. */
    END_OF_LINE,
    /** At the end of the line on which the node starts. */
    END_OF_LINE_BEFORE,
    /** At the end of the line of the node's opening bracket. */
    INSIDE_START,
    /** On its own line before the node's closing bracket (or at the end of the file). */
    INSIDE_END
  }

  /** {@code breaks}: the comment ends a list item's line, so the list is laid out one item per line. */
  record Attached(Comment comment, Placement placement, boolean breaks) {
    boolean isBlock() { return comment.text().startsWith("/*"); }
  }

  private final Map<Node, List<Attached>> byNode = new IdentityHashMap<>();

  void add(Node node, Comment comment, Placement placement, boolean breaks) {
    byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(new Attached(comment, placement, breaks));
  }

  /** All comments of {@code node}, in source order. */
  List<Attached> of(Node node) { return byNode.getOrDefault(node, List.of()); }

  /** The comments of {@code node} with this placement, in source order. */
  List<Attached> of(Node node, Placement placement) {
    var all = byNode.get(node);
    if (all == null) return List.of();
    return all.stream().filter(a -> a.placement() == placement).toList();
  }

  boolean has(Node node, Placement placement) {
    var all = byNode.get(node);
    return all != null && all.stream().anyMatch(a -> a.placement() == placement);
  }
}
