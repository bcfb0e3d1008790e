package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The login throttle's policy, on a clock the test moves.
 */
class LoginThrottleTest {

    private static final String HOME = "10.0.0.1";
    private static final String ATTACKER = "10.6.6.6";

    private final MovableClock clock = new MovableClock();

    @Test
    void theFreeFailuresLockNothing() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);

        fail(throttle, "auditor", HOME, 5);

        assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheLockoutUpToItsCap() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
        fail(throttle, "auditor", HOME, 5);

        for (long expected : new long[] {1, 2, 4, 8, 16, 32, 60, 60}) {
            throttle.failed("auditor", HOME);
            assertThat(throttle.lockedFor("auditor", HOME)).contains(Duration.ofSeconds(expected));
            clock.advance(Duration.ofSeconds(expected));
            assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
        }
    }

    @Test
    void aLockoutEndsWithItsTime() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
        fail(throttle, "auditor", HOME, 6);

        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.lockedFor("auditor", HOME)).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
    }

    @Test
    void aLoginForgetsTheFailuresOfItsUserName() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
        fail(throttle, "auditor", HOME, 6);
        clock.advance(Duration.ofSeconds(1));

        throttle.succeeded("auditor", HOME);
        throttle.failed("auditor", HOME);

        assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietWhile() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
        fail(throttle, "auditor", HOME, 5);
        clock.advance(Duration.ofMinutes(16));

        throttle.failed("auditor", HOME);

        assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
    }

    @Test
    void anAddressGuessingManyUserNamesIsLockedForEveryName() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);

        for (int i = 0; i < 21; i++) {
            throttle.failed("guess-" + i, ATTACKER);
        }

        assertThat(throttle.lockedFor("secretariat", ATTACKER)).contains(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("secretariat", HOME)).isEmpty();
    }

    @Test
    void aLoginDoesNotForgetTheFailuresOfItsAddress() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess-" + i, ATTACKER);
        }

        throttle.succeeded("kommune-5054", ATTACKER);
        throttle.failed("guess-20", ATTACKER);

        assertThat(throttle.lockedFor("admin", ATTACKER)).contains(Duration.ofSeconds(1));
    }

    @Test
    void failuresFromElsewhereNeverLockOutAUserWhoHasNotFailedHimself() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);

        for (int i = 0; i < 100; i++) {
            throttle.failed("secretariat", "10.6.6." + i);
        }

        assertThat(throttle.lockedFor("secretariat", HOME)).isEmpty();
    }

    @Test
    void theUserNameLockAcrossAddressesIsShortForAnAddressThatFailedToo() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
        for (int i = 0; i < 100; i++) {
            throttle.failed("secretariat", "10.6.6." + i);
        }

        throttle.failed("secretariat", HOME);

        assertThat(throttle.lockedFor("secretariat", HOME)).contains(Duration.ofSeconds(5));
    }

    @Test
    void theMemoryKeepsAtMostItsEntries() {
        LoginThrottleProperties small = new LoginThrottleProperties(true, Duration.ofSeconds(1),
                Duration.ofMinutes(15), 3, new LoginThrottleProperties.Limit(1, Duration.ofSeconds(60)),
                new LoginThrottleProperties.Limit(100, Duration.ofSeconds(60)),
                new LoginThrottleProperties.Limit(100, Duration.ofSeconds(5)));
        LoginThrottle throttle = new LoginThrottle(small, clock);
        fail(throttle, "auditor", HOME, 2);
        assertThat(throttle.lockedFor("auditor", HOME)).isPresent();

        throttle.failed("someone-else", ATTACKER);

        assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
    }

    @Test
    void aDisabledThrottleLocksNothing() {
        LoginThrottleProperties off = new LoginThrottleProperties(false, null, null, null, null, null, null);
        LoginThrottle throttle = new LoginThrottle(off, clock);

        fail(throttle, "auditor", HOME, 100);

        assertThat(throttle.lockedFor("auditor", HOME)).isEmpty();
    }

    @Test
    void theUserNameIsReadFromBasicCredentials() {
        assertThat(LoginThrottleFilter.basicUser("Basic YXVkaXRvcjp3cm9uZw==")).isEqualTo("auditor");
        assertThat(LoginThrottleFilter.basicUser("basic YXVkaXRvcjp3cm9uZw==")).isEqualTo("auditor");
        assertThat(LoginThrottleFilter.basicUser("Basic !!!")).isNull();
        assertThat(LoginThrottleFilter.basicUser("Basic bm9jb2xvbg==")).isNull();
        assertThat(LoginThrottleFilter.basicUser("Bearer abc")).isNull();
        assertThat(LoginThrottleFilter.basicUser(null)).isNull();
    }

    private static void fail(LoginThrottle throttle, String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
