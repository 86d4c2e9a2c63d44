package aegis.plan;

import static aegis.plan.SamplePlans.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.plan.FieldChange.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

  /** Changes as {@code kind path before after} lines, for readable assertions. */
  private static String lines(List<FieldChange> changes) {
    return changes.stream()
        .map(c -> c.kind().name().toLowerCase() + " " + c.path() + " " + c.before() + " " + c.after() + (c.sensitive() ? " sensitive" : ""))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void equalTreesHaveNoChanges() {
    var tree = json("{'a': {'b': [1, 2, {'c': true}]}, 'n': null}");
    assertEquals(List.of(), JsonDiff.between(tree, tree.deepCopy()));
  }

  @Test
  void nestedMapsReportLeafPaths() {
    var live = json("{'metadata': {'labels': {'app': 'api', 'tier': 'web'}}, 'spec': {'replicas': 2}}");
    var desired = json("{'metadata': {'labels': {'app': 'api', 'team': 'sre'}}, 'spec': {'replicas': 3}}");
    assertEquals("""
        added metadata.labels.team null "sre"
        removed metadata.labels.tier "web" null
        changed spec.replicas 2 3""", lines(JsonDiff.between(live, desired)));
  }

  @Test
  void listsOfNamedItemsAreMatchedByNameNotPosition() {
    var live = json("{'containers': [{'name': 'sidecar', 'image': 'fb:3'}, {'name': 'api', 'image': 'api:1'}, {'name': 'debug', 'image': 'bb'}]}");
    var desired = json("{'containers': [{'name': 'api', 'image': 'api:2'}, {'name': 'sidecar', 'image': 'fb:3'}, {'name': 'new', 'image': 'x'}]}");
    assertEquals("""
        changed containers[name=api].image "api:1" "api:2"
        added containers[name=new].name null "new"
        added containers[name=new].image null "x"
        removed containers[name=debug].name "debug" null
        removed containers[name=debug].image "bb" null""", lines(JsonDiff.between(live, desired)));
  }

  @Test
  void listsOfKubernetesObjectsAreMatchedByMetadataName() {
    var live = json("{'items': [{'metadata': {'name': 'b'}, 'v': 1}, {'metadata': {'name': 'a'}, 'v': 1}]}");
    var desired = json("{'items': [{'metadata': {'name': 'a'}, 'v': 2}, {'metadata': {'name': 'b'}, 'v': 1}]}");
    assertEquals("changed items[metadata.name=a].v 1 2", lines(JsonDiff.between(live, desired)));
  }

  @Test
  void listsWithoutNamesOrWithDuplicateNamesAreComparedByIndex() {
    assertEquals("""
        changed args[1] "-v" "-q"
        added args[2] null "--x\"""", lines(JsonDiff.between(json("{'args': ['run', '-v']}"), json("{'args': ['run', '-q', '--x']}"))));
    var dup = json("[{'name': 'a', 'v': 1}, {'name': 'a', 'v': 2}]");
    assertEquals("changed [1].v 2 3", lines(JsonDiff.between(dup, json("[{'name': 'a', 'v': 1}, {'name': 'a', 'v': 3}]"))));
  }

  @Test
  void removalIsReportedLeafByLeafAndMergeIgnoresFieldsOnlyLiveHas() {
    var live = json("{'spec': {'replicas': 2, 'strategy': {'type': 'RollingUpdate', 'maxSurge': 1}}, 'status': {'ready': 2}}");
    var desired = json("{'spec': {'replicas': 2}}");
    assertEquals("""
        removed spec.strategy.type "RollingUpdate" null
        removed spec.strategy.maxSurge 1 null
        removed status.ready 2 null""", lines(JsonDiff.between(live, desired)));
    assertEquals(List.of(), JsonDiff.merge(live, desired));
    assertEquals("removed ports[name=metrics].name \"metrics\" null",
        lines(JsonDiff.merge(json("{'ports': [{'name': 'http'}, {'name': 'metrics'}]}"), json("{'ports': [{'name': 'http'}]}"))));
  }

  @Test
  void createAndDeleteListEveryLeaf() {
    var tree = json("{'metadata': {'name': 'aegis', 'labels': {}}, 'data': ['x']}");
    assertEquals("""
        added metadata.name null "aegis"
        added metadata.labels null {}
        added data[0] null "x\"""", lines(JsonDiff.between(null, tree)));
    assertEquals(3, JsonDiff.between(tree, null).stream().filter(c -> c.kind() == Kind.REMOVED).count());
  }

  @Test
  void numbersCompareByValueAndTypesMustMatch() {
    assertEquals(List.of(), JsonDiff.between(json("{'cpu': 2, 'ratio': 0.50}"), json("{'cpu': 2.0, 'ratio': 0.5}")));
    assertEquals("changed replicas \"3\" 3", lines(JsonDiff.between(json("{'replicas': '3'}"), json("{'replicas': 3}"))));
    assertEquals("changed spec \"x\" {\"a\":1}", lines(JsonDiff.between(json("{'spec': 'x'}"), json("{'spec': {'a': 1}}"))));
  }

  @Test
  void keysThatAreNotIdentifiersAreQuoted() {
    assertEquals("added metadata.labels[\"app.kubernetes.io/name\"] null \"api\"",
        lines(JsonDiff.between(json("{'metadata': {'labels': {}}}"), json("{'metadata': {'labels': {'app.kubernetes.io/name': 'api'}}}"))));
    assertEquals("changed env[name=\"MY VAR\"].value \"1\" \"2\"",
        lines(JsonDiff.between(json("{'env': [{'name': 'MY VAR', 'value': '1'}]}"), json("{'env': [{'name': 'MY VAR', 'value': '2'}]}"))));
  }

  @Test
  void kubernetesSecretDataIsComparedButNeverCopied() {
    var live = json("{'kind': 'Secret', 'data': {'password': 'b2xk', 'user': 'cG9zdGdyZXM='}, 'stringData': {'token': 'tok-1'}}");
    var desired = json("{'kind': 'Secret', 'data': {'password': 'bmV3', 'user': 'cG9zdGdyZXM=', 'extra': 'eA=='}, 'stringData': {}}");
    var changes = JsonDiff.between(live, desired);
    assertEquals("""
        changed data.password {"$sensitive":true} {"$sensitive":true} sensitive
        added data.extra null {"$sensitive":true} sensitive
        removed stringData.token {"$sensitive":true} null sensitive""", lines(changes));
    String all = changes.toString();
    for (String secret : List.of("b2xk", "bmV3", "eA==", "tok-1", "cG9zdGdyZXM=")) assertFalse(all.contains(secret), secret);
  }

  @Test
  void wholeSecretDataAddedIsSensitiveLeafByLeaf() {
    var changes = JsonDiff.between(null, json("{'kind': 'Secret', 'data': {'password': 'cGFzcw=='}}"));
    assertEquals("""
        added kind null "Secret"
        added data.password null {"$sensitive":true} sensitive""", lines(changes));
  }

  @Test
  void valuesAlreadyMarkedSensitiveAreNeverShown() {
    var live = json("{'token': {'$sensitive': true}, 'url': 'a'}");
    assertEquals(List.of(), JsonDiff.between(live, json("{'token': {'$sensitive': true}, 'url': 'a'}")));
    assertEquals("changed token {\"$sensitive\":true} {\"$sensitive\":true} sensitive",
        lines(JsonDiff.between(json("{'token': 'plain-old'}"), json("{'token': {'$sensitive': true}}"))));
  }

  @Test
  void unknownDesiredValuesAreChangesKnownAfterApply() {
    var live = json("{'annotations': {'revision': '7'}}");
    var desired = json("{'annotations': {'revision': {'$unknown': 'result of k8s.apply at deploy.aegis:42:5'}, 'by': {'$unknown': 'x'}}}");
    var changes = JsonDiff.between(live, desired);
    assertEquals("""
        changed annotations.revision "7" {"$unknown":"result of k8s.apply at deploy.aegis:42:5"}
        added annotations.by null {"$unknown":"x"}""", lines(changes));
    assertTrue(changes.get(0).afterUnknown());
    assertEquals("result of k8s.apply at deploy.aegis:42:5", PlanValues.unknownOrigin(changes.get(0).after()));
  }

  @Test
  void redactionReplacesSecretValuesOnly() {
    var secret = json("{'kind': 'Secret', 'metadata': {'name': 's'}, 'data': {'a': 'YQ=='}, 'stringData': {'b': 'plain'}}");
    var redacted = PlanValues.redact(secret);
    assertEquals(json("{'kind': 'Secret', 'metadata': {'name': 's'}, 'data': {'a': {'$sensitive': true}}, 'stringData': {'b': {'$sensitive': true}}}"),
        redacted);
    assertEquals("YQ==", secret.path("data").path("a").asText(), "the input tree is not changed");
    var configMap = json("{'kind': 'ConfigMap', 'data': {'a': 'visible'}}");
    assertEquals(configMap, PlanValues.redact(configMap));
  }

  @Test
  void theStringMarkersOfValueJsonCountAsMarkers() {
    var changes = JsonDiff.between(json("{'token': 'old', 'rev': '7'}"), json("{'token': '(sensitive)', 'rev': '(known after apply)'}"));
    assertEquals("""
        changed token {"$sensitive":true} {"$sensitive":true} sensitive
        changed rev "7" "(known after apply)\"""", lines(changes));
    assertTrue(changes.get(1).afterUnknown());
    assertEquals("", PlanValues.unknownOrigin(changes.get(1).after()));
    assertEquals(List.of(), JsonDiff.between(json("{'t': '(sensitive)'}"), json("{'t': {'$sensitive': true}}")));
  }
}
