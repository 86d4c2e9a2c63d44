package aegis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PlanJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everySamplePlanRoundTripsExactlyAndMatchesTheSchema() {
    return SamplePlans.all().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          String json = PlanJson.write(e.getValue());
          assertEquals(List.of(), PlanSchema.errors(json), json);
          Plan back = PlanJson.read(json);
          assertEquals(e.getValue(), back);
          assertEquals(json, PlanJson.write(back));
        }));
  }

  @Test
  void theDocumentCarriesTheSummaryAndLowercaseEnums() throws Exception {
    var tree = JSON.readTree(PlanJson.write(SamplePlans.deploy()));
    assertEquals(1, tree.get("schemaVersion").asInt());
    assertEquals("2026-11-12T10:15:30Z", tree.get("createdAt").asText());
    assertEquals(JSON.readTree("{\"create\":1,\"change\":3,\"delete\":0,\"run\":1,\"destructive\":1,\"unchanged\":1,\"conditional\":1}"),
        tree.get("summary"));
    var a6 = tree.get("actions").get(5);
    assertEquals("destructive", a6.get("effect").asText());
    assertEquals("run", a6.get("operation").asText());
    assertFalse(a6.has("desired"), "absent values are left out");
    assertEquals("read", tree.get("steps").get(4).get("effect").asText());
  }

  @Test
  void noSecretReachesThePlanDocument() throws Exception {
    String json = PlanJson.write(SamplePlans.deploy());
    assertFalse(json.contains(SamplePlans.DB_PASSWORD), "the password is in the plan");
    assertFalse(json.contains("old-password"), "the live password is in the plan");
    var tree = JSON.readTree(json);
    assertEquals(JSON.readTree("{\"$sensitive\":true}"), tree.at("/inputs/values/dbPassword"));
    assertEquals(JSON.readTree("{\"$sensitive\":true}"), tree.at("/actions/1/desired/stringData/password"));
    var passwordChange = tree.at("/actions/1/diff/0");
    assertEquals("stringData.password", passwordChange.get("path").asText());
    assertTrue(passwordChange.get("sensitive").asBoolean());
  }

  @Test
  void theSchemaRejectsAPlanThatLeaksASecretOrMissesAField() throws Exception {
    var tree = (ObjectNode) JSON.readTree(PlanJson.write(SamplePlans.deploy()));
    ((ObjectNode) tree.at("/actions/1/desired/stringData")).put("password", "leaked");
    assertFalse(PlanSchema.errors(tree.toString()).isEmpty(), "a Secret's value in plain text must not validate");

    var missing = (ObjectNode) JSON.readTree(PlanJson.write(SamplePlans.deploy()));
    missing.remove("runbook");
    assertTrue(PlanSchema.errors(missing.toString()).stream().anyMatch(e -> e.contains("runbook")), PlanSchema.errors(missing.toString()).toString());

    var sensitiveShown = (ObjectNode) JSON.readTree(PlanJson.write(SamplePlans.deploy()));
    ((ObjectNode) sensitiveShown.at("/actions/1/diff/0")).put("after", "leaked");
    assertFalse(PlanSchema.errors(sensitiveShown.toString()).isEmpty(), "a sensitive change with a value must not validate");

    var badTime = (ObjectNode) JSON.readTree(PlanJson.write(SamplePlans.deploy()));
    badTime.put("createdAt", "yesterday");
    assertFalse(PlanSchema.errors(badTime.toString()).isEmpty(), "createdAt is a date-time");
  }

  @Test
  void readingRefusesOtherVersionsAndSaysWhatIsWrong() throws Exception {
    var tree = (ObjectNode) JSON.readTree(PlanJson.write(SamplePlans.noChanges()));
    tree.put("schemaVersion", 2);
    var newer = assertThrows(PlanJson.InvalidPlanException.class, () -> PlanJson.read(tree.toString()));
    assertEquals("plan schema version 2 is not supported; this aegis reads version 1 (make the plan again with this aegis)", newer.getMessage());

    var notJson = assertThrows(PlanJson.InvalidPlanException.class, () -> PlanJson.read("{\n  \"schemaVersion\": 1,\n  oops"));
    assertTrue(notJson.getMessage().startsWith("not JSON at line 3, column"), notJson.getMessage());

    var noVersion = assertThrows(PlanJson.InvalidPlanException.class, () -> PlanJson.read("[]"));
    assertEquals("not an aegis plan: the document is not a JSON object", noVersion.getMessage());

    tree.put("schemaVersion", 1);
    ((ObjectNode) tree.at("/actions/0")).put("effect", "read");
    var badEffect = assertThrows(PlanJson.InvalidPlanException.class, () -> PlanJson.read(tree.toString()));
    assertTrue(badEffect.getMessage().contains("planned actions are write or destructive"), badEffect.getMessage());

    ((ObjectNode) tree.at("/actions/0")).put("effect", "explosive");
    var unknownEffect = assertThrows(PlanJson.InvalidPlanException.class, () -> PlanJson.read(tree.toString()));
    assertTrue(unknownEffect.getMessage().contains("expected one of pure, read, write, destructive"), unknownEffect.getMessage());
    assertTrue(unknownEffect.getMessage().contains("(at actions[0].effect)"), unknownEffect.getMessage());
  }

  @Test
  void theSummaryIsDerivedNotTrustedWhenRead() throws Exception {
    var tree = (ObjectNode) JSON.readTree(PlanJson.write(SamplePlans.deploy()));
    ((ObjectNode) tree.get("summary")).put("create", 99);
    assertEquals(1, PlanJson.read(tree.toString()).summary().create());
  }
}
