package aegis.adapters.vault;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jopenlibs.vault.VaultException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Collection;

/**
 * Turns what went wrong talking to Vault into one {@link AdapterException} a runbook author can
 * act on. Messages are built from status codes and Vault's own {@code errors} list, never from
 * request or response bodies otherwise: those may hold secrets. Should Vault's errors quote a
 * secret of the call, they are withheld whole (masking only the secret would still show its
 * length and place).
 */
final class VaultFailures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VaultFailures() {}

  /** A failure of the driver: Vault unreachable, sealed (503), or an answer the driver refused. */
  static AdapterException of(VaultEndpoint endpoint, String action, VaultException e) {
    if (e.getHttpStatusCode() == 503) return sealed(endpoint, action);
    IOException io = ioCause(e);
    if (io != null) return unreachable(endpoint, action, io);
    if (interrupted(e)) {
      Thread.currentThread().interrupt();
      return new AdapterException("vault", action + " at " + endpoint.base() + " was interrupted");
    }
    if (e.getHttpStatusCode() > 0) {
      return new AdapterException("vault", action + " at " + endpoint.base() + ": Vault answered HTTP " + e.getHttpStatusCode());
    }
    return new AdapterException("vault", action + " at " + endpoint.base() + ": the Vault driver failed ("
        + e.getClass().getSimpleName() + ")");
  }

  static VaultSealedException sealed(VaultEndpoint endpoint, String action) {
    return new VaultSealedException(action + " at " + endpoint.base()
        + ": Vault is sealed (HTTP 503); unseal it (vault.unseal) and try again");
  }

  static AdapterException unreachable(VaultEndpoint endpoint, String action, IOException e) {
    String reason = switch (e) {
      case HttpTimeoutException t -> "no answer within " + endpoint.timeout().toSeconds() + "s";
      case ConnectException c -> "connection refused";
      default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    };
    return new AdapterException("vault", action + ": cannot reach Vault at " + endpoint.base() + " (" + reason + ")", e);
  }

  /** A refusal Vault answered with a status code and an {@code errors} list. */
  static AdapterException refused(VaultEndpoint endpoint, String action, int status, byte[] body, Collection<String> secrets) {
    if (status == 503) return sealed(endpoint, action);
    var errors = withheldIfQuoting(errors(body), secrets);
    String detail = switch (status) {
      case 403 -> "permission denied (HTTP 403): the token from " + endpoint.tokenOrigin()
          + " is not valid here, or its policy does not allow this";
      case 400 -> "Vault answered HTTP 400" + (errors.isEmpty() ? "" : ": " + errors)
          + (errors.contains("check-and-set") ? " (the secret changed since aegis read it; run again)" : "");
      default -> "Vault answered HTTP " + status + (errors.isEmpty() ? "" : ": " + errors);
    };
    return new AdapterException("vault", action + " at " + endpoint.base() + ": " + detail);
  }

  /** Vault's {@code errors} joined with "; ", or "" when the body has none. */
  static String errors(byte[] body) {
    try {
      var node = JSON.readTree(body);
      var list = new ArrayList<String>();
      if (node != null) node.path("errors").forEach(e -> list.add(e.asText()));
      return String.join("; ", list);
    } catch (IOException e) {
      return "";
    }
  }

  static String withheldIfQuoting(String text, Collection<String> secrets) {
    for (var secret : secrets) {
      if (secret != null && !secret.isEmpty() && text.contains(secret)) return "(Vault's message is withheld: it quotes a secret)";
    }
    return text;
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) return io;
    }
    return null;
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) return true;
    }
    return false;
  }
}
