package aegis.adapters.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Client-side apply: what is kept, replaced and removed. */
class ApplyMergeTest {
  private static JsonNode json(String text) { return Json.parse(text.replace('\'', '"')); }

  @Test
  void manifestFieldsWinUndeclaredFieldsStayDroppedFieldsGo() {
    var live = json("{'metadata':{'annotations':{'team':'a','other/tool':'x'}},'spec':{'replicas':2,'revisionHistoryLimit':10}}");
    var last = json("{'metadata':{'annotations':{'team':'a'}},'spec':{'replicas':2}}");
    var desired = json("{'metadata':{},'spec':{'replicas':3}}");
    assertEquals(json("{'metadata':{'annotations':{'other/tool':'x'}},'spec':{'replicas':3,'revisionHistoryLimit':10}}"),
        ApplyMerge.merge(live, last, desired));
  }

  @Test
  void namedListsMergeItemByItemAndKeepServerDefaults() {
    var live = json("{'containers':[{'name':'web','image':'a:1','imagePullPolicy':'IfNotPresent'},{'name':'sidecar','image':'s:1'}]}");
    var desired = json("{'containers':[{'name':'web','image':'a:2'}]}");
    assertEquals(json("{'containers':[{'name':'web','image':'a:2','imagePullPolicy':'IfNotPresent'}]}"),
        ApplyMerge.merge(live, null, desired), "the sidecar is gone from the manifest, so from the object");
  }

  @Test
  void canonicalQuantitiesAreNoChangeButOtherStringsAre() {
    var live = json("{'resources':{'limits':{'cpu':'2','memory':'4Gi'}},'env':[{'name':'CPU','value':'2'}]}");
    var desired = json("{'resources':{'limits':{'cpu':'2000m','memory':'4096Mi'}},'env':[{'name':'CPU','value':'2000m'}]}");
    assertEquals(json("{'resources':{'limits':{'cpu':'2','memory':'4Gi'}},'env':[{'name':'CPU','value':'2000m'}]}"),
        ApplyMerge.merge(live, null, desired));
  }
}
