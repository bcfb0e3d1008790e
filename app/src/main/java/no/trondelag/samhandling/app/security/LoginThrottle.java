package no.trondelag.samhandling.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The memory of failed logins and the policy that throttles them (ADR 0027). Failures count under three keys (user
 * name and address, address, user name), each with its own {@link LoginThrottleProperties.Limit}: after its free
 * failures every further failure locks the key for twice as long as the one before, from the first lockout up to
 * the key's cap. A successful login forgets the failures of its user name, from its address and overall, but not
 * those of the address, so that an attacker's own account does not reset the count of its guesses at others. Keys
 * without a failure for {@code forgetAfter} start again; at most {@code maxEntries} keys are kept, the least
 * recently used going first, so the memory stays bounded whatever names an attacker sends.
 */
public class LoginThrottle {

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures;

    /**
     * A throttle with the given policy and clock.
     *
     * @param properties the policy
     * @param clock      the clock lockouts are measured by
     */
    public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        int maxEntries = properties.maxEntries();
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * How long a login by this user name from this address must still wait: the longest remaining lockout of its
     * keys. The lockout of the user name across addresses counts only for an address that has itself failed for
     * this user name lately, so that failures from elsewhere never refuse a user who types the password right.
     *
     * @param user    the user name sent
     * @param address the client's address
     * @return the time left, or empty when the login may be tried now
     */
    public synchronized Optional<Duration> lockedFor(String user, String address) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String[] keys = keys(user, address);
        Failures own = failures.get(keys[0]);
        boolean failedHere = own != null && !own.last.plus(properties.forgetAfter()).isBefore(now);
        Duration longest = Duration.ZERO;
        for (String key : failedHere ? keys : new String[] {keys[0], keys[1]}) {
            Failures entry = failures.get(key);
            if (entry != null && entry.lockedUntil.isAfter(now)) {
                Duration left = Duration.between(now, entry.lockedUntil);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /**
     * Counts a failed login under its three keys, locking those past their free failures.
     *
     * @param user    the user name sent
     * @param address the client's address
     */
    public synchronized void failed(String user, String address) {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        String[] keys = keys(user, address);
        LoginThrottleProperties.Limit[] limits = {properties.userAndAddress(), properties.address(),
                properties.user()};
        for (int i = 0; i < keys.length; i++) {
            Failures entry = failures.get(keys[i]);
            if (entry == null || entry.last.plus(properties.forgetAfter()).isBefore(now)) {
                entry = new Failures();
                failures.put(keys[i], entry);
            }
            entry.count++;
            entry.last = now;
            int beyondFree = entry.count - limits[i].freeFailures();
            if (beyondFree > 0) {
                entry.lockedUntil = now.plus(lockout(beyondFree, limits[i].maxLockout()));
            }
        }
    }

    /**
     * Forgets the failures of this user name, from this address and overall, after it logged in.
     *
     * @param user    the user name that logged in
     * @param address the client's address
     */
    public synchronized void succeeded(String user, String address) {
        String[] keys = keys(user, address);
        failures.remove(keys[0]);
        failures.remove(keys[2]);
    }

    private Duration lockout(int beyondFree, Duration max) {
        Duration lockout = properties.firstLockout();
        for (int i = 1; i < beyondFree && lockout.compareTo(max) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(max) > 0 ? max : lockout;
    }

    private static String[] keys(String user, String address) {
        return new String[] {"user+address:" + user + "\n" + address, "address:" + address, "user:" + user};
    }

    private static final class Failures {
        private int count;
        private Instant last = Instant.EPOCH;
        private Instant lockedUntil = Instant.EPOCH;
    }
}
