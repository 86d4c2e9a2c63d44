package aegis.types;

import static aegis.types.Checks.errors;
import static aegis.types.Checks.render;
import static aegis.types.Checks.runbook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Secret is never shown: not interpolated, reported, used as a message, compared or passed as a String. */
class SecretsTest {
  private static final String PRELUDE = """
      import vault
      import k8s
      param token: Secret
      """;

  @Test
  void aStringMayBeUsedWhereASecretIsExpected() {
    var p = runbook(PRELUDE + """
        let s: Secret = "literal"
        step "s" {
          let pw = vault.read("p").secret("k")
          k8s.ensureSecret("ns", "db", {"user": "postgres", "password": pw, "token": token, "s": s})
        }
        """);
    assertEquals(List.of(), errors(p), () -> render(p));
  }

  @Test
  void aSecretIsNeverAString() {
    var p = runbook(PRELUDE + """
        let _a: String = token
        let _b = upper(token)
        let _c: Map<String, String> = vault.read("p").values
        let _d: List<String> = [token]
        """);
    assertEquals(List.of(Code.AEG209, Code.AEG209, Code.AEG209, Code.AEG209), errors(p), () -> render(p));
  }

  @Test
  void aSecretIsNeverInterpolated() {
    var p = runbook(PRELUDE + """
        let _a = "Bearer ${token}"
        let _b = "${vault.read("p")}"
        let _c = "${vault.read("p").path}"
        """);
    assertEquals(List.of(Code.AEG208, Code.AEG208), errors(p), () -> render(p));
  }

  @Test
  void aSecretIsNeverShownAsAMessageOrReport() {
    var p = runbook(PRELUDE + """
        step "s" {
          report "r" token
          report "records" [vault.read("p")]
          check true else warn token
          approve token
          fail token
        }
        """);
    assertEquals(List.of(Code.AEG209, Code.AEG209, Code.AEG209, Code.AEG209, Code.AEG209), errors(p), () -> render(p));
  }

  @Test
  void secretsCannotBeCompared() {
    var p = runbook(PRELUDE + """
        let _a = token == "x"
        let _b = "x" != token
        let _c = vault.read("p") == vault.read("q")
        """);
    assertEquals(List.of(Code.AEG210, Code.AEG210, Code.AEG210), errors(p), () -> render(p));
  }

  @Test
  void aGenericFunctionWhoseResultDropsTheSecretDisclosesIt() {
    var p = runbook(PRELUDE + """
        let _a = toString(token)
        let _b = toString(vault.read("p"))
        let _kept = first([token])
        let _count = length([token])
        let _mapped = [token].map(t -> t)
        """);
    assertEquals(List.of(Code.AEG209, Code.AEG209), errors(p), () -> render(p));
    assertEquals("Secret?", Checks.typeOfLet(p, "_kept"));
  }

  @Test
  void secretsDoNotMixWithOperators() {
    var p = runbook(PRELUDE + """
        let _a = token + "x"
        """);
    assertEquals(List.of(Code.AEG209), errors(p), () -> render(p));
  }
}
