package aegis.adapters.vault;

import aegis.adapters.AdapterException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Where a Vault server listens and where aegis finds its token. Nothing secret is held here: the
 * token is read from an environment variable or a file only when a call needs it.
 *
 * @param address   e.g. {@code https://vault.aegisshield-prod.svc:8200}
 * @param token     where the token comes from
 * @param namespace the Vault Enterprise namespace, or null
 * @param timeout   how long one request may take
 */
public record VaultEndpoint(URI address, TokenSource token, String namespace, Duration timeout) {

  /** Where the Vault token is read from. */
  public sealed interface TokenSource {
    /** An environment variable, e.g. {@code VAULT_TOKEN}. */
    record FromEnv(String variable) implements TokenSource {}

    /** A file holding the token (surrounding whitespace ignored), e.g. {@code ~/.vault-token}. */
    record FromFile(Path file) implements TokenSource {}
  }

  /** The address without a trailing slash, as the driver and error messages want it. */
  public String base() {
    var text = address.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Where the token comes from, for messages: {@code $VAULT_TOKEN} or the file's path. */
  public String tokenOrigin() {
    return switch (token) {
      case TokenSource.FromEnv e -> "$" + e.variable();
      case TokenSource.FromFile f -> f.file().toString();
    };
  }

  /**
   * Reads the token now. Fails with a message naming the variable or file (never the token) when
   * there is none.
   */
  public String readToken(Function<String, String> env) {
    return switch (token) {
      case TokenSource.FromEnv e -> {
        var value = env.apply(e.variable());
        if (value == null || value.isBlank()) {
          throw new AdapterException("vault", "no Vault token: the environment variable " + e.variable()
              + " is not set; set it to a token for " + base() + ", or give the endpoint a tokenFile");
        }
        yield value.strip();
      }
      case TokenSource.FromFile f -> {
        try {
          var value = Files.readString(f.file(), StandardCharsets.UTF_8).strip();
          if (value.isEmpty()) throw new AdapterException("vault", "no Vault token: the token file " + f.file() + " is empty");
          yield value;
        } catch (NoSuchFileException e) {
          throw new AdapterException("vault", "no Vault token: the token file " + f.file() + " does not exist");
        } catch (IOException e) {
          throw new AdapterException("vault", "cannot read the Vault token file " + f.file() + ": " + e.getClass().getSimpleName());
        }
      }
    };
  }
}
