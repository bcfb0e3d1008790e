package no.trondelag.samhandling.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed HTTP Basic logins are throttled (ADR 0027). Failures are counted under three keys: the user name from
 * one address, the address whatever the user name, and the user name whatever the address. Each key allows a few
 * failures free; after that each failure locks the key for {@code firstLockout}, doubling with every further
 * failure up to the key's {@code maxLockout}. A locked key refuses every login it matches, the right password too.
 *
 * @param enabled        whether logins are throttled at all
 * @param firstLockout   the lockout after the first failure beyond the free ones
 * @param forgetAfter    how long a key keeps its failures without another failure
 * @param maxEntries     the most keys kept in memory; the least recently used go first
 * @param userAndAddress the limit for one user name from one address: tight, since it locks out only that address
 * @param address        the limit for one address, whatever the user name: looser, for guessing many names
 * @param user           the limit for one user name, whatever the address: its lockout short, so that nobody can
 *                       keep a real user locked out for long
 */
@ConfigurationProperties("ledger.security.login-throttle")
public record LoginThrottleProperties(Boolean enabled, Duration firstLockout, Duration forgetAfter, Integer maxEntries,
                                      Limit userAndAddress, Limit address, Limit user) {

    /**
     * The failures one key allows free and the longest lockout its failures earn.
     *
     * @param freeFailures how many failures the key allows before it is locked
     * @param maxLockout   the cap of the doubling lockout
     */
    public record Limit(Integer freeFailures, Duration maxLockout) {

        private Limit orElse(int defaultFreeFailures, Duration defaultMaxLockout) {
            return new Limit(freeFailures == null ? defaultFreeFailures : freeFailures,
                    maxLockout == null ? defaultMaxLockout : maxLockout);
        }
    }

    public LoginThrottleProperties {
        enabled = enabled == null || enabled;
        firstLockout = firstLockout == null ? Duration.ofSeconds(1) : firstLockout;
        forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
        maxEntries = maxEntries == null ? 10_000 : maxEntries;
        userAndAddress = orDefault(userAndAddress).orElse(5, Duration.ofSeconds(60));
        address = orDefault(address).orElse(20, Duration.ofSeconds(60));
        user = orDefault(user).orElse(20, Duration.ofSeconds(5));
    }

    private static Limit orDefault(Limit limit) {
        return limit == null ? new Limit(null, null) : limit;
    }

    /**
     * The defaults: 5 free failures per user name and address (then up to 60 s), 20 per address (up to 60 s) and 20
     * per user name (up to 5 s), a first lockout of 1 s, failures forgotten after 15 minutes, 10 000 keys.
     *
     * @return the defaults
     */
    public static LoginThrottleProperties defaults() {
        return new LoginThrottleProperties(null, null, null, null, null, null, null);
    }
}
