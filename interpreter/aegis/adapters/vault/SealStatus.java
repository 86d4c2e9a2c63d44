package aegis.adapters.vault;

/**
 * What {@code GET /v1/sys/seal-status} (and every unseal) says.
 *
 * @param initialized whether Vault has been initialised
 * @param sealed      whether it is sealed
 * @param threshold   how many key shares unseal it ({@code t})
 * @param shares      how many key shares exist ({@code n})
 * @param progress    how many shares of the current unseal attempt have been given
 */
public record SealStatus(boolean initialized, boolean sealed, int threshold, int shares, int progress) {}
