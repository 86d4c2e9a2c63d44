package aegis.plan.render;

import aegis.plan.Plan;
import aegis.plan.PlanJson;

/** The formats of {@code aegis plan --format}. */
public enum PlanFormat {
  TEXT, MARKDOWN, JSON;

  /** The plan in this format; {@code color} matters only for text. */
  public String render(Plan plan, boolean color) {
    return switch (this) {
      case TEXT -> TextRenderer.render(plan, color);
      case MARKDOWN -> MarkdownRenderer.render(plan);
      case JSON -> PlanJson.write(plan);
    };
  }
}
