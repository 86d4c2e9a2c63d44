package aegis.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-line summary of a module, and how the module list shortens it. */
class ModuleDocsTest {
  @Test
  void theSummaryIsTheFirstSentenceOnOneLine() {
    assertEquals("HTTP calls and checks.", ModuleDocs.summary("HTTP calls and checks. More here.\n\nAnd more."));
    assertEquals("Kubernetes: pods, events and history.", ModuleDocs.summary("Kubernetes: pods,\nevents and history.\n"));
  }

  @Test
  void fullStopsInCodeAndAbbreviationsDoNotEndIt() {
    assertEquals("Writes `encryption.key` files, e.g. for Vault.", ModuleDocs.summary("Writes `encryption.key` files, e.g. for Vault. Then."));
  }

  @Test
  void withoutAFullStopItIsTheFirstParagraph() {
    assertEquals("No full stop here", ModuleDocs.summary("No full stop here\n\nSecond paragraph."));
    assertEquals("", ModuleDocs.summary(""));
  }

  @Test
  void longSummariesAreCutAtAWord() {
    String shortened = TextDoc.shorten("word ".repeat(40).strip());
    assertEquals(true, shortened.length() <= 88 && shortened.endsWith("word..."), shortened);
  }
}
