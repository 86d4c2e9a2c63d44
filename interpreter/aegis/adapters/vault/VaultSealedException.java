package aegis.adapters.vault;

import aegis.adapters.AdapterException;

/**
 * Vault answered 503: it is sealed (or not initialised yet), so it serves no secrets. A plan
 * treats reads that meet it as known only after apply, since the runbook may unseal it first.
 */
public final class VaultSealedException extends AdapterException {
  VaultSealedException(String message) { super("vault", message); }
}
