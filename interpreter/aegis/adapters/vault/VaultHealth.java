package aegis.adapters.vault;

/**
 * What {@code GET /v1/sys/health} says about a Vault node.
 *
 * @param status      the HTTP status Vault chose: 200 active, 429 standby, 501 not initialised, 503 sealed
 * @param initialized whether {@code vault operator init} has run
 * @param sealed      whether the node is sealed
 * @param standby     whether the node is a standby
 * @param version     the Vault version, e.g. {@code 1.17.0}
 */
public record VaultHealth(int status, boolean initialized, boolean sealed, boolean standby, String version) {}
