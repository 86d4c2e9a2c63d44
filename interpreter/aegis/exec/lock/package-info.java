/**
 * One run per environment at a time. {@link aegis.exec.lock.EnvironmentLocks} acquires,
 * inspects and (on an operator's word) releases the lock files {@code locks/<env>.lock};
 * {@link aegis.exec.lock.EnvironmentLock} is a lock held by this process;
 * {@link aegis.exec.lock.LockHeldException} names the holder of a lock that was refused.
 */
package aegis.exec.lock;
