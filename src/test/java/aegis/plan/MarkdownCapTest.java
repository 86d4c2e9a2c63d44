package aegis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.plan.render.MarkdownRenderer;
import aegis.syntax.ast.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownCapTest {
  private static final Pattern NOTICE = Pattern.compile("\\*\\*This plan is too long for one comment:\\*\\* (\\d+) of (\\d+) actions in (\\d+) of (\\d+) steps are not shown");

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
    return n;
  }

  @Test
  void aPlanOf500ActionsStaysUnderTheLimitAndSaysWhatWasCut() {
    Plan plan = SamplePlans.large(100, 5);
    assertEquals(500, plan.actions().size());
    String md = MarkdownRenderer.render(plan);
    assertTrue(md.length() < MarkdownRenderer.DEFAULT_LIMIT, "length " + md.length());
    assertTrue(md.length() > MarkdownRenderer.DEFAULT_LIMIT - 5_000, "the budget is used, length " + md.length());

    Matcher m = NOTICE.matcher(md);
    assertTrue(m.find(), "no truncation notice");
    int cutActions = Integer.parseInt(m.group(1));
    int cutSteps = Integer.parseInt(m.group(3));
    assertEquals(500, Integer.parseInt(m.group(2)));
    assertEquals(100, Integer.parseInt(m.group(4)));
    int shownActions = count(md, "**`~ update`**");
    assertEquals(500, shownActions + cutActions, "shown and cut actions add up");
    assertEquals(100 - shownActions / 5, cutSteps, "a step is cut when any of its 5 actions is, and actions are cut from the end");
    assertEquals((shownActions + 4) / 5, count(md, "<details>\n<summary>"), "a partly shown step still has its block");
    assertTrue(md.contains("--format json"), "the notice says how to get the full plan");
    assertTrue(md.contains("download the plan artifact"));

    assertTrue(md.indexOf("| create | change |") < md.indexOf("<details>"), "the summary comes first");
    assertTrue(md.contains("| 0 | 500 | 0 | 0 | 0 | 0 | 0 |"), "the summary counts the whole plan");
    assertTrue(md.contains("svc-1-1"), "cutting starts from the end");
    assertFalse(md.contains("svc-100-5"), "the last action is cut");
    assertEquals(count(md, "<details>"), count(md, "</details>"), "every details block is closed");
    assertEquals(0, count(md, "```") % 2, "every code block is closed");
  }

  @Test
  void aPlanThatFitsIsNotCut() {
    String md = MarkdownRenderer.render(SamplePlans.large(5, 3));
    assertFalse(md.contains("too long for one comment"));
    assertEquals(15, count(md, "**`~ update`**"));
  }

  @Test
  void aSmallerLimitCutsMoreAndStillHoldsIt() {
    var options = new MarkdownRenderer.Options(8_000, "see the `plan.json` artifact");
    String md = MarkdownRenderer.render(SamplePlans.large(20, 3), options);
    assertTrue(md.length() < 8_000, "length " + md.length());
    assertTrue(md.contains("For the full plan, see the `plan.json` artifact."));
  }

  @Test
  void aSingleHugeActionIsCutWholeNotInTheMiddle() {
    var fields = new StringBuilder("{");
    for (int i = 0; i < 2_000; i++) fields.append(i == 0 ? "" : ",").append("'key").append(i).append("': '").append("v".repeat(100)).append("'");
    var desired = SamplePlans.json(fields.append('}').toString());
    var steps = List.of(new PlannedStep("s1", "config", Effect.WRITE, null), new PlannedStep("s2", "read", Effect.READ, null));
    var actions = new ArrayList<PlannedAction>();
    actions.add(PlannedAction.diffed("a1", "s1", "k8s.apply", Target.k8s("ConfigMap", "aegis", "big"), Effect.WRITE, Operation.CREATE,
        null, desired, null, null, null));
    Plan plan = new Plan(1, "p", SamplePlans.CREATED, null, SamplePlans.deployRunbook(), SamplePlans.production(), null, false, steps,
        actions, null, null);
    String md = MarkdownRenderer.render(plan, new MarkdownRenderer.Options(10_000, "get the JSON"));
    assertTrue(md.length() < 10_000, "length " + md.length());
    assertTrue(md.contains("1 of 1 actions in 2 of 2 steps are not shown"), md);
  }
}
