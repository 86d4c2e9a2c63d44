package aegis.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import org.junit.jupiter.api.Test;

/** {@code git+URL//PATH@REF} as people write it, and the mistakes they make. */
class GitUrlTest {
  @Test
  void fileHttpsAndSshUrlsSplitIntoRemotePathAndRef() throws GitSourceException {
    assertEquals(new GitUrl("file:///srv/git/ops.git", "runbooks/deploy.aegis", "v1.4.0"),
        GitUrl.parse("git+file:///srv/git/ops.git//runbooks/deploy.aegis@v1.4.0"));
    assertEquals(new GitUrl("https://git.example.com/team/ops.git", "deploy.aegis", "main"),
        GitUrl.parse("git+https://git.example.com/team/ops.git//deploy.aegis@main"));
    assertEquals(new GitUrl("ssh://git@git.example.com:2222/team/ops", "runbooks/rollback.aegis", "1a2b3c4d"),
        GitUrl.parse("git+ssh://git@git.example.com:2222/team/ops//runbooks/rollback.aegis@1a2b3c4d"));
  }

  @Test
  void theLastAtStartsTheRefAndThePathIsNormalized() throws GitSourceException {
    var url = GitUrl.parse("git+https://host/ops.git//./runbooks/old/../deploy.aegis@release/2026-11");
    assertEquals("runbooks/deploy.aegis", url.path());
    assertEquals("release/2026-11", url.ref());
    assertEquals("git+https://host/ops.git//runbooks/deploy.aegis@release/2026-11", url.text());
    assertEquals("git+https://host/ops.git//runbooks/deploy.aegis@0123456789abcdef0123456789abcdef01234567",
        url.withRef("0123456789abcdef0123456789abcdef01234567").text());
  }

  @Test
  void onlyArgumentsStartingWithGitPlusAreGitUrls() {
    assertTrue(GitUrl.isGitUrl("git+file:///x//y@z"));
    assertFalse(GitUrl.isGitUrl("runbooks/deploy.aegis"));
    assertFalse(GitUrl.isGitUrl("https://host/ops.git//deploy.aegis@main"));
  }

  @Test
  void everyMistakeIsExplained() {
    assertBad("git+host/ops.git//deploy.aegis@main", "has no scheme");
    assertBad("git+http://host/ops.git//deploy.aegis@main", "the scheme `http` is not supported; use file://, https:// or ssh://");
    assertBad("git+https://host/ops.git/deploy.aegis@main", "there is no `//` between the repository and the path");
    assertBad("git+https://host/ops.git//deploy.aegis", "no ref: end the URL with `@REF`");
    assertBad("git+https://host/ops.git//deploy.aegis@", "`` is not a ref");
    assertBad("git+https://host/ops.git//deploy.aegis@HEAD~1", "`HEAD~1` is not a ref");
    assertBad("git+https://host/ops.git//../deploy.aegis@main", "leaves the repository");
    assertBad("git+https://host/ops.git//@main", "no path");
    assertBad("git+https://host/ops.git//runbooks\\deploy.aegis@main", "contains a backslash");
    assertBad("git+file:////deploy.aegis@main", "names no repository");
  }

  private static void assertBad(String text, String why) {
    var e = assertThrows(GitSourceException.class, () -> GitUrl.parse(text));
    assertEquals(Code.AEG310, e.code());
    assertTrue(e.getMessage().startsWith("`" + text + "` is not a git runbook URL: "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertEquals(1, e.hints().size());
  }
}
